package search

import (
	"unsafe"

	"github.com/herald-reader/herald/feed"
)

// A scan over a million articles waits mostly for memory: each
// candidate's doc, its article and the strings the article points to are
// a cache miss apiece, met one after another. Asking for them some
// candidates ahead (see prefetch) lets the misses overlap with the work
// on the candidates before: at a million articles it cut the scan's CPU
// by a fifth, and a keystroke's whole result came up to twice as soon
// when other work competed for memory.

// ahead is how many candidates ahead a scan asks for an article; for its
// doc twice as far (a narrowed search's docs are scattered), and for the
// strings the article points to half as far (the article is in cache by
// then).
const ahead = 8

// The part of an Article that a search reads: from the title on.
const (
	articleFrom = unsafe.Offsetof(feed.Article{}.Title)
	articleSize = unsafe.Sizeof(feed.Article{}) - articleFrom
)

// fetchAhead asks for the memory that the candidates after i, up to hi,
// will need when the scan comes to them.
func (s *scan) fetchAhead(i, hi int) {
	if j := i + 2*ahead; j < hi && s.cand != nil {
		prefetch(unsafe.Pointer(&s.docs[s.cand[j]]), unsafe.Sizeof(doc{}))
	}
	if j := i + ahead; j < hi {
		a := s.docs[s.docIndex(j)].a
		prefetch(unsafe.Add(unsafe.Pointer(a), articleFrom), articleSize)
	}
	if j := i + ahead/2; j < hi {
		d := &s.docs[s.docIndex(j)]
		if d.t != nil { // the folded copies are read instead
			return
		}
		a := d.a
		prefetchString(a.Title)
		prefetchString(a.Excerpt)
		prefetchString(a.Provider.Name)
		if len(a.Topics) > 0 {
			prefetch(unsafe.Pointer(unsafe.SliceData(a.Topics)), 1)
		}
		words, _ := a.BodyWords()
		prefetchString(words)
	}
}

// docIndex is candidate i's index in s.docs.
func (s *scan) docIndex(i int) int32 {
	if s.cand != nil {
		return s.cand[i]
	}
	return int32(i)
}

// prefetchString asks for the first cache line of s.
func prefetchString(s string) {
	if s != "" {
		prefetch(unsafe.Pointer(unsafe.StringData(s)), 1)
	}
}
