package feed

import (
	"encoding/binary"
	"fmt"
	"iter"
	"sync"
	"sync/atomic"
	"unsafe"
)

// Titles are an article's related stories' titles, kept in summaries for
// full-text search. A library of 100,000 articles holds about 700,000 of
// them, half of them repeats (the articles of one period list the same
// related stories), so a library's summaries keep 4-byte references into
// one table per load rather than a 16-byte string header each (issue 16:
// 8 MB at 100,000 articles). The zero value is no titles.
//
// Two forms, one per field value: tab nil, s is the titles themselves,
// each a uvarint length and its bytes (what the parser and NewTitles
// build); tab set, s is little-endian 4-byte references into tab (what
// a TitleStore and the cache make).
type Titles struct {
	tab *titleTable
	s   string
}

// NewTitles returns the titles as a value of their own.
func NewTitles(titles ...string) Titles {
	var b []byte
	for _, t := range titles {
		b = appendPrefixed(b, t)
	}
	return Titles{s: string(b)}
}

// Len is the number of titles.
func (t Titles) Len() int {
	if t.tab != nil {
		return len(t.s) / 4
	}
	n := 0
	for s := t.s; s != ""; n++ {
		_, s = cutPrefixed(s)
	}
	return n
}

// All yields the titles in order.
func (t Titles) All() iter.Seq[string] {
	return func(yield func(string) bool) {
		if t.tab == nil {
			for s := t.s; s != ""; {
				var title string
				if title, s = cutPrefixed(s); !yield(title) {
					return
				}
			}
			return
		}
		chunks := *t.tab.chunks.Load()
		for i := 0; i+4 <= len(t.s); i += 4 {
			if !yield(chunkTitle(chunks, refAt(t.s, i))) {
				return
			}
		}
	}
}

// refs yields the titles' references into t.tab (none when tab is nil).
func (t Titles) refs() iter.Seq[uint32] {
	return func(yield func(uint32) bool) {
		if t.tab == nil {
			return
		}
		for i := 0; i+4 <= len(t.s); i += 4 {
			if !yield(refAt(t.s, i)) {
				return
			}
		}
	}
}

// refAt is the little-endian reference at s[i:i+4].
func refAt(s string, i int) uint32 {
	return uint32(s[i]) | uint32(s[i+1])<<8 | uint32(s[i+2])<<16 | uint32(s[i+3])<<24
}

// List returns a copy of the titles; nil when there are none.
func (t Titles) List() []string {
	var out []string
	for s := range t.All() {
		out = append(out, s)
	}
	return out
}

// String formats the titles as fmt formats a []string.
func (t Titles) String() string { return fmt.Sprint(t.List()) }

// uvarintOf decodes the uvarint s starts with and its length in bytes
// (0, 0 when s holds none).
func uvarintOf(s string) (uint64, int) {
	var x uint64
	for i := 0; i < len(s) && i < binary.MaxVarintLen64; i++ {
		b := s[i]
		if b < 0x80 {
			return x | uint64(b)<<(7*i), i + 1
		}
		x |= uint64(b&0x7f) << (7 * i)
	}
	return 0, len(s)
}

// A titleTable holds titles once for the many articles that refer to
// them. A reference is a chunk number (the top 12 bits) and an offset in
// it (the low 20 bits), where the title is stored as a uvarint length and
// its bytes. Chunks are written only past what has been handed out, and
// an article reaches its readers after its titles were written (the
// loader's channels), so readers take no lock while one writer (see
// TitleStore) adds titles; the list of chunks is replaced, never
// modified, as it grows.
type titleTable struct {
	chunks atomic.Pointer[[][]byte] // each chunk's full length, filled or not

	// The writer's; read by one goroutine at a time.
	dir  [][]byte // *chunks, with spare capacity to grow into
	used int      // bytes of the last chunk written
	next int      // size of the next chunk
}

const (
	titleOffsetBits = 20
	titleChunkMax   = 1 << titleOffsetBits // a title starts in its chunk's first MB
	titleChunksMax  = 1 << (32 - titleOffsetBits)
)

// newTitleTable returns an empty table whose first chunk holds about
// size bytes of titles (at least 4 KB).
func newTitleTable(size int) *titleTable {
	t := &titleTable{next: min(max(size, 4<<10), titleChunkMax)}
	t.chunks.Store(new([][]byte))
	return t
}

// chunkTitle is the title at ref in chunks.
func chunkTitle(chunks [][]byte, ref uint32) string {
	c := chunks[ref>>titleOffsetBits]
	off := int(ref & (titleChunkMax - 1))
	n, k := uvarintOf(unsafe.String(&c[off], min(len(c)-off, binary.MaxVarintLen64)))
	if n == 0 {
		return ""
	}
	// The bytes of a handed-out title are never written again, as with
	// strings.Builder.
	return unsafe.String(&c[off+k], int(n))
}

// add stores title and returns its reference; false when the table is
// full (4,096 chunks).
func (t *titleTable) add(title string) (uint32, bool) {
	need := uvarintLen(uint64(len(title))) + len(title)
	last := len(t.dir) - 1
	if last < 0 || t.used >= titleChunkMax || t.used+need > len(t.dir[last]) {
		if len(t.dir) == titleChunksMax {
			return 0, false
		}
		size := max(t.next, need) // a title longer than a chunk gets one of its own
		t.next = min(2*t.next, titleChunkMax)
		t.dir = append(t.dir, make([]byte, size))
		dir := t.dir
		t.chunks.Store(&dir)
		last, t.used = len(t.dir)-1, 0
	}
	ref := uint32(last)<<titleOffsetBits | uint32(t.used)
	c := t.dir[last][t.used:]
	copy(c[binary.PutUvarint(c, uint64(len(title))):], title)
	t.used += need
	return ref, true
}

func uvarintLen(x uint64) int {
	n := 1
	for ; x >= 0x80; x >>= 7 {
		n++
	}
	return n
}

// A TitleStore keeps related titles once for a whole load: the articles
// it shares titles for refer to its table (see Titles). Safe for
// concurrent use.
type TitleStore struct {
	mu   sync.Mutex
	tab  *titleTable
	refs titleSet // tab's titles
	buf  []byte
}

// NewTitleStore returns an empty store.
func NewTitleStore() *TitleStore {
	return &TitleStore{tab: newTitleTable(0), refs: newTitleSet()}
}

// Share returns t as references into the store's table, adding the
// titles it does not hold yet.
func (st *TitleStore) Share(t Titles) Titles {
	if t.s == "" {
		return t
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	if t.tab == st.tab {
		return t
	}
	for range 2 {
		if s, ok := st.refsOf(t); ok {
			return Titles{tab: st.tab, s: s}
		}
		// Full (4 GB of titles): a new table for these and later articles.
		st.tab, st.refs = newTitleTable(0), newTitleSet()
	}
	return t // more than a whole table alone: they stay the article's own
}

// refsOf is the references of t's titles, added to the table as needed;
// false when the table filled up first.
func (st *TitleStore) refsOf(t Titles) (string, bool) {
	st.buf = st.buf[:0]
	for title := range t.All() {
		ref, slot, ok := st.refs.find(st.tab, title)
		if !ok {
			if ref, ok = st.tab.add(title); !ok {
				return "", false
			}
			st.refs.insert(st.tab, slot, ref)
		}
		st.buf = binary.LittleEndian.AppendUint32(st.buf, ref)
	}
	return string(st.buf), true
}
