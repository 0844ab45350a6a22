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

// eagerMin is the library size from which the first batch is parsed
// rather than wait for the previous snapshot (see cacheRun.eager): a
// smaller library's snapshot is read long before its walk ends.
const eagerMin = 5000

// loadResult is what a worker made of one entry.
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
	sent  bool // sent in the head batch (see markSent)
	// tallied: an article the snapshot's index vouches for, not decoded
	// (a is nil; see Count).
	tallied bool
}

// fileKey identifies a file version for the cache.
type fileKey struct{ size, mtime int64 }

// streamLoader is one Stream in progress.
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
	sortOnce   sync.Once
	// working counts the workers not yet stopped: the last one settles
	// the cache run (see cacheRun.settle).
	working atomic.Int32

	cache  *cacheRun   // nil when there is no cache
	shared *sharedText // values repeated across articles, stored once
	twins  twins       // files reached under several names (see twins)

	srcs  []*Source // private copies: articles point at them for Detail
	dirs  []int     // directories the walk left open (see statEntry)
	hasFS bool      // a source is an fs.FS
	ids   idSet     // IDs sent so far: a repeated one is a save of one article

	// walked counts the files the walk found so far (see Loading.Found).
	// It is the Loading's, not a field of the loader: the Loading lives
	// as long as the reader, the loader's state (every entry and result,
	// the previous snapshot) only as long as the load.
	walked *atomic.Int64

	head []headEntry // answered by the head batch (see headbatch.go)
	last *Article    // the last article sent, in library order

	// tally: the load only counts (see Count): batches carry how many
	// articles they hold, not the articles, and unchanged files are
	// answered from the snapshot's index without decoding their records.
	tally bool
}

func newStreamLoader(ctx context.Context, srcs []Source, opt Options, tally bool) *streamLoader {
	l := &streamLoader{ctx: ctx, workers: opt.Workers, shared: newSharedText(), walked: &atomic.Int64{}, tally: tally}
	if l.workers <= 0 {
		l.workers = runtime.GOMAXPROCS(0)
	}
	var dirs []*Source
	for i := range srcs {
		s := srcs[i]
		l.srcs = append(l.srcs, &s)
		if s.fsys == nil {
			dirs = append(dirs, &s)
		} else {
			l.hasFS = true
		}
	}
	if opt.Cache != nil && len(dirs) > 0 {
		l.cache = opt.Cache.start(dirs, opt.Logf, tally)
	}
	l.restSorted = make(chan struct{})
	return l
}

// walk lists every source and plans the batches. It returns the source
// whose root could not be read, with the error.
func (l *streamLoader) walk() (*Source, error) {
	seen := map[string]bool{} // absolute roots already walked
	for _, s := range l.srcs {
		if s.fsys == nil && len(l.srcs) > 1 {
			abs, err := filepath.Abs(s.root)
			if err == nil && seen[abs] {
				continue // the same directory given twice
			}
			seen[abs] = true
		}
		found, probs, dirs, err := s.walk(l.ctx, l.walked)
		if err != nil {
			closeDirs(l.dirs)
			l.dirs = nil
			return s, err
		}
		l.dirs = append(l.dirs, dirs...)
		if l.entries == nil {
			l.entries = found // the usual one source: not a copy (56 MB at a million files)
		} else {
			l.entries = append(l.entries, found...)
		}
		l.walkErrs = append(l.walkErrs, probs...)
	}
	// Only the days of the first batch are put in path order now; the rest
	// are while it is parsed (see work). Batches depend on days only.
	sortDays(l.entries)
	l.spans = planBatches(l.entries)
	if len(l.spans) > 0 {
		sortPaths(l.entries[:l.spans[0].hi])
	}
	if !l.tally { // a count claims no IDs (see finishBatch)
		l.ids.grow(len(l.entries))
	}
	if l.cache != nil && !l.tally && len(l.spans) > 0 && len(l.entries) >= eagerMin {
		l.cache.eager = l.spans[0].hi
	}
	l.results = make([]loadResult, len(l.entries))
	l.pending = make([]atomic.Int32, len(l.spans))
	l.ready = make([]chan struct{}, len(l.spans))
	for i, sp := range l.spans {
		l.pending[i].Store(int32(sp.hi - sp.lo))
		l.ready[i] = make(chan struct{})
	}
	if len(l.head) > 0 {
		l.markSent()
	}
	return nil, nil
}

// workersDone lets go of what only the workers needed, once the last one
// stopped, rather than when the last batch is in: then the reader builds
// its index and stories, and a cold load writes the next snapshot, while
// the live heap is at its highest. The index of the interned values is
// the largest (357k distinct related titles at 100,000 files, ~17 MB; the
// articles keep the values), then the previous snapshot (see settle).
func (l *streamLoader) workersDone() {
	l.shared = nil
	if l.cache != nil && l.ctx.Err() == nil {
		l.cache.settle(l.entries, l.results)
	}
}

// sortRest puts the entries after the first batch in path order within
// their days (see walk), once.
func (l *streamLoader) sortRest() {
	l.sortOnce.Do(func() {
		if len(l.spans) > 0 {
			sortPaths(l.entries[l.spans[0].hi:])
		}
		close(l.restSorted)
	})
}

// spanOf is the index of the batch that entry i belongs to.
func (l *streamLoader) spanOf(i int) int {
	return sort.Search(len(l.spans), func(k int) bool { return l.spans[k].hi > i })
}

func (l *streamLoader) run(ch chan<- Batch) {
	defer close(ch)
	var wg sync.WaitGroup
	n := min(l.workers, max(len(l.entries), 1))
	l.working.Store(int32(n))
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l.work()
			if l.working.Add(-1) == 0 {
				l.workersDone() // before finish: run waits for the workers
			}
		}()
	}
	defer closeDirs(l.dirs) // after the workers stopped (deferred calls run in reverse)
	defer wg.Wait()         // no file is touched once the channel is closed
	if len(l.spans) < 2 {
		l.sortRest()
	}

	if len(l.spans) == 0 {
		l.send(ch, Batch{Skipped: l.walkErrs, Done: true})
	}
	for i, sp := range l.spans {
		select {
		case <-l.ready[i]:
		case <-l.ctx.Done():
			return
		}
		b := l.collect(sp)
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
			l.sortRest()
		}
	}
	if l.cache != nil {
		wg.Wait()
		headN := 0
		if len(l.spans) > 0 {
			headN = l.spans[0].hi
		}
		l.cache.finish(l.entries, l.results, headN)
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
	w.shared, w.twins = l.shared, &l.twins
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
		if l.results[i].sent {
			continue // counted as done by markSent
		}
		l.results[i] = w.load(i, &l.entries[i])
		if s := l.spanOf(i); l.pending[s].Add(-1) == 0 {
			close(l.ready[s])
		}
	}
}

// collect gathers a finished span into a batch (see finishBatch). Files
// the head batch sent are left out.
func (l *streamLoader) collect(sp batchSpan) Batch {
	var b Batch
	for i := sp.lo; i < sp.hi; i++ {
		r := &l.results[i]
		switch {
		case r.sent:
		case r.tallied, l.tally && r.a != nil:
			b.tallied++
		case r.a != nil:
			b.Articles = append(b.Articles, r.a)
		case r.prob != nil:
			b.addProblem(*r.prob)
		}
		if l.cache == nil {
			*r = loadResult{} // the batch holds it now; nothing else will
		}
	}
	l.finishBatch(&b)
	l.noteSent(&b)
	return b
}

// noteSent marks b Newer when it belongs before an article already sent,
// and remembers its last article.
func (l *streamLoader) noteSent(b *Batch) {
	n := len(b.Articles)
	if n == 0 {
		return
	}
	if l.last != nil && libraryOrder(b.Articles[0], l.last) < 0 {
		b.Newer = true
	}
	if l.last == nil || libraryOrder(b.Articles[n-1], l.last) > 0 {
		l.last = b.Articles[n-1]
	}
}

// finishBatch puts a batch in library order and notes the articles whose
// ID (URL) an earlier article of the stream has: saves of one article.
func (l *streamLoader) finishBatch(b *Batch) {
	slices.SortFunc(b.Articles, libraryOrder) // a total order: no need for a stable sort
	for _, a := range b.Articles {
		a.FirstSaveID = a.ID // its own first save until Library.Finish links it
		if l.ids.add(a.ID) {
			if b.dupOf == nil {
				b.dupOf = map[*Article]string{}
			}
			b.dupOf[a] = a.ID
		}
	}
}
