package search

import (
	"slices"
	"strings"

	"github.com/herald-reader/herald/feed"
)

// Match reports whether the article matches the query. st may be nil (no
// article is read or starred). For many articles use an Index, which
// prepares the folded text once.
func (q Query) Match(a *feed.Article, st State) bool {
	return q.MatchPage(a, "", st)
}

// MatchPage is Match for an article whose fetched web page (reader mode)
// has the text page: free words and phrases find it there too.
func (q Query) MatchPage(a *feed.Article, page string, st State) bool {
	var t *text
	if q.text {
		if t = foldedText(a, page); t == nil {
			plain := textOf(a)
			t = &plain
		}
	}
	return q.match(a, t, st, nil, allUpper)
}

// match evaluates the terms in order (cheapest first, see termKind), then
// the groups; t is only read when q.text. g and upper are the article's
// grams and upper-case letters when indexed, else nil and allUpper.
func (q *Query) match(a *feed.Article, t *text, st State, g *grams, upper uint32) bool {
	for i := range q.terms {
		if q.terms[i].eval(a, t, st, g, upper) == q.terms[i].neg {
			return false
		}
	}
	for i := range q.groups {
		if q.groups[i].eval(a, t, st, g, upper) == q.groups[i].neg {
			return false
		}
	}
	return true
}

// checks are what a candidate of a search still has to pass: the
// top-level terms and groups of the query not skipped (true: skip),
// after a quick test that its grams cover need.
type checks struct {
	terms, groups []bool
	need          grams // of every word or phrase a match must hold
	needs         bool  // need is not empty
	text          bool  // some check left reads the text
}

// checksFor returns the checks of q for candidates known to pass the
// terms and groups known says (nil: none). ranked: the top-level free
// words are left to the ranker, which matches them as it scores them
// (see ranker.score); their grams are still needed.
func (q *Query) checksFor(known *checks, ranked bool) checks {
	c := checks{terms: make([]bool, len(q.terms)), groups: make([]bool, len(q.groups))}
	for i := range q.terms {
		tm := &q.terms[i]
		if known != nil && known.terms[i] {
			c.terms[i] = true
			continue
		}
		if tm.kind >= kindTopic && !tm.neg {
			c.need.add(&tm.n.grams)
			c.needs = true
		}
		c.terms[i] = ranked && tm.kind == kindText && !tm.neg
		c.text = c.text || !c.terms[i] && tm.kind >= kindType
	}
	for i := range q.groups {
		c.groups[i] = known != nil && known.groups[i]
		c.text = c.text || !c.groups[i] && slices.ContainsFunc(q.groups[i].alts, func(a Query) bool { return a.text })
	}
	return c
}

// matchChecks is match but for the terms and groups c skips; t is only
// read when c.text.
func (q *Query) matchChecks(a *feed.Article, t *text, st State, g *grams, upper uint32, c *checks) bool {
	for i := range q.terms {
		if !c.terms[i] && q.terms[i].eval(a, t, st, g, upper) == q.terms[i].neg {
			return false
		}
	}
	for i := range q.groups {
		if !c.groups[i] && q.groups[i].eval(a, t, st, g, upper) == q.groups[i].neg {
			return false
		}
	}
	return true
}

func (gr *group) eval(a *feed.Article, t *text, st State, g *grams, upper uint32) bool {
	for i := range gr.alts {
		if gr.alts[i].match(a, t, st, g, upper) {
			return true
		}
	}
	return false
}

func (tm *term) eval(a *feed.Article, t *text, st State, g *grams, upper uint32) bool {
	switch tm.kind {
	case kindIs:
		if st == nil {
			return tm.is == "unread"
		}
		switch tm.is {
		case "read":
			return st.IsRead(a.ID)
		case "unread":
			return !st.IsRead(a.ID)
		}
		return st.IsStarred(a.ID)
	case kindSince:
		return !a.Published.IsZero() && !a.Published.Before(tm.at)
	case kindBefore:
		return !a.Published.IsZero() && a.Published.Before(tm.at)
	case kindIn:
		return inFolder(a.Rel(), tm.in)
	case kindSite:
		return onSite(urlHost(a.URL()), &tm.n, tm.exact)
	case kindType:
		return tm.n.equal(t.typ)
	}
	// Every other kind looks for its value in the text the grams cover.
	if g != nil && !g.covers(&tm.n.grams) {
		return false
	}
	switch tm.kind {
	case kindTopic:
		return t.hasTopic(&tm.n, tm.exact, upper)
	case kindProvider:
		return t.hasProvider(&tm.n, tm.exact, upper)
	case kindText:
		return t.hasText(&tm.n, upper)
	}
	a2, ok := tm.n.pick(upper)
	w := word{n: &tm.n, a: a2, ok: ok, exact: tm.exact}
	switch tm.kind {
	case kindTitle:
		return w.in(t.title)
	case kindExcerpt:
		return w.in(t.excerpt)
	case kindRelated:
		return w.inAny(t.related())
	}
	return t.hasBodyWord(w)
}

// inFolder reports whether the file rel (slash-separated, under its
// library root) is in the folder dir or a folder below it: in:_news holds
// _news/x.md and _news/2024/x.md, not _newsletters/x.md.
func inFolder(rel, dir string) bool {
	return len(rel) > len(dir) && rel[len(dir)] == '/' && strings.EqualFold(rel[:len(dir)], dir)
}
