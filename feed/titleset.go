package feed

import (
	"hash/maphash"
	"math"
)

// titleSet finds the titles of a title table by their text: an
// open-addressing hash table of their references. A map[string]uint32
// took a 16-byte string header per title besides the reference (12.8 MB
// at 100,000 articles, live while the loader runs, issue 16); this takes
// 4 to 8 bytes a title and reads the text from the table.
type titleSet struct {
	seed  maphash.Seed
	slots []uint32 // a reference plus one; 0 is an empty slot
	n     int      // references held
}

func newTitleSet() titleSet {
	return titleSet{seed: maphash.MakeSeed(), slots: make([]uint32, 1024)}
}

// find returns the reference of title in tab, and false with the slot to
// insert it at when the set does not hold it.
func (s *titleSet) find(tab *titleTable, title string) (ref uint32, slot int, ok bool) {
	mask := len(s.slots) - 1
	for i := int(maphash.String(s.seed, title)) & mask; ; i = (i + 1) & mask {
		switch v := s.slots[i]; {
		case v == 0:
			return 0, i, false
		case chunkTitle(tab.dir, v-1) == title:
			return v - 1, i, true
		}
	}
}

// insert adds ref, the reference of a title find did not find at slot.
// The reference of a title at the very end of a full table is not held
// (it would be the empty slot): that title is stored again if it repeats.
func (s *titleSet) insert(tab *titleTable, slot int, ref uint32) {
	if ref == math.MaxUint32 {
		return
	}
	s.slots[slot] = ref + 1
	s.n++
	if s.n*4 >= len(s.slots)*3 {
		s.grow(tab)
	}
}

// grow doubles the slots, placing each reference again by its title.
func (s *titleSet) grow(tab *titleTable) {
	old := s.slots
	s.slots = make([]uint32, 2*len(old))
	mask := len(s.slots) - 1
	for _, v := range old {
		if v == 0 {
			continue
		}
		i := int(maphash.String(s.seed, chunkTitle(tab.dir, v-1))) & mask
		for s.slots[i] != 0 {
			i = (i + 1) & mask
		}
		s.slots[i] = v
	}
}
