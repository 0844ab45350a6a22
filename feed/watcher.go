package feed

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/fsnotify/fsnotify"
)

// watchRoot is one directory given to Watch.
type watchRoot struct {
	// src is Dir(dir as given): paths are built exactly as the loader
	// builds them (see Source.display).
	src  *Source
	abs  string // where it is watched
	gone bool
	// While gone: await is the ancestor watched for its return ("" none,
	// see seek), and poll says it must be looked at now and then.
	await string
	poll  bool
}

// fileState is what the watcher knows of an article file.
type fileState struct {
	root    *watchRoot
	article bool // it was loaded (or, found at the start, presumably was)
}

// watcher is the state of one Watch, owned by its run goroutine (and by
// Watch before that goroutine starts).
type watcher struct {
	fw       *fsnotify.Watcher
	roots    []*watchRoot
	dirs     map[string]*watchRoot // watched directories (absolute) -> root
	known    knownFiles            // article files under the roots
	dirty    map[string]*watchRoot // files to look at in the next flush
	held     map[string]int        // ancestors watched for gone roots -> how many
	problems []Problem
	gone     []string
	worker   *loadWorker // the loader's own per-file path
	// listed are directory listings taken by scan whose files are not
	// noted yet (see noteListed).
	listed []listedDir
	lister dirLister // one listing buffer for every scan
}

// listedDir is one directory as scan listed it.
type listedDir struct {
	r     *watchRoot
	dir   string
	ents  []dirEnt
	fresh bool
}

func newWatcher(fw *fsnotify.Watcher) *watcher {
	return &watcher{
		fw:     fw,
		dirs:   map[string]*watchRoot{},
		known:  newKnownFiles(),
		dirty:  map[string]*watchRoot{},
		held:   map[string]int{},
		worker: newLoadWorker(nil),
	}
}

func (w *watcher) pending() bool {
	return len(w.dirty)+len(w.problems)+len(w.gone) > 0
}

// addRoot starts watching a directory given to Watch and notes the article
// files already there (the loader reads them; the watcher reports changes).
func (w *watcher) addRoot(dir string) error {
	abs, err := absDir(dir)
	if err == nil {
		if _, dup := w.dirs[abs]; dup {
			return nil // the same directory twice
		}
		err = w.fw.Add(abs)
	}
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return fmt.Errorf("watch %s: %w", dir, err)
	}
	r := &watchRoot{src: &Source{root: dir}, abs: abs}
	w.roots = append(w.roots, r)
	w.dirs[abs] = r
	w.scan(r, abs, 0, false)
	return nil
}

// scan walks dir (already watched) like the loader's walk: hidden entries
// skipped, symlinked directories not followed, depth bounded. It watches
// the subdirectories not watched yet. Article files are noted as known, or,
// when fresh (a directory that just appeared, a rescan), as dirty so that
// the next flush reads them.
func (w *watcher) scan(r *watchRoot, dir string, depth int, fresh bool) {
	ents, err := w.lister.list(dir)
	if err != nil {
		w.problems = append(w.problems, Problem{Path: w.display(r, dir), Reason: errReason(err)})
	}
	w.listed = append(w.listed, listedDir{r: r, dir: dir, ents: ents, fresh: fresh})
	for _, e := range ents {
		name := e.name
		if strings.HasPrefix(name, ".") || !e.dir {
			continue
		}
		p := filepath.Join(dir, name)
		if owner, ok := w.dirs[p]; ok && owner != r {
			continue // another root's
		}
		if depth+1 >= maxWalkDepth {
			w.problems = append(w.problems, Problem{Path: w.display(r, p), Reason: "directory nested too deep"})
			continue
		}
		if _, ok := w.dirs[p]; !ok {
			if err := w.fw.Add(p); err != nil {
				w.problems = append(w.problems, Problem{Path: w.display(r, p), Reason: watchReason(err)})
			} else {
				w.dirs[p] = r
			}
		}
		// A directory that cannot be watched still has files to load.
		w.scan(r, p, depth+1, fresh)
	}
}

// noteListed notes the article files of the listings scan took: as known
// (found at the start) or, for a fresh listing, as dirty. Watch leaves
// this to its goroutine: at 100,000 files it is most of the start-up
// (names sorted), and the listings were taken, and every directory
// watched, before Watch returned, so nothing written meanwhile is missed:
// its events wait until the notes are made.
func (w *watcher) noteListed() {
	var names []string
	for _, l := range w.listed {
		names = names[:0]
		for _, e := range l.ents {
			if e.dir || !isArticleName(e.name) {
				continue
			}
			if l.fresh {
				w.dirty[joinPath(l.dir, e.name)] = l.r
			} else {
				names = append(names, e.name)
			}
		}
		w.known.addListing(l.r, l.dir, names)
	}
	w.listed = nil
	// The listing buffer grew to 1 MB for a large directory; the next
	// scan (a new directory, a rescan) is rare and small.
	w.lister = dirLister{}
}

// event takes in one file system event and reports whether it may change
// the library.
func (w *watcher) event(ev fsnotify.Event) bool {
	// Gone roots first: one coming back inside another root's tree must
	// not be taken for that root's new subdirectory.
	back := w.awaitEvent(ev.Name)
	return w.fileEvent(ev) || back
}

func (w *watcher) fileEvent(ev fsnotify.Event) bool {
	name := ev.Name
	base := filepath.Base(name)
	if strings.HasPrefix(base, ".") {
		return false
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		if r, ok := w.dirs[name]; ok {
			// A subdirectory that comes back is a Create in its parent;
			// a root waits for its return (see seek).
			w.dropTree(r, name)
			return true
		}
	}
	r, ok := w.dirs[filepath.Dir(name)]
	if !ok || r.gone {
		return false
	}
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Lstat(name); err == nil && fi.IsDir() {
			if _, ok := w.dirs[name]; ok {
				return false
			}
			w.adopt(r, name)
			return true
		}
	}
	if ev.Has(fsnotify.Create) || ev.Has(fsnotify.Write) || ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		if isArticleName(base) {
			w.dirty[name] = r
			return true
		}
	}
	return false // Chmod: attributes, not content
}

// adopt watches a directory that appeared under r, and marks its files
// for the next flush.
func (w *watcher) adopt(r *watchRoot, name string) {
	depth := strings.Count(w.rel(r, name), "/") + 1
	if depth >= maxWalkDepth {
		w.problems = append(w.problems, Problem{Path: w.display(r, name), Reason: "directory nested too deep"})
		return
	}
	// Watch first, then list: a file written in between is seen by one
	// or the other.
	if err := w.fw.Add(name); err != nil {
		w.problems = append(w.problems, Problem{Path: w.display(r, name), Reason: watchReason(err)})
	} else {
		w.dirs[name] = r
	}
	w.scan(r, name, depth, true)
	w.noteListed()
}

// dropTree forgets a watched directory that was removed or renamed away,
// with everything below it: its watches go, its known files are looked at
// again (the flush finds them gone). A root that goes is reported.
func (w *watcher) dropTree(r *watchRoot, dir string) {
	prefix := dir + string(filepath.Separator)
	for d := range w.dirs {
		if d == dir || strings.HasPrefix(d, prefix) {
			// The kernel drops the watch of the directory itself; those
			// below it would follow it to its new name. One a gone root
			// waits on is left to release (see seek).
			if w.held[d] == 0 {
				_ = w.fw.Remove(d)
			}
			delete(w.dirs, d)
		}
	}
	w.known.each(dir, func(f string, st fileState) { w.dirty[f] = st.root })
	if dir == r.abs && !r.gone {
		r.gone = true
		w.gone = append(w.gone, r.src.root)
		w.seek(r)
	}
}

// rescan looks at every file again, after events were lost.
func (w *watcher) rescan() {
	w.known.each("", func(f string, st fileState) { w.dirty[f] = st.root })
	// Gone roots first (see event); one that is back is scanned twice,
	// which only costs time, and only after an overflow.
	for _, r := range w.roots {
		if r.gone {
			w.seek(r)
		}
	}
	for _, r := range w.roots {
		if !r.gone {
			w.scan(r, r.abs, 0, true)
		}
	}
	w.noteListed()
}

// flush builds the Change for the events gathered so far: every dirty file
// is read by the loader's own per-file path, or found gone.
func (w *watcher) flush() Change {
	c := Change{Problems: w.problems, DirGone: w.gone}
	w.problems, w.gone = nil, nil
	paths := make([]string, 0, len(w.dirty))
	for p := range w.dirty {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, abs := range paths {
		r := w.dirty[abs]
		st, known := w.known.get(abs)
		rel := w.rel(r, abs)
		e := loadEntry{src: r.src, rel: rel, path: r.src.display(rel), day: nameDay(filepath.Base(abs))}
		fi, err := os.Lstat(abs)
		if err != nil || fi.IsDir() || r.gone {
			if known {
				w.known.forget(abs)
				c.Removed = append(c.Removed, e.path)
			}
			continue
		}
		res := w.worker.load(0, &e)
		w.known.set(abs, fileState{root: r, article: res.a != nil})
		switch {
		case res.a != nil:
			res.a.FirstSaveID = res.a.ID
			if known && st.article {
				c.Changed = append(c.Changed, res.a)
			} else {
				c.Added = append(c.Added, res.a)
			}
		case res.prob != nil:
			if known && st.article {
				c.Removed = append(c.Removed, e.path)
			}
			if res.prob.notArticle {
				c.NotArticles = append(c.NotArticles, *res.prob)
			} else {
				c.Problems = append(c.Problems, *res.prob)
			}
		}
	}
	clear(w.dirty)
	return c
}

// rel is abs's path under its root, slash-separated.
func (w *watcher) rel(r *watchRoot, abs string) string {
	prefix := r.abs
	if !strings.HasSuffix(prefix, string(filepath.Separator)) {
		prefix += string(filepath.Separator)
	}
	return filepath.ToSlash(strings.TrimPrefix(abs, prefix))
}

// display is abs's path as the user knows it (see Source.display).
func (w *watcher) display(r *watchRoot, abs string) string {
	if abs == r.abs {
		return r.src.root
	}
	return r.src.display(w.rel(r, abs))
}

// watchReason explains why a directory cannot be watched.
func watchReason(err error) string {
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EMFILE) {
		return "cannot watch: too many watched directories (raise fs.inotify.max_user_watches)"
	}
	return "cannot watch: " + errReason(err)
}
