package feed

import (
	"context"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
)

// Batch sizes: the first batch is what a UI shows at once, so it is small;
// later batches grow to keep the per-batch overhead (a channel send, a UI
// update) negligible.
const (
	firstBatch = 100
	maxBatch   = 8192
)

// eagerMin is the library size from which the first batch is parsed
// rather than wait for the previous index (see cacheRun.eager): a smaller
// library's index is read long before its walk ends.
const eagerMin = 5000

// span is a batch: entries[lo:hi].
type batchSpan struct{ lo, hi int }

// result is what a worker made of one entry.
type loadResult struct {
	a    *Article
	prob *Problem
	// id is the article's ID before de-duplication: what the cache stores.
	id string
	// key is the file version parsed (zero when the file could not be
	// stat'ed); store says the result may be cached under it (the file did
	// not change while it was read).
	key   fileKey
	store bool
	hit   bool // came from the cache
}

// fileKey identifies a file version for the cache.
type fileKey struct{ size, mtime int64 }

// loader is one Stream in progress.
type streamLoader struct {
	ctx      context.Context
	workers  int
	entries  []loadEntry
	walkErrs []Problem
	spans    []batchSpan
	results  []loadResult
	pending  []atomic.Int32 // per span: entries not yet done
	ready    []chan struct{}
	next     atomic.Int64 // next entry to process
	// restSorted is closed once the entries after the first batch are in
	// order: no worker takes one before.
	restSorted chan struct{}
	cache      *cacheRun   // nil when there is no cache
	shared     *sharedText // values repeated across articles, stored once
}

func newStreamLoader(ctx context.Context, srcs []Source, opt Options) (*streamLoader, error) {
	l := &streamLoader{ctx: ctx, workers: opt.Workers, shared: newSharedText()}
	if l.workers <= 0 {
		l.workers = runtime.GOMAXPROCS(0)
	}
	ptrs := make([]*Source, 0, len(srcs))
	var dirs []*Source
	for i := range srcs {
		s := srcs[i] // a private copy: articles point at it for Detail
		ptrs = append(ptrs, &s)
		if s.fsys == nil {
			dirs = append(dirs, &s)
		}
	}
	if opt.Cache != nil && len(dirs) > 0 {
		// Read the cache while the directories are walked.
		l.cache = opt.Cache.start(dirs)
	}
	seen := map[string]bool{} // absolute roots already walked
	for _, s := range ptrs {
		if s.fsys == nil && len(dirs) > 1 {
			abs, err := filepath.Abs(s.root)
			if err == nil && seen[abs] {
				continue // the same directory given twice
			}
			seen[abs] = true
		}
		found, probs, err := s.walk()
		if err != nil {
			if l.cache != nil {
				l.cache.abandon()
			}
			return nil, err
		}
		l.entries = append(l.entries, found...)
		l.walkErrs = append(l.walkErrs, probs...)
	}
	// Only the days of the first batch are put in path order now; the rest
	// are while it is parsed (see work). Batches depend on days only.
	sortDays(l.entries)
	l.spans = planBatches(l.entries)
	if len(l.spans) > 0 {
		sortPaths(l.entries[:l.spans[0].hi])
	}
	l.restSorted = make(chan struct{})
	if l.cache != nil && len(l.spans) > 0 && len(l.entries) >= eagerMin {
		l.cache.eager = l.spans[0].hi
	}
	l.results = make([]loadResult, len(l.entries))
	l.pending = make([]atomic.Int32, len(l.spans))
	l.ready = make([]chan struct{}, len(l.spans))
	for i, sp := range l.spans {
		l.pending[i].Store(int32(sp.hi - sp.lo))
		l.ready[i] = make(chan struct{})
	}
	return l, nil
}

// planBatches cuts the sorted entries into batches growing from firstBatch
// to maxBatch. A batch is stretched (within limits) to the end of its day,
// because the order inside a day depends on publication times that only
// parsing reveals; so batches arrive in library order.
func planBatches(es []loadEntry) []batchSpan {
	var out []batchSpan
	size := firstBatch
	for lo := 0; lo < len(es); {
		hi := min(lo+size, len(es))
		limit := min(hi+min(3*size, maxBatch), len(es))
		for hi < limit && es[hi].day == es[hi-1].day {
			hi++
		}
		out = append(out, batchSpan{lo, hi})
		lo = hi
		size = min(size*4, maxBatch)
	}
	return out
}

func (l *streamLoader) run(ch chan<- Batch) {
	defer close(ch)
	var wg sync.WaitGroup
	for range min(l.workers, max(len(l.entries), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l.work()
		}()
	}
	defer wg.Wait() // no file is touched once the channel is closed
	sortRest := func() {
		if len(l.spans) > 0 {
			sortPaths(l.entries[l.spans[0].hi:])
		}
		close(l.restSorted)
	}
	if len(l.spans) < 2 {
		sortRest()
	}

	ids := make(map[string]bool, len(l.entries))
	if len(l.spans) == 0 {
		l.send(ch, Batch{Skipped: l.walkErrs, Done: true})
	}
	for i, sp := range l.spans {
		select {
		case <-l.ready[i]:
		case <-l.ctx.Done():
			return
		}
		b := l.collect(sp, ids)
		if i == 0 {
			b.Skipped = append(l.walkErrs, b.Skipped...)
		}
		b.Found = len(l.entries)
		b.Done = i == len(l.spans)-1
		if !l.send(ch, b) {
			return
		}
		if i == 0 && len(l.spans) > 1 {
			// Now, not before: on two cores this sort would slow the
			// first batch down, while the workers wait for it a few ms.
			sortRest()
		}
	}
	if l.cache != nil {
		wg.Wait()
		l.cache.finish(l.entries, l.results)
	}
}

func (l *streamLoader) send(ch chan<- Batch, b Batch) bool {
	select {
	case ch <- b:
		return true
	case <-l.ctx.Done():
		return false
	}
}

// work parses entries in order (newest first) until none are left.
func (l *streamLoader) work() {
	w := newLoadWorker(l.cache)
	w.shared = l.shared
	for {
		i := int(l.next.Add(1) - 1)
		if i >= len(l.entries) {
			return
		}
		if l.ctx.Err() != nil {
			return
		}
		if i >= l.spans[0].hi {
			select {
			case <-l.restSorted:
			case <-l.ctx.Done():
				return
			}
		}
		l.results[i] = w.load(i, &l.entries[i])
		s := sort.Search(len(l.spans), func(k int) bool { return l.spans[k].hi > i })
		if l.pending[s].Add(-1) == 0 {
			close(l.ready[s])
		}
	}
}

// collect gathers a finished span into a batch in library order and gives
// each article a stream-unique ID.
func (l *streamLoader) collect(sp batchSpan, ids map[string]bool) Batch {
	var b Batch
	for i := sp.lo; i < sp.hi; i++ {
		r := &l.results[i]
		switch {
		case r.a != nil:
			b.Articles = append(b.Articles, r.a)
		case r.prob != nil:
			b.Skipped = append(b.Skipped, *r.prob)
		}
		if l.cache == nil {
			*r = loadResult{} // the batch holds it now; nothing else will
		}
	}
	slices.SortFunc(b.Articles, libraryOrder) // a total order: no need for a stable sort
	for _, a := range b.Articles {
		if ids[a.ID] {
			if b.dupOf == nil {
				b.dupOf = map[*Article]string{}
			}
			b.dupOf[a] = a.ID
			for ids[a.ID] {
				a.ID = derivedID(a.ID, a.Rel)
			}
		}
		ids[a.ID] = true
		a.Story = a.ID
	}
	return b
}
