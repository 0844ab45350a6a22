package feed

import (
	"encoding/binary"
	"strings"
	"time"

	"github.com/herald-reader/herald/internal/textsafe"
)

// A record is one cached summary:
//
//	ID Title Excerpt webUrl | originalUrl | body's words |
//	@Category @Type @ProviderName @ProviderDomain |
//	published flag [Unix seconds | nanoseconds] | Quality | Heat |
//	RelatedCount | title hash (4 bytes LE) | &Topics |
//	3 list lengths | @Tags @RelatedTitles Warnings | packed related IDs
//
// Plain fields are length-prefixed strings; @fields are references into
// the cache file's string table (1-based, 0 is ""), which holds each value
// that repeats across articles once; &Topics is a reference (1-based, 0 is
// none) into its table of topic lists, decoded once and shared by every
// article with that list (an archive has a few hundred lists), which
// saves a slice and a lookup per article. originalUrl is a mode byte then a
// string (mode 0) or the length of a prefix of webUrl (mode 1): the same
// sharing compactSummary does in memory. The related IDs are as a summary
// holds them (see packIDs).

// recordTables are a cache file's shared values that records refer to.
type recordTables struct {
	strs  []string
	lists [][]string // topic lists, shared by the articles decoded
	// titles holds strs, which are views of it; titleRefs[i] is the
	// reference of string table entry i there (0 is "").
	titles    *titleTable
	titleRefs []uint32
}

// newRecordTables copies a cache file's string table into a title table
// of its own: the library keeps the shared values, not the rest of the
// file, and its related titles refer to them (see Titles). The strings
// must be sanitised already; false when they fill more than a table.
func newRecordTables(strs []string) (recordTables, bool) {
	size := 1
	for _, s := range strs {
		size += uvarintLen(uint64(len(s))) + len(s)
	}
	t := recordTables{strs: strs, titles: newTitleTable(size), titleRefs: make([]uint32, len(strs)+1)}
	ok := true
	if t.titleRefs[0], ok = t.titles.add(""); !ok {
		return recordTables{}, false
	}
	for i, s := range strs {
		ref, ok := t.titles.add(s)
		if !ok {
			return recordTables{}, false
		}
		t.titleRefs[i+1], strs[i] = ref, chunkTitle(t.titles.dir, ref)
	}
	return t, true
}

// appendArticle encodes a summary's record; id is its ID before the
// stream's de-duplication (which depends on the other files).
func appendArticle(b []byte, a *Article, id string, t *stringTable) []byte {
	for _, s := range [...]string{id, a.Title, a.Excerpt, a.WebURL} {
		b = appendStr(b, s)
	}
	switch orig := a.OriginalURL; {
	case orig != "" && strings.HasPrefix(a.WebURL, orig):
		b = binary.AppendUvarint(append(b, 1), uint64(len(orig)))
	default:
		b = appendStr(append(b, 0), orig)
	}
	b = appendStr(b, a.words)
	for _, s := range [...]string{a.Category, a.Type, a.Provider.Name, a.Provider.Domain} {
		b = binary.AppendUvarint(b, t.ref(s))
	}
	if a.Published.IsZero() {
		b = append(b, 0)
	} else {
		b = append(b, 1)
		b = binary.AppendVarint(b, a.Published.Unix())
		b = binary.AppendUvarint(b, uint64(a.Published.Nanosecond()))
	}
	b = binary.AppendVarint(b, int64(a.Quality))
	b = binary.AppendVarint(b, int64(a.Heat))
	b = binary.AppendVarint(b, int64(a.RelatedCount))
	b = binary.LittleEndian.AppendUint32(b, a.titleHash)
	b = binary.AppendUvarint(b, t.listRef(a.Topics))
	ids, warnings, _ := a.relatedParts()
	titles := a.RelatedTitles()
	for _, n := range [...]int{len(a.Tags), titles.Len(), Titles{s: warnings}.Len()} {
		b = binary.AppendUvarint(b, uint64(n))
	}
	for _, s := range a.Tags {
		b = binary.AppendUvarint(b, t.ref(s))
	}
	if t.titles != nil && titles.tab == t.titles.tab && titles.tab != nil {
		for ref := range titles.refs() {
			b = binary.AppendUvarint(b, t.titles.of(ref))
		}
	} else {
		for s := range titles.All() {
			b = binary.AppendUvarint(b, t.ref(s))
		}
	}
	b = append(b, warnings...) // each length-prefixed, as appendStr writes them
	return appendStr(b, ids)
}

// decodeArticle decodes a record into a, which must be zero; its strings
// are slices of rec and of the table's strings, its topics one of the
// tables' lists. On an error a holds whatever was decoded before it.
func decodeArticle(rec string, t recordTables, a *Article) error {
	d := cacheDecoder{s: rec, table: t.strs}
	for _, p := range [...]*string{&a.ID, &a.Title, &a.Excerpt, &a.WebURL} {
		*p = d.str()
	}
	switch d.byte() {
	case 0:
		a.OriginalURL = d.str()
	case 1:
		a.OriginalURL = d.prefix(a.WebURL)
	default:
		return errCacheCorrupt
	}
	if a.words = d.str(); len(a.words) > MaxBodyWords+1 { // a summary never holds more (see BodyWords)
		return errCacheCorrupt
	}
	for _, p := range [...]*string{&a.Category, &a.Type, &a.Provider.Name, &a.Provider.Domain} {
		*p = d.ref()
	}
	if d.byte() == 1 {
		sec, nsec := d.varint(), d.uvarint()
		if nsec >= 1e9 {
			return errCacheCorrupt
		}
		a.Published = time.Unix(sec, int64(nsec)).UTC()
	}
	a.Quality, a.Heat, a.RelatedCount = clampInt32(d.varint()), clampInt32(d.varint()), clampInt32(d.varint())
	a.titleHash = d.uint32()
	switch i := d.uvarint(); {
	case i > uint64(len(t.lists)):
		return errCacheCorrupt
	case i > 0:
		a.Topics = t.lists[i-1]
	}
	var tags, titles, warnings int
	for _, n := range [...]*int{&tags, &titles, &warnings} {
		c := d.uvarint()
		if c > uint64(len(rec)) { // each entry takes at least one byte
			return errCacheCorrupt
		}
		*n = int(c)
	}
	if d.bad || tags+titles+warnings > len(rec)-d.off {
		return errCacheCorrupt
	}
	if tags > 0 {
		a.Tags = make([]string, tags)
		for i := range a.Tags {
			a.Tags[i] = d.ref()
		}
	}
	var scratch [64]byte
	refs := scratch[:0]
	for range titles {
		i := d.uvarint()
		if i >= uint64(len(t.titleRefs)) {
			return errCacheCorrupt
		}
		refs = binary.LittleEndian.AppendUint32(refs, t.titleRefs[i])
	}
	var ws []byte
	for range warnings {
		ws = appendPrefixed(ws, textsafe.Sanitize(d.str())) // see below
	}
	ids := d.str()
	if d.bad || d.off != len(rec) || len(ids)%packedIDLen != 0 {
		return errCacheCorrupt
	}
	a.setRelated(ids, string(ws), Titles{tab: t.titles, s: string(refs)})
	// The cache is a file anyone who can write the directory can craft:
	// its text passes the sanitiser parsed text passes (clean text, all
	// of a real cache, is returned as it is, without a copy). Shared
	// values are cleaned once, in parseSnapshot.
	for _, p := range [...]*string{&a.ID, &a.Title, &a.Excerpt, &a.WebURL, &a.OriginalURL, &a.words} {
		*p = textsafe.Sanitize(*p)
	}
	return nil
}

func appendStr(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// cacheDecoder reads varints, length-prefixed strings and table references
// from a string; any read out of bounds sets bad and yields zero values.
type cacheDecoder struct {
	s     string
	off   int
	bad   bool
	table []string
}

func (d *cacheDecoder) byte() byte {
	if d.off >= len(d.s) {
		d.bad = true
		return 0
	}
	b := d.s[d.off]
	d.off++
	return b
}

func (d *cacheDecoder) uvarint() uint64 {
	var x uint64
	for shift := uint(0); shift < 64; shift += 7 {
		b := d.byte()
		if d.bad {
			return 0
		}
		if b < 0x80 {
			return x | uint64(b)<<shift
		}
		x |= uint64(b&0x7f) << shift
	}
	d.bad = true
	return 0
}

func (d *cacheDecoder) uint32() uint32 {
	if len(d.s)-d.off < 4 {
		d.bad = true
		return 0
	}
	v := binary.LittleEndian.Uint32([]byte(d.s[d.off : d.off+4]))
	d.off += 4
	return v
}

func (d *cacheDecoder) varint() int64 {
	ux := d.uvarint()
	x := int64(ux >> 1)
	if ux&1 != 0 {
		x = ^x
	}
	return x
}

func (d *cacheDecoder) str() string {
	n := d.uvarint()
	if d.bad || n > uint64(len(d.s)-d.off) {
		d.bad = true
		return ""
	}
	s := d.s[d.off : d.off+int(n)]
	d.off += int(n)
	return s
}

// ref reads a string table reference.
func (d *cacheDecoder) ref() string {
	i := d.uvarint()
	switch {
	case d.bad || i == 0:
		return ""
	case i > uint64(len(d.table)):
		d.bad = true
		return ""
	}
	return d.table[i-1]
}

// prefix reads a length and returns that prefix of s.
func (d *cacheDecoder) prefix(s string) string {
	n := d.uvarint()
	if d.bad || n > uint64(len(s)) {
		d.bad = true
		return ""
	}
	return s[:n]
}
