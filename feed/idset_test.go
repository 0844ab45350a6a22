package feed

import "testing"

// An idSet tells a repeated ID, whether it is one of the 12 hex digits
// every ID the loader makes has (kept as a number) or anything else a
// crafted cache may hold, and never takes one for another.
func TestIDSetTellsRepeatedIDs(t *testing.T) {
	var s idSet
	s.grow(4)
	ids := []string{"0123456789ab", "00000000000a", "a", "", "0123456789AB", "not an id at all", "ffffffffffff"}
	for _, id := range ids {
		if s.add(id) {
			t.Errorf("%q taken before it was added", id)
		}
	}
	s.grow(100) // keeps what it holds
	for _, id := range ids {
		if !s.add(id) {
			t.Errorf("%q not taken after it was added", id)
		}
	}
	if len(s.keys) != 3 {
		t.Errorf("%d IDs kept as numbers, want the 3 of 12 hex digits", len(s.keys))
	}
}
