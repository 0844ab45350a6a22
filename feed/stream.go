package feed

import (
	"context"
	"os"
	"sync/atomic"
	"time"
)

// Loading is a load in progress (see Stream).
type Loading struct {
	batches chan Batch
	done    chan struct{}
	walked  *atomic.Int64
}

// Found is how many article files the walk has found so far: it moves
// while a large tree is walked, before the first batch (whose Found is
// the total) can be sent. A reader's loading counter shows it.
func (s *Loading) Found() int { return int(s.walked.Load()) }

// Batches are the load's batches. The channel is closed after the batch
// with Done set, or early when the load's context is cancelled.
func (s *Loading) Batches() <-chan Batch { return s.batches }

// Done is closed once the loader has stopped, after Batches is closed and
// the cache written. A reader that stops reading at the Done batch (a UI)
// waits here before the process exits, so that quitting does not cut the
// cache write short; cancelling the load's context first stops it at once
// unless the last batch was already sent.
func (s *Loading) Done() <-chan struct{} { return s.done }

// Stream loads articles from srcs in the background and sends them in
// batches, read newest first by the YYYY-MM-DD- date in the file name
// (files without one come last), so a UI can show the top of the list long
// before a large library is parsed. The first batch is small; later ones
// grow. Each batch is in library order (see NewestFirst); one that
// belongs before articles already sent is marked Newer.
//
// It returns at once: the walk of the directories runs in the
// background; only a warm start's head batch (see head.go) is answered
// first. Trouble arrives as data: a source directory that cannot be
// read ends the load with a Done batch that reports it in Skipped (Load
// returns it as an error), and problems below the roots (an unreadable
// subdirectory, a file that cannot be used) are reported in the batches'
// Skipped and never stop the load.
//
// Articles are summaries (see Article) with ID, Path, Rel, Size and
// ModTime set. Copies of one URL have the same ID (see URLID), whichever
// folders are opened, so they share their reading state. FirstSaveID is
// set to ID; Library.Finish links the saves of one article.
//
// On a warm start the first batch comes from the cache before the walk
// (see head.go), and the walk then waits for Options.Gate.
func Stream(ctx context.Context, srcs []Source, opt Options) *Loading {
	return startLoader(newStreamLoader(ctx, srcs, opt, false), opt)
}

// startLoader runs l in the background (see Stream).
func startLoader(l *streamLoader, opt Options) *Loading {
	// One batch of buffer: the head batch is handed over without waiting
	// for the reader.
	s := &Loading{batches: make(chan Batch, 1), done: make(chan struct{}), walked: l.walked}
	// The head batch (one small file and at most a first batch of stats)
	// is answered here, before the walk's goroutine starts: answered on
	// that goroutine, it raced the walk and the old snapshot's decoding
	// for the two cores, and came 5-10 ms later at 100,000 files when
	// nothing held the walk (BenchmarkFirstBatch100k, warm).
	head := l.cache != nil && !l.tally && rootsReadable(l.srcs) // a count has no first screen
	if head {
		var b Batch
		if b, head = l.headBatch(); head {
			s.batches <- b
		}
	}
	go func() {
		defer close(s.done)
		l.stream(s.batches, opt, head)
	}()
	return s
}

// stream is Stream's work after the head batch (sent when head): the walk,
// then the batches. It closes ch.
func (l *streamLoader) stream(ch chan Batch, opt Options, head bool) {
	if head {
		if !hold(l.ctx, opt.Gate.Opened()) {
			close(ch)
			return
		}
		walking(opt)
		l.cache.readOld()
		l.walkAndRun(ch)
		return
	}
	walking(opt)
	if l.cache != nil {
		l.cache.readOld() // while the directories are walked
	}
	l.walkAndRun(ch)
}

// walkAndRun walks the sources and streams their batches; a root that
// cannot be read ends the stream with a Done batch that reports it.
func (l *streamLoader) walkAndRun(ch chan<- Batch) {
	if src, err := l.walk(); err != nil {
		if l.ctx.Err() != nil { // cancelled, not a root that cannot be read
			close(ch)
			return
		}
		l.send(ch, Batch{Skipped: []Problem{{Path: src.root, Reason: errReason(err)}}, Done: true, rootErr: err})
		close(ch)
		return
	}
	l.run(ch)
}

// walking marks the start of the walk on the gate (see StartGate.Walking).
func walking(opt Options) {
	if opt.Gate != nil && opt.Logf != nil {
		opt.Logf("load: walking")
	}
	opt.Gate.walk()
}

// hold waits for the gate to open, at most maxHold; false when ctx ended
// first.
func hold(ctx context.Context, ch <-chan struct{}) bool {
	if ch == nil {
		return true
	}
	t := time.NewTimer(maxHold)
	defer t.Stop()
	select {
	case <-ch:
	case <-t.C:
	case <-ctx.Done():
		return false
	}
	return true
}

// rootsReadable reports whether every directory source can be opened now:
// a root that cannot be is reported by the walk, before any article of it
// is sent from the head.
func rootsReadable(srcs []*Source) bool {
	for _, s := range srcs {
		if s.fsys != nil {
			continue
		}
		f, err := os.Open(s.root)
		if err != nil {
			return false
		}
		f.Close()
	}
	return true
}
