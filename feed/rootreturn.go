package feed

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// A root that goes away (a `git checkout`, a sync tool replacing the
// folder) is waited for through its nearest existing ancestor: that
// directory is watched, so the root's return, or a missing parent's, is an
// event like any other and costs nothing until it happens. The ancestor is
// watched only while the root is missing; its other entries' events are
// ignored. Polling every root's whole tree would cost a walk each time;
// this costs one watch.
//
// Some returns make no event there: a symlink whose target comes back, or
// an ancestor that cannot be watched. For those, and only for the missing
// root itself, the watcher polls: one stat every rootPoll.

// rootPoll is how often a gone root that cannot be waited for by an event
// is looked at.
const rootPoll = 2 * time.Second

// awaitEvent looks for the gone roots an event may bring back: the event's
// path is the root or one of its missing ancestors. It reports whether a
// root came back.
func (w *watcher) awaitEvent(name string) bool {
	back := false
	for _, r := range w.roots {
		if r.gone && (name == r.abs || isUnder(r.abs, name)) {
			back = w.seek(r) || back
		}
	}
	return back
}

// seek resumes the gone root r if it is back, else makes sure its nearest
// existing ancestor is watched so that its return is seen. It reports
// whether r is back.
func (w *watcher) seek(r *watchRoot) bool {
	// Each turn watches a nearer ancestor; the bound only stops a tree
	// that keeps changing from holding the watcher here.
	for range maxWalkDepth {
		if w.resume(r) {
			return true
		}
		anc := nearestDir(r.abs)
		// Something there that is not a directory may become one without
		// an event in anc: a symlink whose target comes back.
		_, err := os.Lstat(r.abs)
		r.poll = anc == "" || err == nil
		if anc == r.await {
			return false
		}
		w.release(r)
		if anc == "" {
			return false
		}
		if err := w.fw.Add(anc); err != nil {
			r.poll = true
			return false
		}
		r.await = anc
		w.held[anc]++
		// Again: the root, or a nearer ancestor, may have come back
		// before anc was watched.
	}
	r.poll = true
	return false
}

// resume watches r again if it is back as a directory (or a symlink to
// one, as Watch accepts), and marks its files for the next flush.
func (w *watcher) resume(r *watchRoot) bool {
	if fi, err := os.Stat(r.abs); err != nil || !fi.IsDir() {
		return false
	}
	if err := w.fw.Add(r.abs); err != nil {
		return false // waited for as if missing: its parent is watched
	}
	w.release(r)
	r.gone, r.poll = false, false
	w.dirs[r.abs] = r
	// Back before the reader heard it went: its files are in this Change.
	w.gone = slices.DeleteFunc(w.gone, func(g string) bool { return g == r.src.root })
	w.scan(r, r.abs, 0, true)
	w.noteListed()
	return true
}

// release stops waiting on r's ancestor, and stops watching it when no
// other gone root waits on it and no root watches it for its own files.
func (w *watcher) release(r *watchRoot) {
	anc := r.await
	if anc == "" {
		return
	}
	r.await = ""
	if w.held[anc]--; w.held[anc] > 0 {
		return
	}
	delete(w.held, anc)
	if _, ok := w.dirs[anc]; !ok {
		_ = w.fw.Remove(anc) // it may be gone already
	}
}

// polling reports whether some gone root must be polled (see rootPoll).
func (w *watcher) polling() bool {
	for _, r := range w.roots {
		if r.gone && r.poll {
			return true
		}
	}
	return false
}

// poll looks at the gone roots that are polled, and reports whether one
// came back.
func (w *watcher) poll() bool {
	back := false
	for _, r := range w.roots {
		if r.gone && r.poll {
			back = w.seek(r) || back
		}
	}
	return back
}

// nearestDir is the nearest existing directory above p, or "" if none is.
func nearestDir(p string) string {
	for d := filepath.Dir(p); ; d = filepath.Dir(d) {
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			return d
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// isUnder reports whether p is strictly below the directory dir.
func isUnder(p, dir string) bool {
	if !strings.HasSuffix(dir, string(filepath.Separator)) {
		dir += string(filepath.Separator)
	}
	return len(p) > len(dir) && strings.HasPrefix(p, dir)
}
