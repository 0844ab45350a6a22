package search

import (
	"slices"
	"strings"
	"time"
)

// State is the reading state a query can ask about (is:read, is:starred).
// It must be safe for concurrent use: Index.Search calls it from several
// goroutines. state.Store implements it.
type State interface {
	IsRead(id string) bool
	IsStarred(id string) bool
}

// Query is a parsed search: terms that must all match (AND), and groups
// of alternatives joined by OR. The zero Query matches every article.
//
//	free words, "quoted phrases"   title, excerpt, body, provider, topics,
//	                               tags and related titles; case and
//	                               accents ignored; a word matches inside
//	                               longer words (goog finds Google)
//	topic:AI  t:learn              an article topic, a word of it by
//	t:"Machine Learning"           prefix (t:learn finds Machine
//	                               Learning); quoted: the whole topic
//	provider:Forbes  p:fox         provider name, a word of it by prefix,
//	p:forbes.com                   or domain (see hasProvider); quoted:
//	                               the whole name or domain
//	title:  excerpt:  related:     that field (related: a related story's
//	body:cranes  body:"red cranes" title; body: the body and the fetched
//	                               web page) has a word starting with the
//	                               value; quoted: the exact phrase
//	site:nytimes.com  site:nyt     the host of the article's URL, or a
//	                               domain above it, by prefix
//	since:7d  since:2024-01-01     published at or after (h d w m y ago,
//	before:2w before:2024-03       YYYY-MM-DD, YYYY-MM, YYYY, today,
//	                               yesterday; days start in now's zone);
//	                               never true for an undated article
//	is:unread  is:read  is:starred the reading state
//	type:article                   the article type
//	in:_news  in:_learning/videos  the article's folder under its root,
//	                               or a folder below it (ASCII case
//	                               ignored)
//	-TERM  -(...)                  a term or a group negated
//	A OR B  (A B) OR C             either; AND binds tighter than OR
type Query struct {
	src    string
	terms  []term  // cheapest first (see termKind)
	groups []group // evaluated after the terms
	text   bool    // some term looks at the article's text (see text)
}

// group matches when any of its alternatives does (none, when neg).
type group struct {
	neg  bool
	alts []Query
	key  string // the group as written, to compare groups (see narrows)
}

type termKind uint8

// Kinds in the order terms are evaluated: cheapest first.
const (
	kindIs termKind = iota
	kindSince
	kindBefore
	kindIn
	kindSite
	kindType
	kindTopic
	kindProvider
	kindTitle
	kindExcerpt
	kindRelated
	kindText
	kindBody
)

type term struct {
	kind  termKind
	neg   bool
	exact bool // the value was quoted: whole words (or the whole name)
	// prefix: the free word typed last; a word it starts counts in the
	// score as if it were the whole word (see rank.go).
	prefix bool
	n      needle    // type, topic, provider, site and the text kinds
	at     time.Time // since, before
	is     string    // read, unread, starred
	in     string    // in: the folder, slash-separated, no slash at either end
}

// qualifierNames are the qualifiers suggested for a misspelt one.
const qualifierNames = "topic provider title excerpt body related site since before is type in"

// qualifier returns the kind of a key (lower case) and the usage hint shown
// when its value is missing or wrong.
func qualifier(key string) (kind termKind, hint string, ok bool) {
	switch key {
	case "topic", "t":
		return kindTopic, key + `: wants a topic, e.g. ` + key + `:AI or ` + key + `:"Machine Learning"`, true
	case "provider", "p":
		return kindProvider, key + `: wants a name or domain, e.g. ` + key + `:Forbes or ` + key + `:forbes.com`, true
	case "title", "excerpt", "related", "body":
		return map[string]termKind{"title": kindTitle, "excerpt": kindExcerpt, "related": kindRelated, "body": kindBody}[key],
			key + `: wants words, e.g. ` + key + `:cranes or ` + key + `:"red cranes"`, true
	case "site":
		return kindSite, "site: wants a host, e.g. site:nytimes.com or site:nyt", true
	case "since":
		return kindSince, "since: wants 7d, 2w, 3m or 2024-01-01", true
	case "before":
		return kindBefore, "before: wants 7d, 2w, 3m or 2024-01-01", true
	case "is":
		return kindIs, "is: wants unread, read or starred", true
	case "type":
		return kindType, "type: wants an article type, e.g. type:article", true
	case "in":
		return kindIn, "in: wants a folder under the library's folder, e.g. in:_news or in:_learning/videos", true
	}
	return 0, "", false
}

// ParseQuery parses what the user typed in the filter. now resolves
// relative dates (since:7d). The error text is a short hint to show in
// place of the results: an unknown qualifier (with a suggestion), a bad
// value, an unterminated quote or parenthesis, an OR with nothing on one
// side.
func ParseQuery(s string, now time.Time) (Query, error) {
	toks, err := tokenize(s)
	if err != nil {
		return Query{}, err
	}
	p := parser{src: s, toks: toks, now: now}
	alts, err := p.or()
	if err != nil {
		return Query{}, err
	}
	q := alts[0]
	if len(alts) > 1 {
		q = Query{groups: []group{{alts: alts, key: p.source(0, len(toks))}}}
		q.finish()
	}
	q.src = s
	return q, nil
}

// String returns the query as typed.
func (q Query) String() string { return q.src }

// Words are the words and phrases the query looks for in the text (free
// words and the values of title:, excerpt:, related: and body:, not
// negated, in any alternative), folded as they are matched (see Fold):
// what a reader would highlight.
func (q Query) Words() []string {
	var out []string
	for _, t := range q.terms {
		if !t.neg && t.kind >= kindTitle && t.n.s != "" {
			out = append(out, t.n.s)
		}
	}
	for _, g := range q.groups {
		if !g.neg {
			for _, alt := range g.alts {
				out = append(out, alt.Words()...)
			}
		}
	}
	return out
}

// And is the query that matches what both q and o match (a view such as
// is:unread added to what the user typed, keeping its last word's
// prefix, see term.prefix).
func (q Query) And(o Query) Query {
	both := Query{src: strings.TrimSpace(q.src + " " + o.src)}
	both.terms = append(slices.Clip(q.terms), o.terms...)
	both.groups = append(slices.Clip(q.groups), o.groups...)
	both.finish()
	return both
}

// Empty reports whether the query matches everything.
func (q Query) Empty() bool { return len(q.terms) == 0 && len(q.groups) == 0 }

// finish orders the terms cheapest first and notes whether any term
// looks at the text, once the terms and groups are all in.
func (q *Query) finish() {
	slices.SortStableFunc(q.terms, func(a, b term) int { return int(a.kind) - int(b.kind) })
	q.text = slices.ContainsFunc(q.terms, func(t term) bool { return t.kind >= kindType }) ||
		slices.ContainsFunc(q.groups, func(g group) bool {
			return slices.ContainsFunc(g.alts, func(a Query) bool { return a.text })
		})
}

// parseWhen resolves a since:/before: value against now.
func parseWhen(v string, now time.Time) (time.Time, bool) {
	loc := now.Location()
	day := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc) }
	switch v {
	case "today":
		return day(now), true
	case "yesterday":
		return day(now).AddDate(0, 0, -1), true
	}
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(v) == len(layout) {
			if t, err := time.ParseInLocation(layout, v, loc); err == nil {
				return t, true
			}
		}
	}
	if len(v) < 2 || len(v) > 6 {
		return time.Time{}, false
	}
	n := 0
	for _, c := range []byte(v[:len(v)-1]) {
		if c < '0' || c > '9' {
			return time.Time{}, false
		}
		n = n*10 + int(c-'0')
	}
	switch v[len(v)-1] {
	case 'h':
		return now.Add(-time.Duration(n) * time.Hour), true
	case 'd':
		return now.AddDate(0, 0, -n), true
	case 'w':
		return now.AddDate(0, 0, -7*n), true
	case 'm':
		return now.AddDate(0, -n, 0), true
	case 'y':
		return now.AddDate(-n, 0, 0), true
	}
	return time.Time{}, false
}
