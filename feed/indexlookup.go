package feed

import (
	"hash/maphash"
	"sync/atomic"
)

// countIndex finds the entries of a snapshot's index by root and path,
// and marks the ones the walk found. It keeps no entries: a slot holds
// where its entry is in the index, decoded again when looked up.
type countIndex struct {
	x      *snapshot // read with snapshotIndexLent
	nroots int
	n      int // entries
	seed   maphash.Seed
	slots  []uint32 // an entry's offset in x.index + 1, by hash; 0 is free
	seen   []uint64 // a bit per slot: its entry was found by the walk
}

// newCountIndex checks x's index as parseIndex does, and hashes its
// entries.
func newCountIndex(x *snapshot, roots []string) (*countIndex, error) {
	d := cacheDecoder{s: x.index}
	n, err := d.indexHead(roots)
	if err != nil {
		return nil, err
	}
	size := 1
	for size < 2*n {
		size *= 2
	}
	ix := &countIndex{x: x, nroots: len(roots), n: n, seed: maphash.MakeSeed(), slots: make([]uint32, size), seen: make([]uint64, (size+63)/64)}
	mask := uint64(size - 1)
	records := 0
	var e cacheEntry
	for range n {
		at := d.off
		l, err := d.indexEntry(&e, len(roots))
		if err != nil {
			return nil, err
		}
		if l > x.recordsLen-records {
			return nil, errCacheCorrupt
		}
		records += l
		h := ix.hash(e.root, maphash.String(ix.seed, e.rel))
		for ; ix.slots[h&mask] != 0; h++ {
		}
		ix.slots[h&mask] = uint32(at) + 1 // an index is less than 1 GiB (maxCacheFileBytes)
	}
	if records != x.recordsLen {
		return nil, errCacheCorrupt
	}
	if err := (&snapshot{indexOnly: true}).parseTables(&d); err != nil {
		return nil, err
	}
	return ix, nil
}

func (ix *countIndex) hash(root int, relHash uint64) uint64 {
	return relHash ^ uint64(root)*0x9e3779b97f4a7c15
}

// find is the entry of rel under root, where it is in the index (the
// order of the entries) and its slot.
func (ix *countIndex) find(root int, rel []byte) (e cacheEntry, at, slot int, ok bool) {
	mask := uint64(len(ix.slots) - 1)
	for h := ix.hash(root, maphash.Bytes(ix.seed, rel)); ; h++ {
		s := ix.slots[h&mask]
		if s == 0 {
			return e, 0, 0, false
		}
		d := cacheDecoder{s: ix.x.index, off: int(s - 1)}
		d.indexEntry(&e, ix.nroots) // checked by newCountIndex
		if e.root == root && e.rel == string(rel) {
			return e, int(s - 1), int(h & mask), true
		}
	}
}

// see marks the entry in slot found; false when it was already (the walk
// met one file twice: the directory changed while it was listed).
func (ix *countIndex) see(slot int) bool {
	bit := uint64(1) << (slot % 64)
	return atomic.OrUint64(&ix.seen[slot/64], bit)&bit == 0
}
