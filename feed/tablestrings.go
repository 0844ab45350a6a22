package feed

import "hash/maphash"

// tableStrings finds a string of a cache file's string table by its
// bytes, so that a decoded summary whose title the table holds already
// (as a related story's title: saves of one story list each other, and
// an archive's articles are related to each other) keeps the table's
// copy rather than one of its own. At a million generated articles that
// is 43 MB of the 62 MB of titles (issue 16). Built once per warm start,
// read by every decoding worker.
type tableStrings struct {
	seed maphash.Seed
	at   map[uint64]uint32 // hash of a string -> its index in strs (the first, when hashes collide)
	strs []string
}

func newTableStrings(strs []string) *tableStrings {
	t := &tableStrings{seed: maphash.MakeSeed(), at: make(map[uint64]uint32, len(strs)), strs: strs}
	for i, s := range strs {
		if h := maphash.String(t.seed, s); t.at[h] == 0 {
			t.at[h] = uint32(i) + 1 // 0: none
		}
	}
	return t
}

// find returns the table's copy of s, or false when it holds none.
func (t *tableStrings) find(s string) (string, bool) {
	if s == "" {
		return "", false
	}
	i := t.at[maphash.String(t.seed, s)]
	if i == 0 || t.strs[i-1] != s {
		return "", false
	}
	return t.strs[i-1], true
}
