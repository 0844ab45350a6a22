package feed

import (
	"hash/maphash"
	"sync"
)

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

// repeatedText keeps one copy of each title or excerpt (one
// repeatedText each) that a warm start decodes more than once: an
// article saved again on another day (11% of the excerpt bytes at a
// million generated articles, 32 MB, and a few MB of the titles the
// table does not hold). The decoding workers share it, its maps split by
// hash so that they seldom wait for each other; it lives as long as the
// decode, and its maps hold 8 bytes a string (a 32-bit hash and the
// index of the entry that kept it) to keep the decode's peak low.
type repeatedText struct {
	seed   maphash.Seed
	field  func(*Article) *string // the text kept: the title or the excerpt
	shards [64]repeatShard
}

type repeatShard struct {
	mu sync.Mutex
	m  map[uint32]int32 // hash -> the entry whose article kept the first string with it
}

func newRepeatedText(field func(*Article) *string) *repeatedText {
	return &repeatedText{seed: maphash.MakeSeed(), field: field}
}

// share sets the text of entries[i].art to the copy an earlier entry
// kept, when one kept the same string, or else copies it into ar and
// keeps that. The text is read and written under its shard's lock only.
func (r *repeatedText) share(entries []cacheEntry, i int, ar *textArena) {
	p := r.field(entries[i].art)
	if *p == "" {
		return
	}
	h := maphash.String(r.seed, *p)
	sh := &r.shards[h%uint64(len(r.shards))]
	key := uint32(h >> 32)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if j, ok := sh.m[key]; ok {
		if kept := *r.field(entries[j].art); kept == *p {
			*p = kept
			return
		}
		*p = ar.add(*p) // another string with its hash: not kept
		return
	}
	if sh.m == nil {
		sh.m = map[uint32]int32{}
	}
	*p = ar.add(*p)
	sh.m[key] = int32(i)
}
