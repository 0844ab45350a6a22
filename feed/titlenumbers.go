package feed

import "math/bits"

// titleNumbers numbers the related titles of a snapshot's records in its
// string table by their references into the load's title table (see
// Titles), not by the strings: a map of the 357,000 distinct titles of
// 100,000 articles was 23 MB live at the end of a cold load, where the
// reader's memory peaks (issue 16). A bit per byte of the table marks
// where a used title starts; a title's number is first plus how many
// marked titles come before it, plus one. That takes 3/16 of the table's
// size.
type titleNumbers struct {
	tab    *titleTable
	chunks [][]byte   // the table's chunks, as far as marked
	used   [][]uint64 // per chunk: bit i set when the title at offset i is used; nil: none is
	before [][]uint32 // per chunk, per word of used: the titles marked before it
	count  uint32     // the titles marked, once numbered
	first  uint64     // the number before the first title's
}

// numberTitles enters in t the values of the articles of results that
// keep selects, then numbers their related titles after them (see
// stringTable). It leaves t.titles nil when the titles are not all in one
// table: a warm load that parsed files holds the snapshot's table and the
// load's, which can hold the same title, and numbering by reference
// would then write it twice, and once more on each such load.
func numberTitles(t *stringTable, results []loadResult, keep func(int) bool) {
	n := &titleNumbers{}
	for i := range results {
		r := &results[i]
		if !keep(i) || r.a == nil {
			continue
		}
		t.refValues(r.a)
		if !n.mark(r.a.RelatedTitles()) {
			return
		}
	}
	n.first = uint64(len(t.strs))
	n.number()
	t.titles = n
}

// mark marks t's titles; false when they are not in the table the
// titles marked before are in.
func (n *titleNumbers) mark(t Titles) bool {
	if t.s == "" {
		return true
	}
	switch {
	case t.tab == nil:
		return false
	case n.tab == nil:
		n.tab = t.tab
	case t.tab != n.tab:
		return false
	}
	for ref := range t.refs() {
		c, off := ref>>titleOffsetBits, ref&(titleChunkMax-1)
		if int(c) >= len(n.chunks) {
			n.chunks = *n.tab.chunks.Load() // chunks only ever grow
			n.used = append(n.used, make([][]uint64, len(n.chunks)-len(n.used))...)
		}
		if n.used[c] == nil {
			n.used[c] = make([]uint64, (len(n.chunks[c])+63)/64)
		}
		n.used[c][off/64] |= 1 << (off % 64)
	}
	return true
}

// number numbers the marked titles in the order of their references.
func (n *titleNumbers) number() {
	n.before = make([][]uint32, len(n.used))
	for c, words := range n.used {
		if words == nil {
			continue
		}
		n.before[c] = make([]uint32, len(words))
		for w, word := range words {
			n.before[c][w] = n.count
			n.count += uint32(bits.OnesCount64(word))
		}
	}
}

// of is the number (1-based) of the marked title at ref.
func (n *titleNumbers) of(ref uint32) uint64 {
	c, off := ref>>titleOffsetBits, ref&(titleChunkMax-1)
	word := n.used[c][off/64]
	return n.first + uint64(n.before[c][off/64]) + uint64(bits.OnesCount64(word&(1<<(off%64)-1))) + 1
}

// each calls f with the marked titles in the order of their numbers.
func (n *titleNumbers) each(f func(string) error) error {
	for c, words := range n.used {
		for w, word := range words {
			for word != 0 {
				off := w*64 + bits.TrailingZeros64(word)
				word &= word - 1
				if err := f(chunkTitle(n.chunks, uint32(c)<<titleOffsetBits|uint32(off))); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
