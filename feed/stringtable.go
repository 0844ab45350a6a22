package feed

import "encoding/binary"

// stringTable collects a snapshot's string table and topic lists while
// its records are encoded (see record.go).
//
// A snapshot writer numbers the related titles by their place in the
// load's title table (see numberTitles): they are the most (357,000 at
// 100,000 articles) and would otherwise all be keys of index. The values
// entered before that (categories, providers, tags, topics: few, and
// referred to by every record) keep the small numbers; titles come after
// them, then any value entered later.
type stringTable struct {
	index  map[string]uint64
	strs   []string
	titles *titleNumbers     // nil: titles are entered in strs as any value
	lists  map[string]uint64 // topic list -> 1-based reference, by refs joined
	refs   [][]uint64        // each list's string references
	key    []byte
}

func newStringTable() *stringTable {
	return &stringTable{index: map[string]uint64{}, lists: map[string]uint64{}}
}

// listRef is the reference of a topic list, 0 for none.
func (t *stringTable) listRef(l []string) uint64 {
	if len(l) == 0 {
		return 0
	}
	refs := make([]uint64, len(l))
	t.key = t.key[:0]
	for i, s := range l {
		refs[i] = t.ref(s)
		t.key = binary.AppendUvarint(t.key, refs[i])
	}
	if i, ok := t.lists[string(t.key)]; ok {
		return i
	}
	t.refs = append(t.refs, refs)
	i := uint64(len(t.refs))
	t.lists[string(t.key)] = i
	return i
}

// ref is the reference of s, 0 for "".
func (t *stringTable) ref(s string) uint64 {
	if s == "" {
		return 0
	}
	if i, ok := t.index[s]; ok {
		return i
	}
	t.strs = append(t.strs, s)
	i := uint64(len(t.strs))
	if t.titles != nil && i > t.titles.first {
		i += uint64(t.titles.count)
	}
	t.index[s] = i
	return i
}

// refValues enters the values a's record refers to, but its related
// titles, in the order appendArticle refers to them.
func (t *stringTable) refValues(a *Article) {
	for _, s := range [...]string{a.Category, a.Type, a.Provider.Name, a.Provider.Domain} {
		t.ref(s)
	}
	t.listRef(a.Topics)
	for _, s := range a.Tags {
		t.ref(s)
	}
}

// len is the number of strings in the table.
func (t *stringTable) len() uint64 {
	if t.titles == nil {
		return uint64(len(t.strs))
	}
	return uint64(len(t.strs)) + uint64(t.titles.count)
}

// each calls f with the table's strings in the order of their references.
func (t *stringTable) each(f func(string) error) error {
	before := t.strs
	if t.titles != nil {
		before = t.strs[:t.titles.first]
	}
	for _, s := range before {
		if err := f(s); err != nil {
			return err
		}
	}
	if t.titles == nil {
		return nil
	}
	if err := t.titles.each(f); err != nil {
		return err
	}
	for _, s := range t.strs[t.titles.first:] {
		if err := f(s); err != nil {
			return err
		}
	}
	return nil
}
