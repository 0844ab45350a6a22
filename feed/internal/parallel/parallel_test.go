package parallel

import (
	"sync/atomic"
	"testing"
)

// TestChunksCoverEveryItemOnce: the chunks tile [0, n) whatever n.
func TestChunksCoverEveryItemOnce(t *testing.T) {
	for _, n := range []int{0, 1, minChunk - 1, minChunk, 3*minChunk + 7, 100_000} {
		seen := make([]atomic.Int32, n)
		parts := atomic.Int32{}
		Chunks(n, func(p, lo, hi int) {
			parts.Add(1)
			if p < 0 || p >= Parts(n) {
				t.Errorf("n=%d: chunk %d of %d", n, p, Parts(n))
			}
			for i := lo; i < hi; i++ {
				seen[i].Add(1)
			}
		})
		for i := range seen {
			if c := seen[i].Load(); c != 1 {
				t.Fatalf("n=%d: item %d done %d times", n, i, c)
			}
		}
		if int(parts.Load()) != Parts(n) {
			t.Errorf("n=%d: %d chunks, want %d", n, parts.Load(), Parts(n))
		}
	}
}
