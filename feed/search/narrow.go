package search

import (
	"reflect"
	"slices"
	"strings"
)

// Typing in the filter mostly narrows the query: "clem" after "cle", or a
// new term after a space. A query that narrows an earlier one can only
// match articles the earlier one matched, so Search keeps its last few
// result sets and looks only at the smallest one it narrows (plus any
// articles added since). Backspace falls back on an older, wider set.

// recentSearches is how many result sets an Index keeps (each at most 4
// bytes per article).
const recentSearches = 4

type recent struct {
	q       Query
	st      State  // only kept when q has an is: term (see sameState)
	version uint64 // st's Version then
	n       int    // len(docs) then: later docs were not searched
	hits    []int32
	// parts: when the search ranked, each hit's part of the score for
	// each of q's rank words (hit i's from i*len(words) on).
	parts []wordScore
}

// prior is what a search knows of its first candidates, cand[:n]: the
// hits of an earlier query that q narrows. The terms and groups of q that
// the earlier query's imply hold for them, and the rank words the two
// share score as they did then. So a keystroke that only grew the last
// word reads the articles for that word alone.
type prior struct {
	n     int
	known checks // terms and groups of q that hold; need and text unset
	// from[j] is the earlier query's rank word that equals q's word j
	// (text and prefix), -1 for none; else within[j] is the longest one
	// inside word j ("gen" in "gene"), whose absent fields word j lacks
	// too, -1 for none. parts are the earlier parts (see recent), width
	// per hit.
	from, within []int
	parts        []wordScore
	width        int
}

// Versioned is implemented by a State that counts its changes
// (state.Store does). Without it a result set that depends on the reading
// state (is:read) is never reused, since a mark may have changed since.
type Versioned interface {
	Version() uint64
}

// narrows reports whether every article q matches is matched by old:
// each of old's terms is implied by one of q's, and each of old's groups
// is one of q's too.
func (q *Query) narrows(old *Query) bool {
	for i := range old.terms {
		ot := &old.terms[i]
		if !slices.ContainsFunc(q.terms, func(nt term) bool { return nt.implies(ot) }) {
			return false
		}
	}
	for _, og := range old.groups {
		if !slices.ContainsFunc(q.groups, func(ng group) bool { return ng.neg == og.neg && ng.key == og.key }) {
			return false
		}
	}
	return true
}

// implies reports whether an article that satisfies t satisfies o.
func (t *term) implies(o *term) bool {
	if t.kind != o.kind || t.neg != o.neg {
		return false
	}
	switch t.kind {
	case kindText:
		if !t.neg {
			return strings.Contains(t.n.s, o.n.s) // "clem" implies "cle"
		}
	case kindTopic, kindProvider, kindTitle, kindExcerpt, kindRelated, kindBody, kindSite:
		// A word (name, host) starting with "learni" starts with "learn".
		if !t.neg && !o.exact {
			return strings.HasPrefix(t.n.s, o.n.s)
		}
		return t.exact == o.exact && t.n.s == o.n.s
	case kindSince:
		if t.neg { // -since:T is "before T, or no date"
			return !t.at.After(o.at)
		}
		return !t.at.Before(o.at)
	case kindBefore:
		if t.neg {
			return !t.at.Before(o.at)
		}
		return !t.at.After(o.at)
	case kindIs:
		return t.is == o.is
	case kindIn: // in:a/b implies in:a; -in:a implies -in:a/b
		if t.neg {
			return t.in == o.in || inFolder(o.in, t.in)
		}
		return t.in == o.in || inFolder(t.in, o.in)
	}
	return t.n.s == o.n.s
}

// candidates returns the doc indexes worth searching for q (nil: all),
// from the smallest recent result set q narrows, and what that result
// tells of them. same reports that they are exactly q's result: a set of
// a query that also narrows q, with no article added since.
func (ix *Index) candidates(q *Query, st State, words []rankWord) (cand []int32, p prior, same bool) {
	ix.recentMu.Lock()
	defer ix.recentMu.Unlock()
	var best *recent
	for i := range ix.recent {
		r := &ix.recent[i]
		if (best == nil || len(r.hits) < len(best.hits)) && q.narrows(&r.q) && sameState(r, st) {
			best = r
		}
	}
	if best == nil {
		return nil, prior{}, false
	}
	c := make([]int32, len(best.hits), len(best.hits)+len(ix.docs)-best.n)
	copy(c, best.hits)
	for i := best.n; i < len(ix.docs); i++ {
		c = append(c, int32(i))
	}
	return c, best.prior(q, words), best.n == len(ix.docs) && best.q.narrows(q)
}

// prior is what r's hits tell a search of q, which narrows r.q, with
// the rank words words.
func (r *recent) prior(q *Query, words []rankWord) prior {
	p := prior{n: len(r.hits), known: checks{terms: make([]bool, len(q.terms)), groups: make([]bool, len(q.groups))}}
	for i := range q.terms {
		p.known.terms[i] = slices.ContainsFunc(r.q.terms, func(o term) bool { return o.implies(&q.terms[i]) })
	}
	for i, g := range q.groups {
		p.known.groups[i] = slices.ContainsFunc(r.q.groups, func(o group) bool { return o.neg == g.neg && o.key == g.key })
	}
	if r.parts == nil || len(words) == 0 {
		return p
	}
	old := r.q.rankWords(nil, true)
	p.parts, p.width = r.parts, len(old)
	p.from, p.within = make([]int, len(words)), make([]int, len(words))
	for j, w := range words {
		p.from[j] = slices.IndexFunc(old, func(o rankWord) bool { return o.n.s == w.n.s && o.prefix == w.prefix })
		p.within[j] = -1
		for i, o := range old {
			if strings.Contains(w.n.s, o.n.s) && (p.within[j] < 0 || len(o.n.s) > len(old[p.within[j]].n.s)) {
				p.within[j] = i
			}
		}
	}
	return p
}

// sameState reports whether r's hits still hold for st: trivially when
// r's query does not look at the reading state, else only if st is the
// same Versioned store at the same version.
func sameState(r *recent, st State) bool {
	if r.st == nil {
		return true
	}
	v, ok := st.(Versioned)
	return ok && reflect.TypeOf(st).Comparable() && st == r.st && v.Version() == r.version
}

// remember keeps q's hits and their parts (see recent), dropping the
// oldest set. version is st's Version from before the search.
func (ix *Index) remember(q Query, st State, version uint64, n int, hits []int32, parts []wordScore) {
	r := recent{q: q, n: n, hits: hits, parts: parts}
	if slices.ContainsFunc(q.terms, func(t term) bool { return t.kind == kindIs }) {
		if _, ok := st.(Versioned); !ok || !reflect.TypeOf(st).Comparable() {
			return
		}
		r.st, r.version = st, version
	}
	ix.recentMu.Lock()
	defer ix.recentMu.Unlock()
	if len(ix.recent) == recentSearches {
		ix.recent = slices.Delete(ix.recent, 0, 1)
	}
	ix.recent = append(ix.recent, r)
}
