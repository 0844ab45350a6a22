package search

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// At a million articles a short word matches most of them, and finding
// and ranking them all takes the cores most of a second. The reader
// cannot make that shorter, but it can show the first screenful sooner
// (see Preview): the docs are scanned in blocks handed to the cores in
// order, so the blocks done at any moment are mostly a prefix of the
// index, which is the library's order, newest first. Blocks also share
// the work out evenly, where halves left one core idle when the other
// half was harder.

// scanBlock is how many candidates a core takes at a time: a few
// milliseconds of work, so a look at the prefix done is never far behind.
const scanBlock = 8192

// scanned is what a scan found among some candidates (see scan.run).
type scanned struct {
	hits, scores []int32
	parts        []wordScore
}

// blockScan is one scan over n candidates, block by block.
type blockScan struct {
	s      *scan
	n      int
	blocks []scanned
	next   atomic.Int64 // the next block to take
	look   *earlyLook
	start  time.Time

	mu     sync.Mutex
	done   []bool
	prefix int  // blocks [0, prefix) are done
	looked bool // the look was taken, or given up
}

// runBlocks scans the n candidates of s on all cores and returns what it
// found, in candidate order. When look is not nil and the scan is still
// running after look.after, the core that finishes the next block hands
// look.show what the blocks of the prefix done by then found (its slices
// are the scan's: read them, do not keep or change them), and goes on.
// A core rather than a goroutine waiting for the time: that one would wait
// for a core too, up to a scheduler's slice.
func (s *scan) runBlocks(n int, look *earlyLook) scanned {
	nb := (n + scanBlock - 1) / scanBlock
	if nb <= 1 {
		h, sc, p := s.run(0, n)
		return scanned{h, sc, p}
	}
	b := &blockScan{s: s, n: n, blocks: make([]scanned, nb), done: make([]bool, nb), look: look, start: time.Now()}
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), nb) {
		wg.Go(b.work)
	}
	wg.Wait()
	return concat(b.blocks)
}

// work scans blocks, in order, until none is left.
func (b *blockScan) work() {
	for {
		i := int(b.next.Add(1) - 1)
		if i >= len(b.blocks) {
			return
		}
		lo := i * scanBlock
		h, sc, p := b.s.run(lo, min(lo+scanBlock, b.n))
		if found, ok := b.finish(i, scanned{h, sc, p}); ok {
			b.look.show(found)
		}
	}
}

// finish records block i's findings, and returns the prefix's when the
// look is due: at least one block done and less than a quarter of them.
// A scan further on ends soon after the look would (at 100,000 articles
// it ends at about twice the time), and the look's rows, their frame and
// the article they select only delay the result.
func (b *blockScan) finish(i int, found scanned) (prefix scanned, look bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.blocks[i], b.done[i] = found, true
	for b.prefix < len(b.done) && b.done[b.prefix] {
		b.prefix++
	}
	if b.look == nil || b.looked || b.prefix == 0 || time.Since(b.start) < b.look.after {
		return scanned{}, false
	}
	b.looked = true
	if 4*b.prefix >= len(b.blocks) {
		return scanned{}, false
	}
	return concat(b.blocks[:b.prefix]), true
}

func concat(blocks []scanned) scanned {
	var out scanned
	hits, scores, parts := make([][]int32, len(blocks)), make([][]int32, len(blocks)), make([][]wordScore, len(blocks))
	for i := range blocks {
		hits[i], scores[i], parts[i] = blocks[i].hits, blocks[i].scores, blocks[i].parts
	}
	out.hits, out.scores, out.parts = slices.Concat(hits...), slices.Concat(scores...), slices.Concat(parts...)
	return out
}

// earlyLook is a look at a long scan before it ends (see runBlocks).
type earlyLook struct {
	after time.Duration
	show  func(scanned)
}
