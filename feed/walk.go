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
	"unsafe"

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
	es := &entrySink{src: s, counter: counter}
	w := dirWalker{src: s, ctx: ctx, sink: es}
	defer func() {
		if err == nil {
			err = ctx.Err()
		}
		if err != nil {
			closeDirs(es.dirs)
		}
	}()
	if s.fsys != nil {
		ents, err := fs.ReadDir(s.fsys, ".")
		if err != nil {
			return nil, nil, nil, fmt.Errorf("read %s: %w", s.root, err)
		}
		w.fsDir(".", "", ents, 0)
		return es.all(), w.problems, nil, nil
	}
	if err := w.osRoot(); err != nil {
		return nil, nil, nil, err
	}
	return es.all(), w.problems, es.dirs, nil
}

// dirWalker walks one source, depth first, and hands the files it finds
// to its sink as each directory is listed.
type dirWalker struct {
	ctx      context.Context
	src      *Source
	lister   dirLister // one listing buffer for the whole walk
	sink     walkSink
	problems []Problem
}

// walkSink is what a walk hands its files to: the loader's entries
// (entrySink), or a count's stat workers (see countFast).
type walkSink interface {
	// files takes article files (not directories) of the directory rel,
	// open as dirfd (-1: it is not), as a part of its listing is read.
	// ents and their names are the sink's during the call only (see
	// listEach).
	files(rel string, dirfd int, ents []dirEnt)
	// listed says the directory rel is listed (n entries, hidden ones and
	// directories included); dirfd is the sink's from now on, to keep or
	// close.
	listed(rel string, dirfd int, n int)
}

// entryBlock is how many entries an entrySink allocates at a time, at
// most.
const entryBlock = 4096

// entrySink makes the loader's entries of the files a walk finds. It
// keeps them in blocks and puts them in one slice at the end (see all):
// grown by append, the slice of a million entries (56 MB) was copied a
// dozen times, each copy left to the collector.
type entrySink struct {
	src    *Source
	blocks [][]loadEntry // each full to its capacity but the last
	// paths holds the entries' paths, which become the articles': one
	// allocation each rounded up to its size class cost 8 bytes a file
	// more (issue 16). path is where one is built.
	paths textArena
	path  []byte
	dirs  []int // descriptors of the directories kept open
	// dirBlock, dirFrom: where the directory being listed starts.
	dirBlock, dirFrom int
	// counter, when set, counts the files found as they are, for a
	// reader's progress (Loading.Found) while a large tree is walked.
	counter *atomic.Int64
}

func (es *entrySink) files(rel string, dirfd int, ents []dirEnt) {
	fd := int32(0)
	if dirfd >= 0 && dirfd < math.MaxInt32 {
		fd = int32(dirfd) + 1
	}
	for _, e := range ents {
		es.add(joinRel(rel, e.name), e.name, fd, e.link)
	}
}

// listed keeps a large directory open for statEntry, which saves
// resolving the whole path 100,000 times; a small one is closed and its
// files are stat'ed by path.
func (es *entrySink) listed(rel string, dirfd int, n int) {
	switch {
	case dirfd < 0:
	case n >= keepDirMin && dirfd < math.MaxInt32:
		es.dirs = append(es.dirs, dirfd)
	default:
		closeDirs([]int{dirfd})
		for b := es.dirBlock; b < len(es.blocks); b++ {
			from := 0
			if b == es.dirBlock {
				from = es.dirFrom
			}
			for i := from; i < len(es.blocks[b]); i++ {
				es.blocks[b][i].dirfd = 0
			}
		}
	}
	if n := len(es.blocks); n > 0 { // the next directory starts after the last entry
		es.dirBlock, es.dirFrom = n-1, len(es.blocks[n-1])
	}
}

// all is the entries found, in one slice.
func (es *entrySink) all() []loadEntry {
	switch len(es.blocks) {
	case 0:
		return nil
	case 1:
		return es.blocks[0]
	}
	n := 0
	for _, b := range es.blocks {
		n += len(b)
	}
	found := make([]loadEntry, 0, n)
	for _, b := range es.blocks {
		found = append(found, b...)
	}
	es.blocks = nil
	return found
}

func (es *entrySink) add(rel, name string, dirfd int32, link bool) {
	es.path = es.src.appendDisplay(es.path[:0], rel)
	e := es.src.entry(es.paths.add(unsafe.String(unsafe.SliceData(es.path), len(es.path))), rel, name)
	e.dirfd, e.link = dirfd, link
	if n := len(es.blocks); n == 0 || len(es.blocks[n-1]) == cap(es.blocks[n-1]) {
		es.blocks = append(es.blocks, make([]loadEntry, 0, min(entryBlock, 16<<min(n, 8)))) // a small library: small blocks
	}
	es.blocks[len(es.blocks)-1] = append(es.blocks[len(es.blocks)-1], e)
	if es.counter != nil {
		es.counter.Add(1)
	}
}

// entry is the loader's entry for the file rel (base name name) under s,
// whose path (see display) is path, a string of its own. Neither rel
// nor name is kept: a walk's names lie in its lister's buffer (see
// listEach).
func (s *Source) entry(path, rel, name string) loadEntry {
	if os.PathSeparator == '/' {
		rel = path[len(path)-len(rel):] // share one allocation for Path and Rel
	}
	return loadEntry{src: s, rel: rel, path: path, day: nameDay(name)}
}

// osRoot walks a source on disk; an unreadable root is the error.
func (w *dirWalker) osRoot() error {
	st, err := os.Stat(w.src.root)
	if err != nil {
		return rootError(w.src.root, err)
	}
	if !st.IsDir() {
		return fmt.Errorf("read %s: not a directory", w.src.root)
	}
	subs, err := w.osList(w.src.root, "")
	if err != nil {
		return rootError(w.src.root, err)
	}
	w.osSubdirs("", subs, 0)
	return nil
}

// osList lists the directory rel (dir on disk), handing its files to the
// sink as the listing goes, and returns its subdirectories' names in
// listing order. A directory that fails part-way has handed over what
// it listed.
func (w *dirWalker) osList(dir, rel string) (subs []string, err error) {
	n := 0
	fd, err := w.lister.listEach(dir, func(fd int, ents []dirEnt) bool {
		n += len(ents)
		files := ents[:0] // the lister's own slice, filtered in place
		for _, e := range ents {
			switch {
			case strings.HasPrefix(e.name, "."):
			case e.dir:
				subs = append(subs, strings.Clone(e.name)) // the lister's buffer moves on
			case isArticleName(e.name):
				files = append(files, e)
			}
		}
		if len(files) > 0 {
			w.sink.files(rel, fd, files)
		}
		return w.ctx.Err() == nil // cancelled: list no further
	})
	w.sink.listed(rel, fd, n)
	return subs, err
}

// osSubdirs walks the subdirectories subs of rel, depth first, in order.
func (w *dirWalker) osSubdirs(rel string, subs []string, depth int) {
	for _, name := range subs {
		r := joinRel(rel, name)
		if depth+1 >= maxWalkDepth {
			w.problems = append(w.problems, Problem{Path: w.src.display(r), Reason: "directory nested too deep"})
			continue
		}
		if w.ctx.Err() != nil {
			return // cancelled: list nothing more
		}
		sub, err := w.osList(w.src.display(r), r)
		if err != nil {
			w.problems = append(w.problems, Problem{Path: w.src.display(r), Reason: errReason(err)})
		}
		w.osSubdirs(r, sub, depth+1)
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
			w.sink.files(rel, -1, []dirEnt{{name: name}}) // an fs.FS is never read twice through links
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
