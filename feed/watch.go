package feed

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// WatchOptions tune Watch. The zero value means the defaults.
type WatchOptions struct {
	// Quiet is how long the directories must stay quiet before the changes
	// so far are sent; 0 means DefaultWatchQuiet. A `git pull` writes its
	// files within milliseconds of each other, so it becomes one Change.
	Quiet time.Duration
	// MaxDelay bounds how long a change waits while events keep coming
	// (a long copy): 0 means DefaultWatchMaxDelay.
	MaxDelay time.Duration
	// Start, when set, delays the watch until it is closed: setting the
	// watches lists the whole tree, which a UI's first screen should not
	// wait for (see StartGate). Nothing is watched if ctx ends first.
	Start <-chan struct{}
}

// Defaults of WatchOptions.
const (
	DefaultWatchQuiet    = 200 * time.Millisecond
	DefaultWatchMaxDelay = 2 * time.Second
)

// Change is one batch of changes to the watched directories. Paths are
// display paths, as in Article.Path and Problem.Path.
type Change struct {
	// Added are article files that appeared (or became usable), Changed
	// the ones already known that were written to. Both are summaries read
	// exactly as the loader reads them: same ID, FirstSaveID (= ID), Path, Rel,
	// Size and ModTime. A file whose URL another article of the library
	// has gets the same ID, as in Stream.
	Added, Changed []*Article
	// Removed are files that disappeared, and known articles that can no
	// longer be used (they are in Problems too). A file renamed is Removed
	// under its old path and Added under the new one.
	Removed []string
	// Problems are files that appeared or changed but cannot be used, and
	// directories that cannot be watched.
	Problems []Problem
	// NotArticles are files that appeared or changed and are records, not
	// articles (see Batch.NotArticles); a known article that became one is
	// in Removed too.
	NotArticles []Problem
	// DirGone are watched directories (as given to Watch) that were
	// removed or renamed away; their files are in Removed. One that comes
	// back (again a directory, or a symlink to one) is watched again and
	// its files arrive as Added; back before its DirGone was sent, it is
	// not reported gone at all.
	DirGone []string
	// Err is why the watch could not start (a directory given to Watch
	// cannot be watched): the only Change sent, and then the channel is
	// closed. It costs live updates only.
	Err error
}

// Empty reports whether the change has nothing to say.
func (c Change) Empty() bool {
	return len(c.Added)+len(c.Changed)+len(c.Removed)+len(c.Problems)+len(c.NotArticles)+len(c.DirGone) == 0 && c.Err == nil
}

// Watch watches the library directories dirs (as given to Dir) and their
// subdirectories, and sends the changes to article files in batches: a
// batch is sent once no file event came for opt.Quiet, or opt.MaxDelay
// after its first event. Hidden files and directories are ignored, and
// symlinked directories are not followed, as in the loader; directories
// created later are watched as they appear, and so are watched directories
// that come back after being removed (see Change.DirGone). Attribute
// changes (chmod, touch) are not changes.
//
// It returns at once and sets the watches in the background (after
// opt.Start): see Watching.Ready. A directory that cannot be watched
// arrives as a Change with Err set, before anything is watched. Later
// trouble (a subdirectory that cannot be watched, a directory that
// disappears) is reported in the Changes and never stops the watch.
//
// Start watching before (or as) the library is loaded: a file written
// between the two then arrives as Added (or Changed) instead of being
// missed, and callers treat Added and Changed alike, replacing any article
// with that Path.
func Watch(ctx context.Context, dirs []string, opt WatchOptions) *Watching {
	if opt.Quiet <= 0 {
		opt.Quiet = DefaultWatchQuiet
	}
	if opt.MaxDelay <= 0 {
		opt.MaxDelay = DefaultWatchMaxDelay
	}
	ch, ready := make(chan Change), make(chan struct{})
	go func() {
		if opt.Start != nil {
			select {
			case <-opt.Start:
			case <-ctx.Done():
				close(ready)
				close(ch)
				return
			}
		}
		w, err := startWatcher(dirs)
		close(ready)
		if err != nil {
			select {
			case ch <- Change{Err: err}:
			case <-ctx.Done():
			}
			close(ch)
			return
		}
		w.run(ctx, ch, opt)
	}()
	return &Watching{changes: ch, ready: ready}
}

// Watching is a watch in progress (see Watch).
type Watching struct {
	changes <-chan Change
	ready   <-chan struct{}
}

// Changes are the watch's changes. The channel is closed when the watch's
// context is done, or after the Change that says why it could not start.
func (w *Watching) Changes() <-chan Change { return w.changes }

// Ready is closed once the directories are watched and listed: a file
// written from then on is not missed. It is closed too when the watch
// could not start or its context ended first.
func (w *Watching) Ready() <-chan struct{} { return w.ready }

// startWatcher sets the watches on dirs and lists them.
func startWatcher(dirs []string) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	w := newWatcher(fw)
	for _, dir := range dirs {
		if err := w.addRoot(dir); err != nil {
			fw.Close()
			return nil, err
		}
	}
	return w, nil
}

// run is the watch loop: it gathers events into the dirty set and sends a
// Change when the directories have been quiet for long enough. While a
// Change waits for the reader, events keep being gathered (a slow reader
// must not overflow the kernel's queue); the next Change is built only
// after it is taken, so Changes never overlap.
func (w *watcher) run(ctx context.Context, out chan<- Change, opt WatchOptions) {
	defer close(out)
	defer w.fw.Close()
	w.noteListed() // what Watch listed (see noteListed)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	// Runs only while a gone root must be polled (see rootPoll).
	poll := time.NewTicker(rootPoll)
	poll.Stop()
	defer poll.Stop()
	polling := false
	var (
		first time.Time // of the batch being gathered; zero when none
		due   bool      // the batch is ready to be built
		ready Change    // built, waiting for the reader
		held  bool      // ready holds a Change
	)
	schedule := func() {
		now := time.Now()
		if first.IsZero() {
			first = now
		}
		timer.Reset(min(opt.Quiet, first.Add(opt.MaxDelay).Sub(now)))
	}
	if w.pending() { // problems found while adding the roots
		schedule()
	}
	for {
		var send chan<- Change // nil (never ready) unless a Change waits
		if held {
			send = out
		}
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fw.Events:
			if !ok {
				return
			}
			if w.event(ev) {
				schedule()
			}
		case err, ok := <-w.fw.Errors:
			if !ok {
				return
			}
			w.failure(err)
			schedule()
		case <-timer.C:
			due, first = true, time.Time{}
		case <-poll.C:
			if w.poll() {
				schedule()
			}
		case send <- ready:
			ready, held = Change{}, false
		}
		if p := w.polling(); p != polling {
			if polling = p; p {
				poll.Reset(rootPoll)
			} else {
				poll.Stop()
			}
		}
		if due && !held {
			due = false
			ready = w.flush()
			held = !ready.Empty()
		}
	}
}

// failure handles an error from fsnotify. On a queue overflow events were
// lost, so every directory is looked at again.
func (w *watcher) failure(err error) {
	if errors.Is(err, fsnotify.ErrEventOverflow) {
		w.rescan()
		return
	}
	path := ""
	if len(w.roots) > 0 {
		path = w.roots[0].src.root
	}
	w.problems = append(w.problems, Problem{Path: path, Reason: shortReason("watch: " + err.Error())})
}

// absDir is where a directory is watched: absolute and clean, so event
// names map back to paths under their root whatever form dir was given in.
func absDir(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	st, err := os.Stat(abs)
	if err != nil {
		return "", err
	}
	if !st.IsDir() {
		return "", errors.New("not a directory")
	}
	return abs, nil
}
