package state

import (
	"context"
	"fmt"
	"time"

	"github.com/fsnotify/fsnotify"
)

// quiet is how long after an event Watch reports the change: the events
// of that moment count as one (one append is several).
const quiet = 50 * time.Millisecond

// Watch reports what other processes do to the state directory (another
// Herald's marks, a compaction that replaces the log): one value for the
// events of a moment. Call Refresh on each to see the marks. A change is kept while
// the previous one is unread, so a slow reader never falls behind. The
// channel is closed when ctx ends, the Store is closed or the watch fails;
// an error means it could not start.
func (s *Store) Watch(ctx context.Context) (<-chan struct{}, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch state: %w", err)
	}
	if err := w.Add(s.dir); err != nil {
		w.Close()
		return nil, fmt.Errorf("watch state: %w", err)
	}
	out := make(chan struct{}, 1)
	go func() {
		defer close(out)
		defer w.Close()
		for {
			if !s.nextEvent(ctx, w, nil) {
				return
			}
			// The events of the next moment are the same change.
			t := time.NewTimer(quiet)
			for s.nextEvent(ctx, w, t.C) {
			}
			t.Stop()
			if ctx.Err() != nil || s.isClosed() {
				return
			}
			select {
			case out <- struct{}{}:
			default: // one unread change already says it
			}
		}
	}()
	return out, nil
}

// nextEvent waits for an event or error of w and reports whether one came
// before quiet fired (nil: no timeout), ctx ended, the Store was closed or
// w stopped.
func (s *Store) nextEvent(ctx context.Context, w *fsnotify.Watcher, quiet <-chan time.Time) bool {
	select {
	case _, ok := <-w.Events:
		return ok
	case _, ok := <-w.Errors:
		return ok
	case <-quiet:
	case <-ctx.Done():
	case <-s.done:
	}
	return false
}

// isClosed reports whether Close was called.
func (s *Store) isClosed() bool {
	select {
	case <-s.done:
		return true
	default:
		return false
	}
}
