// Package parallel splits work over many articles between the cores: the
// one chunk loop of feed (title hashes), feed/search (indexing, searching)
// and feed/story (URL hashes).
package parallel

import (
	"runtime"
	"sync"
)

// minChunk is the fewest items worth a goroutine of their own.
const minChunk = 4096

// Parts is how many chunks Chunks splits n items into: one per core, none
// smaller than a few thousand items.
func Parts(n int) int { return max(1, min(runtime.GOMAXPROCS(0), n/minChunk)) }

// Chunks calls fn on consecutive chunks [lo, hi) of n items, chunk p of
// Parts(n), concurrently when there is more than one, and returns when all
// are done.
func Chunks(n int, fn func(p, lo, hi int)) {
	k := Parts(n)
	if k == 1 {
		fn(0, 0, n)
		return
	}
	var wg sync.WaitGroup
	for p := range k {
		wg.Go(func() { fn(p, p*n/k, (p+1)*n/k) })
	}
	wg.Wait()
}
