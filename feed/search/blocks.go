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
const scanBlock = 16384

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

	mu     sync.Mutex
	done   []bool
	prefix int           // blocks [0, prefix) are done
	first  chan struct{} // closed once the first block is done
}

// runBlocks scans the n candidates of s on all cores and returns what it
// found, in candidate order. When look is not nil and the scan is still
// running after look.after, look.show gets what the blocks of the prefix
// done by then found (its slices are the scan's: read them, do not keep
// or change them), on this goroutine, while the cores go on.
func (s *scan) runBlocks(n int, look *earlyLook) scanned {
	nb := (n + scanBlock - 1) / scanBlock
	if nb <= 1 {
		h, sc, p := s.run(0, n)
		return scanned{h, sc, p}
	}
	b := &blockScan{s: s, n: n, blocks: make([]scanned, nb), done: make([]bool, nb), first: make(chan struct{})}
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), nb) {
		wg.Go(b.work)
	}
	if look != nil {
		finished := make(chan struct{})
		go func() { wg.Wait(); close(finished) }()
		t := time.NewTimer(look.after)
		select {
		case <-finished:
		case <-t.C:
			select { // a look shows at least the first block
			case <-finished:
			case <-b.first:
				if found, ok := b.donePrefix(); ok {
					look.show(found)
				}
			}
		}
		t.Stop()
		<-finished
	} else {
		wg.Wait()
	}
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
		b.mu.Lock()
		b.blocks[i] = scanned{h, sc, p}
		b.done[i] = true
		had := b.prefix
		for b.prefix < len(b.done) && b.done[b.prefix] {
			b.prefix++
		}
		if had == 0 && b.prefix > 0 {
			close(b.first)
		}
		b.mu.Unlock()
	}
}

// donePrefix is what the blocks done so far from the first one on found;
// not ok when they are half the scan or more: the end is as near as the
// look would be, which would only delay it.
func (b *blockScan) donePrefix() (found scanned, ok bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if 2*b.prefix >= len(b.blocks) {
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
