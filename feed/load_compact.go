package feed

import "strings"

// Memory layout of a summary. A library holds up to 100,000 summaries
// within 150 MB, so each one is packed after parsing:
//   - short values that repeat across articles (category, type, provider,
//     topics, tags) are interned: one copy per distinct value;
//   - every other string is copied into one allocation per article, so
//     none of them keeps the file's bytes alive (the parser may slice its
//     input, and the read buffer is reused) and small strings do not pay
//     for allocator rounding one by one;
//   - the string lists share one backing array.

// maxInterned bounds an interning table, so a library of unique values
// (every topic different) does not grow a second copy of itself.
const (
	maxInterned    = 4096
	maxInternedLen = 64
)

// interner keeps one copy of repeated short strings.
type strInterner struct{ m map[string]string }

func newStrInterner() strInterner { return strInterner{m: make(map[string]string, 256)} }

// get returns the shared copy of s, or "" and false when s is not worth
// sharing (too long, or the table is full).
func (in *strInterner) get(s string) (string, bool) {
	if s == "" {
		return "", true
	}
	if v, ok := in.m[s]; ok {
		return v, true
	}
	if len(s) > maxInternedLen || len(in.m) >= maxInterned {
		return "", false
	}
	s = strings.Clone(s)
	in.m[s] = s
	return s, true
}

// arena packs strings into one allocation: add records each string's
// place, build copies them all at once and points every string into it.
type strArena struct {
	ptrs []*string
	n    int
}

func (ar *strArena) add(p *string) {
	if *p != "" {
		ar.ptrs = append(ar.ptrs, p)
		ar.n += len(*p)
	}
}

func (ar *strArena) build() {
	if ar.n == 0 {
		return
	}
	var b strings.Builder
	b.Grow(ar.n)
	for _, p := range ar.ptrs {
		b.WriteString(*p)
	}
	all := b.String()
	off := 0
	for _, p := range ar.ptrs {
		l := len(*p)
		*p = all[off : off+l]
		off += l
	}
}

// compact packs a summary's strings (see the comment at the top). Every
// string field of Article must be handled here: TestCompactCopiesEveryString
// fails when a new field is forgotten. Path and Rel are not packed: the
// loader sets them afterwards to one shared string from the walk.
func compactSummary(a *Article, in *strInterner) {
	var ar strArena
	for _, p := range []*string{&a.Category, &a.Type, &a.Provider.Name, &a.Provider.Domain} {
		if v, ok := in.get(*p); ok {
			*p = v
		} else {
			ar.add(p)
		}
	}
	sameURL := a.WebURL == a.OriginalURL
	for _, p := range []*string{&a.ID, &a.Story, &a.Title, &a.Excerpt,
		&a.OriginalURL, &a.AmpWebURL, &a.CDNAmpWebURL, &a.Body, &a.FeaturedContent} {
		ar.add(p)
	}
	if !sameURL {
		ar.add(&a.WebURL)
	}

	lists := []*[]string{&a.Topics, &a.Tags, &a.RelatedTitles, &a.RelatedIDs, &a.Warnings}
	total := 0
	for _, l := range lists {
		total += len(*l)
	}
	backing := make([]string, 0, total)
	for i, l := range lists {
		if len(*l) == 0 {
			*l = nil
			continue
		}
		start := len(backing)
		backing = append(backing, *l...)
		*l = backing[start:len(backing):len(backing)] // full slice: an append cannot clobber the next list
		for j := range *l {
			p := &(*l)[j]
			if i < 2 { // topics and tags repeat across articles
				if v, ok := in.get(*p); ok {
					*p = v
					continue
				}
			}
			ar.add(p)
		}
	}
	ar.build()
	if sameURL {
		a.WebURL = a.OriginalURL
	}
}
