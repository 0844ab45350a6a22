package feed

import (
	"cmp"
	"context"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"
)

// countChunkMax is how many files a stat worker takes at a time: a
// million files in one directory come in ~80 listing buffers, too few to
// share evenly between the workers.
const countChunkMax = 1024

// countFast answers a count (see Count) of a library that the cache's
// snapshot holds unchanged, without the loader: the walk hands each
// listing buffer's files to workers that stat them (relative to their
// open directory) while the rest is still being listed, and look each up
// in the snapshot's index. Nothing is kept per file but a bit; files are
// not ordered, and the skipped ones are put in the load's order at the
// end (the snapshot lists them in it). At a million files the loader's
// entries, results and their paths were most of the count's memory, and
// the walk and the stats ran one after the other.
//
// Anything but an unchanged library makes it report false, and Count
// loads as before (parsing what changed and writing the cache again): a
// file the index does not hold at its size and time, a file it holds that
// the walk did not find, a file that cannot be stat'ed, a root that
// cannot be read, no usable snapshot. A second name of a file, which the
// index holds once (see twinResult), is counted when it must be an
// article (see twinArticles).
func countFast(ctx context.Context, srcs []Source, opt Options) (Tally, bool) {
	return countFastHooked(ctx, srcs, opt, nil)
}

// countFastHooked is countFast calling beforeStat (when set) with each
// directory's path under its root as its files are about to be stat'ed:
// a test changes the library there, as if while it was counted.
func countFastHooked(ctx context.Context, srcs []Source, opt Options, beforeStat func(rel string)) (Tally, bool) {
	if opt.Cache == nil || len(srcs) == 0 {
		return Tally{}, false
	}
	var dirs []*Source
	for i := range srcs {
		if srcs[i].fsys != nil {
			return Tally{}, false // never cached
		}
		s := srcs[i]
		dirs = append(dirs, &s)
	}
	run := opt.Cache.start(dirs, opt.Logf, true)
	if run == nil {
		return Tally{}, false
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	c := &fastCount{run: run, cancel: cancel, loaded: make(chan struct{}), chunks: make(chan *countChunk, 16), beforeStat: beforeStat}
	go c.readIndex()
	workers := cmp.Or(opt.Workers, runtime.GOMAXPROCS(0))
	totals := make([]countTotals, workers)
	var wg sync.WaitGroup
	for i := range totals {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.work(&totals[i])
		}()
	}
	probs := c.walk(ctx, dirs)
	close(c.chunks)
	wg.Wait()
	<-c.loaded
	if c.idx != nil {
		defer c.idx.x.free() // nothing of the index is kept
	}
	if c.changed.Load() || ctx.Err() != nil {
		return Tally{}, false
	}
	t := Tally{Skipped: probs}
	var found []countedProblem
	matched := 0
	for _, ct := range totals {
		t.Articles += ct.articles
		matched += ct.matched
		found = append(found, ct.problems...)
	}
	if matched != c.idx.n {
		c.giveUp("files removed")
		return Tally{}, false
	}
	twins, ok := twinArticles(totals)
	if !ok {
		c.giveUp("a file new or changed")
		return Tally{}, false
	}
	t.Articles += twins
	slices.SortFunc(found, func(a, b countedProblem) int { return cmp.Compare(a.at, b.at) })
	for _, p := range found {
		t.Skipped = append(t.Skipped, p.Problem)
	}
	run.logf("count: answered from the cache's index")
	return t, true
}

// fastCount is one countFast in progress.
type fastCount struct {
	run     *cacheRun
	cancel  func()
	changed atomic.Bool // the library changed, or the count cannot tell
	loaded  chan struct{}
	idx     *countIndex // set before loaded is closed; nil: no usable snapshot
	chunks  chan *countChunk
	pool    sync.Pool // of *countChunk, for the walk to fill again

	beforeStat func(rel string) // see countFastHooked
}

// giveUp stops the count: the loader must do it.
func (c *fastCount) giveUp(why string) {
	if !c.changed.Swap(true) {
		c.run.logf("count: %s; loading", why)
	}
	c.cancel()
}

func (c *fastCount) readIndex() {
	defer close(c.loaded)
	debug.SetPanicOnFault(true) // the index is mapped (see mapFile)
	var x *snapshot
	defer func() {
		if c.idx == nil && x != nil {
			x.free()
		}
	}()
	defer c.recoverFault()
	x, err := readSnapshot(c.run.file, snapshotMagic, c.run.roots, snapshotIndexLent)
	if err != nil {
		c.giveUp("no usable snapshot")
		return
	}
	idx, err := newCountIndex(x, c.run.roots)
	if err != nil {
		c.giveUp("no usable snapshot")
		return
	}
	c.idx = idx
}

// recoverFault turns a fault reading the mapped index (its file was
// truncated meanwhile) into giving up; any other panic goes on.
func (c *fastCount) recoverFault() {
	if r := recover(); r != nil {
		if _, fault := r.(interface{ Addr() uintptr }); !fault {
			panic(r)
		}
		c.giveUp("the cache file changed while it was read")
	}
}

// walk lists every source, handing their files to the workers, and
// returns the problems of the walk (unreadable subdirectories), in the
// loader's order.
func (c *fastCount) walk(ctx context.Context, dirs []*Source) []Problem {
	var probs []Problem
	seen := map[string]bool{} // absolute roots already walked (see streamLoader.walk)
	for _, s := range dirs {
		if len(dirs) > 1 {
			abs, err := filepath.Abs(s.root)
			if err == nil && seen[abs] {
				continue
			}
			seen[abs] = true
		}
		w := dirWalker{ctx: ctx, src: s, sink: &countSink{c: c, ctx: ctx, src: s, root: c.run.rootOf[s]}}
		if err := w.osRoot(); err != nil {
			c.giveUp("a root cannot be read")
			return nil
		}
		probs = append(probs, w.problems...)
	}
	return probs
}

// countDir is a directory whose files are being stat'ed: it is closed
// when the walk and the last worker are done with it.
type countDir struct {
	src  *Source
	root int // in the cache's roots
	rel  string
	fd   int // -1: stat by path
	refs atomic.Int32
}

func (d *countDir) release() {
	if d.refs.Add(-1) == 0 && d.fd >= 0 {
		closeDirs([]int{d.fd})
	}
}

// countChunk is files of one directory for a worker to stat and look up.
// Chunks go back to fastCount.pool once looked up.
type countChunk struct {
	dir   *countDir
	names []byte // the files' names, copied from the lister's buffer, each followed by a NUL
	files []countFile
}

// countFile is one file of a chunk.
type countFile struct {
	off, n uint32 // its name is names[off:off+n]
	link   bool
	key    fileKey // set by the worker's stat
	id     fileID  // likewise, for a file that may have other names (see twins)
}

func (ch *countChunk) name(f *countFile) string {
	return unsafe.String(&ch.names[f.off], f.n)
}

// countSink hands a walk's files to the workers (see walkSink).
type countSink struct {
	c    *fastCount
	ctx  context.Context
	src  *Source
	root int
	cur  *countDir // the directory being listed
}

func (s *countSink) files(rel string, dirfd int, ents []dirEnt) {
	if s.cur == nil {
		s.cur = &countDir{src: s.src, root: s.root, rel: rel, fd: dirfd}
		s.cur.refs.Store(1) // the walk's, until it is listed
	}
	if s.c.beforeStat != nil {
		s.c.beforeStat(rel)
	}
	for len(ents) > 0 && s.ctx.Err() == nil {
		n := min(len(ents), countChunkMax)
		ch, _ := s.c.pool.Get().(*countChunk)
		if ch == nil {
			ch = &countChunk{}
		}
		ch.dir, ch.names, ch.files = s.cur, ch.names[:0], ch.files[:0]
		for _, e := range ents[:n] { // copies: the lister's buffer moves on
			ch.files = append(ch.files, countFile{off: uint32(len(ch.names)), n: uint32(len(e.name)), link: e.link})
			ch.names = append(append(ch.names, e.name...), 0)
		}
		s.cur.refs.Add(1)
		s.c.chunks <- ch
		ents = ents[n:]
	}
}

func (s *countSink) listed(_ string, dirfd int, _ int) {
	if s.cur != nil {
		s.cur.release()
		s.cur = nil
	} else if dirfd >= 0 {
		closeDirs([]int{dirfd})
	}
}

// countTotals is what one worker counted.
type countTotals struct {
	articles int
	matched  int // files the index holds at their version
	problems []countedProblem
	// named are the articles the index holds that may have other names,
	// twins the names it does not hold of files that have several.
	named, twins []countTwin
}

// countedProblem is a skipped file and where it is in the snapshot's
// index, which lists the files in the load's order.
type countedProblem struct {
	Problem
	at int
}

// work stats the chunks' files as they come and looks them up once the
// index is read (chunks stat'ed before that wait for it).
func (c *fastCount) work(t *countTotals) {
	debug.SetPanicOnFault(true) // the index is mapped (see mapFile)
	var waiting []*countChunk
	for ch := range c.chunks {
		if c.changed.Load() {
			ch.dir.release()
			continue
		}
		c.stat(ch)
		select {
		case <-c.loaded:
			for _, w := range waiting {
				c.match(w, t)
			}
			waiting = nil
			c.match(ch, t)
		default:
			waiting = append(waiting, ch)
		}
	}
	<-c.loaded
	for _, w := range waiting {
		c.match(w, t)
	}
}

func (c *fastCount) stat(ch *countChunk) {
	defer ch.dir.release()
	d := ch.dir
	for i := range ch.files {
		f := &ch.files[i]
		var key fileKey
		var err error
		if d.fd >= 0 {
			key, f.id, err = statAtZ(d.fd, ch.names[f.off:f.off+f.n+1], "", f.link)
		} else {
			key, f.id, err = statAt(-1, "", d.src.display(joinRel(d.rel, ch.name(f))), f.link)
		}
		if err != nil {
			c.giveUp("a file cannot be stat'ed")
			return
		}
		f.key = key
	}
}

// match looks a stat'ed chunk's files up in the index, and gives the
// chunk back to the pool.
func (c *fastCount) match(ch *countChunk, t *countTotals) {
	defer c.pool.Put(ch)
	defer c.recoverFault()
	if c.changed.Load() || c.idx == nil {
		return
	}
	var rel []byte
	for i := range ch.files {
		f := &ch.files[i]
		rel = rel[:0]
		if ch.dir.rel != "" {
			rel = append(append(rel, ch.dir.rel...), '/')
		}
		rel = append(rel, ch.name(f)...)
		ce, at, slot, ok := c.idx.find(ch.dir.root, rel)
		if !ok && f.id != (fileID{}) {
			// Another name of a file (see twins): the index holds it
			// once, under the name a load met first.
			t.twins = append(t.twins, countTwin{f.id, f.key, nameDay(ch.name(f))})
			continue
		}
		if !ok || !c.idx.see(slot) {
			c.giveUp("a file new or changed")
			return
		}
		if ce.key != f.key {
			c.giveUp("a file new or changed")
			return
		}
		var le loadEntry // the path only for a problem: no allocation per article
		if ce.problem {
			le.path = ch.dir.src.display(string(rel))
		}
		res, ok := cachedResult(c.idx.x, &ce, &le)
		switch {
		case !ok:
			c.giveUp("an unusable index entry")
			return
		case res.tallied:
			t.articles++
			if f.id != (fileID{}) {
				t.named = append(t.named, countTwin{f.id, f.key, nameDay(ch.name(f))})
			}
		case res.prob != nil && !res.prob.notArticle:
			p := *res.prob
			p.Reason = strings.Clone(p.Reason) // not the index's bytes, given back at the end
			t.problems = append(t.problems, countedProblem{p, at})
		}
		t.matched++
	}
}
