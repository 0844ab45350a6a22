package feed

import (
	"slices"
	"strings"
	"sync"
	"unsafe"
)

// Memory layout of a summary. A library holds up to 100,000 summaries
// within a memory budget, so each one is packed after parsing:
//   - values that repeat across articles are stored once per library:
//     category, type, provider, topics, tags, and the related stories'
//     titles (the articles of one period list the same related stories:
//     the shared corpus's 329 related entries hold 132 titles), these
//     as 4-byte references (see Titles);
//   - the related stories' IDs (six bytes each, see packIDs), their
//     titles' references and the warnings are one string (see related.go);
//   - every other string is copied into large chunks shared by many
//     articles, so none keeps the file's bytes alive (the parser may slice
//     its input, and the read buffer is reused) and small strings pay
//     neither an allocation each nor the allocator's rounding;
//   - webUrl shares the bytes of originalUrl when one is a prefix of the
//     other (usually they are equal).

// chunkSize is the size of a textArena chunk.
const chunkSize = 64 << 10

// textArena hands out copies of strings carved from large chunks. Bytes
// once written to a strings.Builder are never modified (that is what lets
// Builder.String avoid a copy), so slices of String stay valid while the
// chunk fills up. Not safe for concurrent use.
type textArena struct{ b strings.Builder }

func (ar *textArena) add(s string) string {
	if s == "" {
		return ""
	}
	if ar.b.Cap()-ar.b.Len() < len(s) {
		ar.b = strings.Builder{}
		ar.b.Grow(max(chunkSize, len(s)))
	}
	ar.b.WriteString(s)
	all := ar.b.String()
	return all[len(all)-len(s):]
}

// articleSlab hands out the summaries of a warm start from arrays of
// about slabBytes: at a million articles, allocated one by one, each paid
// the allocator's rounding up to its size class and a share of its span
// (issue 16); a large array is rounded up to whole pages only. A slab
// stays as long as any of its articles does; that is the library's whole
// life for all but the few a change replaces. Not safe for concurrent use.
type articleSlab []Article

const slabBytes = 256 << 10

// next returns a zero Article from the slab; left is how many the caller
// may still ask for, at least 1 (the last slab is no longer).
func (s *articleSlab) next(left int) *Article {
	if len(*s) == cap(*s) {
		*s = make([]Article, 0, min(left, slabBytes/int(unsafe.Sizeof(Article{}))))
	}
	*s = (*s)[:len(*s)+1]
	return &(*s)[len(*s)-1]
}

// unused gives back a, the last Article next returned, zeroed: nothing
// may point to it.
func (s *articleSlab) unused(a *Article) {
	*a = Article{}
	if n := len(*s); n > 0 && &(*s)[n-1] == a {
		*s = (*s)[:n-1]
	}
}

// sharedText keeps one copy of each repeated value for a whole load; all
// workers use it, one lock per article.
type sharedText struct {
	mu     sync.Mutex
	m      map[string]string
	ar     textArena
	lists  map[string][]string // topic lists, by their values joined with NUL
	key    []byte
	titles *TitleStore
}

func newSharedText() *sharedText {
	return &sharedText{m: make(map[string]string, 1024), lists: map[string][]string{}, titles: NewTitleStore()}
}

// internList returns the load's shared copy of a list of (interned)
// strings. Topic lists repeat across articles (an archive has a few
// hundred), so sharing them saves a slice of headers per article. The copy
// has no spare capacity: an append never writes into another article's.
func (st *sharedText) internList(l []string) []string {
	if len(l) == 0 {
		return nil
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	st.key = st.key[:0]
	for _, s := range l {
		st.key = append(append(st.key, s...), 0)
	}
	if v, ok := st.lists[string(st.key)]; ok {
		return v
	}
	v := slices.Clip(slices.Clone(l))
	st.lists[string(st.key)] = v
	return v
}

// internAll replaces each string with the load's shared copy.
func (st *sharedText) internAll(ps []*string) {
	st.mu.Lock()
	defer st.mu.Unlock()
	for _, p := range ps {
		if *p == "" {
			continue
		}
		if v, ok := st.m[*p]; ok {
			*p = v
			continue
		}
		v := st.ar.add(*p)
		st.m[v] = v
		*p = v
	}
}

// compactSummary packs a summary's strings (see the comment at the top).
// Every string field of Article must be handled here:
// TestCompactCopiesEveryString fails when a new field is forgotten. Path
// is not packed: the loader sets it afterwards to the walk's string.
func compactSummary(a *Article, ar *textArena, st *sharedText) {
	a.Tags = slices.Clip(slices.Clone(a.Tags)) // not the parser's array; nil stays nil
	shared := []*string{&a.Category, &a.Type, &a.Provider.Name, &a.Provider.Domain}
	for _, l := range [...][]string{a.Topics, a.Tags} {
		for i := range l {
			shared = append(shared, &l[i])
		}
	}
	st.internAll(shared)
	a.Topics = st.internList(a.Topics)
	a.SetRelatedTitles(st.titles.Share(a.RelatedTitles()))
	a.Title, a.Excerpt = ar.add(a.Title), ar.add(a.Excerpt)
	packOwnText(a, ar)
}

// packOwnText copies the strings that are the article's own (not shared
// with other articles) into ar, but for the title and the excerpt, which
// the caller packs (a warm start shares repeated ones, see
// decodeRecords).
func packOwnText(a *Article, ar *textArena) {
	for _, p := range []*string{&a.ID, &a.words, &a.related} {
		*p = ar.add(*p)
	}
	a.FirstSaveID = a.ID
	switch web, orig := a.WebURL, a.OriginalURL; {
	case strings.HasPrefix(web, orig):
		a.WebURL = ar.add(web)
		a.OriginalURL = a.WebURL[:len(orig)]
	case strings.HasPrefix(orig, web):
		a.OriginalURL = ar.add(orig)
		a.WebURL = a.OriginalURL[:len(web)]
	default:
		a.WebURL, a.OriginalURL = ar.add(web), ar.add(orig)
	}
}
