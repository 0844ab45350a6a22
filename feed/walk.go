package feed

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path"
	"strings"
	"sync/atomic"

	"github.com/herald-reader/herald/internal/civil"
)

// noDay marks a file whose name carries no YYYY-MM-DD- date; such files
// sort after every dated file.
const noDay = int32(-1 << 31)

// maxWalkDepth bounds how deep a walk descends. Symlinked directories are not
// followed, so only a pathological tree (or a bind-mount loop) gets here.
const maxWalkDepth = 64

// loadEntry is one candidate article file found by the walk.
type loadEntry struct {
	src  *Source
	rel  string // under the source root, slash-separated
	path string // as shown to the user: the root as given, then rel
	day  int32  // file-name date in days since 1970, or noDay
	// dirfd is the descriptor of the open directory holding the file,
	// plus one (0: none, stat by path; see statEntry).
	dirfd int32
	// link: the name is a symbolic link, so the file may be reached
	// under other names too (see twins).
	link bool
}

// isArticleName reports whether a file name is one the loader reads:
// .md or .markdown (any case), not hidden.
func isArticleName(name string) bool {
	if strings.HasPrefix(name, ".") {
		return false
	}
	ext := strings.ToLower(path.Ext(name))
	return ext == ".md" || ext == ".markdown"
}

// nameDay is the file-name date of a base name in days since 1970, or
// noDay. It accepts exactly the names DateFromName does (a test holds the
// two together) without time.Parse, which shows at 100,000 files.
func nameDay(name string) int32 {
	if len(name) < 10 || len(name) > 10 && name[10] >= '0' && name[10] <= '9' || name[4] != '-' || name[7] != '-' {
		return noDay
	}
	num := func(s string) int {
		n := 0
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return -1
			}
			n = n*10 + int(s[i]-'0')
		}
		return n
	}
	y, m, d := num(name[:4]), num(name[5:7]), num(name[8:10])
	if y < 0 || m < 1 || m > 12 || d < 1 || d > civil.DaysIn(y, m) {
		return noDay
	}
	return int32(civil.Days(y, m, d))
}

// walk lists the article files under one source. Hidden files and
// directories (.git, .template) are skipped, symlinked directories are not
// followed (a loop cannot trap the walk) while symlinked files are
// candidates like any other. An unreadable subdirectory becomes a Problem;
// an unreadable root is the returned error.
//
// Large directories are left open for statEntry; the caller closes the
// descriptors in dirs (see closeDirs). A walk cancelled through ctx lists
// no further directory and returns ctx's error.
func (s *Source) walk(ctx context.Context, counter *atomic.Int64) (found []loadEntry, probs []Problem, dirs []int, err error) {
	w := dirWalker{src: s, ctx: ctx, counter: counter}
	defer func() {
		if err == nil {
			err = ctx.Err()
		}
		if err != nil {
			closeDirs(w.dirs)
		}
	}()
	if s.fsys != nil {
		ents, err := fs.ReadDir(s.fsys, ".")
		if err != nil {
			return nil, nil, nil, fmt.Errorf("read %s: %w", s.root, err)
		}
		w.fsDir(".", "", ents, 0)
		return w.found, w.problems, nil, nil
	}
	st, err := os.Stat(s.root)
	if err != nil {
		return nil, nil, nil, rootError(s.root, err)
	}
	if !st.IsDir() {
		return nil, nil, nil, fmt.Errorf("read %s: not a directory", s.root)
	}
	ents, fd, err := w.lister.listKeep(s.root, true)
	if err != nil {
		return nil, nil, nil, rootError(s.root, err)
	}
	w.found = make([]loadEntry, 0, len(ents)) // a flat archive: one allocation
	w.osDir("", ents, 0, w.keepDir(fd))
	return w.found, w.problems, w.dirs, nil
}

type dirWalker struct {
	ctx      context.Context
	src      *Source
	lister   dirLister // one listing buffer for the whole walk
	found    []loadEntry
	problems []Problem
	dirs     []int // descriptors of the directories kept open
	// counter, when set, counts the files found as they are, for a
	// reader's progress (Loading.Found) while a large tree is walked.
	counter *atomic.Int64
}

// keepDir notes a directory descriptor kept open by listDirKeep and
// returns it as a loadEntry holds it (see loadEntry.dirfd).
func (w *dirWalker) keepDir(fd int) int32 {
	if fd < 0 || fd >= math.MaxInt32 {
		if fd >= 0 {
			closeDirs([]int{fd})
		}
		return 0
	}
	w.dirs = append(w.dirs, fd)
	return int32(fd) + 1
}

func (w *dirWalker) add(rel, name string, dirfd int32, link bool) {
	e := w.src.entry(rel, name)
	e.dirfd, e.link = dirfd, link
	w.found = append(w.found, e)
	if w.counter != nil {
		w.counter.Add(1)
	}
}

// entry is the loader's entry for the file rel (base name name) under s.
func (s *Source) entry(rel, name string) loadEntry {
	p := s.display(rel)
	if os.PathSeparator == '/' {
		rel = p[len(p)-len(rel):] // share one allocation for Path and Rel
	}
	return loadEntry{src: s, rel: rel, path: p, day: nameDay(name)}
}

func (w *dirWalker) osDir(rel string, ents []dirEnt, depth int, dirfd int32) {
	for _, e := range ents {
		name := e.name
		if strings.HasPrefix(name, ".") {
			continue
		}
		r := joinRel(rel, name)
		if e.dir {
			if depth+1 >= maxWalkDepth {
				w.problems = append(w.problems, Problem{Path: w.src.display(r), Reason: "directory nested too deep"})
				continue
			}
			if w.ctx.Err() != nil {
				return // cancelled: list nothing more
			}
			sub, fd, err := w.lister.listKeep(w.src.display(r), true)
			if err != nil {
				w.problems = append(w.problems, Problem{Path: w.src.display(r), Reason: errReason(err)})
			}
			// A directory that failed part-way still yields what it listed.
			w.osDir(r, sub, depth+1, w.keepDir(fd))
			continue
		}
		if isArticleName(name) {
			w.add(r, name, dirfd, e.link)
		}
	}
}

func (w *dirWalker) fsDir(dir, rel string, ents []fs.DirEntry, depth int) {
	for _, e := range ents {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		r := joinRel(rel, name)
		if e.IsDir() {
			if depth+1 >= maxWalkDepth {
				w.problems = append(w.problems, Problem{Path: w.src.display(r), Reason: "directory nested too deep"})
				continue
			}
			if w.ctx.Err() != nil {
				return // cancelled: list nothing more
			}
			sub, err := fs.ReadDir(w.src.fsys, path.Join(dir, name))
			if err != nil {
				w.problems = append(w.problems, Problem{Path: w.src.display(r), Reason: errReason(err)})
			}
			w.fsDir(path.Join(dir, name), r, sub, depth+1)
			continue
		}
		if isArticleName(name) {
			w.add(r, name, 0, false) // an fs.FS is never read twice through links
		}
	}
}

// dirEnt is one entry of a directory listing (see dirLister): unsorted,
// typed without following symlinks.
type dirEnt struct {
	name string
	dir  bool
	link bool
}

// rootError names the root once: the *PathError inside would repeat it.
func rootError(root string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("read %s: %w", root, err)
}

func joinRel(dir, name string) string {
	if dir == "" {
		return name
	}
	return dir + "/" + name
}
