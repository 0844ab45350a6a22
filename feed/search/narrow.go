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
// from the smallest recent result set q narrows. same reports that they
// are exactly q's result: a set of a query that also narrows q, with no
// article added since.
func (ix *Index) candidates(q *Query, st State) (cand []int32, same bool) {
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
		return nil, false
	}
	c := make([]int32, len(best.hits), len(best.hits)+len(ix.docs)-best.n)
	copy(c, best.hits)
	for i := best.n; i < len(ix.docs); i++ {
		c = append(c, int32(i))
	}
	return c, best.n == len(ix.docs) && best.q.narrows(q)
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

// remember keeps q's hits, dropping the oldest set. version is st's
// Version from before the search.
func (ix *Index) remember(q Query, st State, version uint64, n int, hits []int32) {
	r := recent{q: q, n: n, hits: hits}
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
