package feed

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// countLog collects a count's debug log: whether the index answered it
// (see countFast) or the loader did.
type countLog struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *countLog) logf(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(&l.b, format+"\n", args...)
}

func (l *countLog) answeredFromIndex() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Contains(l.b.String(), "count: answered from the cache's index")
}

// countTree writes a library of many directories: one larger than a
// worker's share of files (countChunkMax), nested ones, hidden ones,
// files that cannot be used in several directories (so that the walk's
// order and the load's differ), records that are not articles, a
// symbolic link to an article and files that are not articles by name.
func countTree(t *testing.T) string {
	dir := t.TempDir()
	files := map[string]string{
		"2024-05-01-top.md":              article("Top story", "https://example.com/top", ""),
		"2019-01-01-bad.md":              "---\ntitle: \"never closed\n",
		"notes.txt":                      "not markdown",
		".hidden.md":                     article("Hidden", "", ""),
		".git/2024-01-01-x.md":           article("In git", "", ""),
		"topics/ai.md":                   "---\ntitle: AI\n---\nA topic, not an article.\n",
		"z/2018-06-01-bad-too.md":        "---\n: [\n---\n",
		"a/deep/er/2023-01-01-nested.md": article("Nested", "", ""),
		"a/2023-02-02-unterminated.md":   "---\ntitle: x\n",
	}
	for i := range 40 {
		for k := range 3 {
			files[fmt.Sprintf("d%02d/2022-%02d-%02d-story-%d.md", i, 1+i%12, 1+k, k)] = article(fmt.Sprintf("Story %d in %d", k, i), "", "")
		}
	}
	for i := range 2*countChunkMax + 10 {
		files[fmt.Sprintf("big/2021-%02d-%02d-item-%d.md", 1+i%12, 1+i%28, i)] = article(fmt.Sprintf("Item %d", i), "", "")
	}
	write(t, dir, files)
	if err := os.Symlink(filepath.Join(dir, "d01", "2022-02-01-story-0.md"), filepath.Join(dir, "2024-06-01-link.md")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// checkCount fails t unless a count of dir with cache opt equals a load
// without cache (articles and skipped files, in order), and reports
// whether the cache's index answered it.
func checkCount(t *testing.T, step, dir string, opt Options, beforeStat func(string)) bool {
	t.Helper()
	var log countLog
	opt.Logf = log.logf
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	got, ok := countFastHooked(ctx, []Source{Dir(dir)}, opt, beforeStat)
	if !ok {
		var err error
		if got, err = Count(ctx, []Source{Dir(dir)}, opt); err != nil {
			t.Fatalf("%s: Count: %v", step, err)
		}
	}
	want := mustLoad(t, Options{}, Dir(dir))
	if got.Articles != want.Len() || !slices.Equal(got.Skipped, want.Skipped()) {
		t.Errorf("%s: %d articles, skipped %v; a load lists %d, skipped %v",
			step, got.Articles, got.Skipped, want.Len(), want.Skipped())
	}
	return ok && log.answeredFromIndex()
}

// TestFastCountIsWhatLoadLists: a count of an unchanged library, answered
// from the cache's index while the walk goes on, equals a load; each
// kind of change sends the count to the loader, which writes the cache
// again, and the count after that is answered from the index again.
func TestFastCountIsWhatLoadLists(t *testing.T) {
	dir := countTree(t)
	opt := Options{Cache: OpenCache(t.TempDir()), Workers: 3}
	fast := func(step string, want bool) {
		t.Helper()
		if got := checkCount(t, step, dir, opt, nil); got != want {
			t.Errorf("%s: answered from the index: %v, want %v", step, got, want)
		}
	}
	fast("cold", false)
	fast("warm", true)
	fast("warm again", true)

	write(t, dir, map[string]string{"big/2021-07-07-new.md": article("New", "", "")})
	fast("a file added", false)
	fast("after a file added", true)

	write(t, dir, map[string]string{"a/deep/er/2023-01-01-nested.md": article("Nested, longer now", "", "")})
	fast("a file changed", false)
	fast("after a file changed", true)

	if err := os.Remove(filepath.Join(dir, "d17", "2022-06-02-story-1.md")); err != nil {
		t.Fatal(err)
	}
	fast("a file removed", false)
	fast("after a file removed", true)

	if err := os.RemoveAll(filepath.Join(dir, "d30")); err != nil {
		t.Fatal(err)
	}
	fast("a directory removed", false)
	fast("after a directory removed", true)

	fifo := filepath.Join(dir, "d02", "2022-03-01-story-0.md")
	if err := os.Remove(fifo); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	fast("a file turned into a FIFO", false)
	fast("after a file turned into a FIFO", false) // never cached: counted by the loader each time
	if err := os.Remove(fifo); err != nil {
		t.Fatal(err)
	}
	fast("the FIFO removed", true) // the cache never held it

	// A second name of a file is never cached (see twinResult). One that
	// gives the date its first name gives is an article as the first is
	// (a hard link does not change the file's size or time); one that
	// gives another, or whose first name the walk does not know to have
	// others (the target of a symbolic link), is left to the loader, which
	// caches it under its own name.
	if err := os.Link(filepath.Join(dir, "d04", "2022-05-01-story-0.md"), filepath.Join(dir, "2022-05-01-same-day.md")); err != nil {
		t.Fatal(err)
	}
	fast("a hard link added", true)
	if err := os.Symlink(filepath.Join(dir, "d04", "2022-05-02-story-1.md"), filepath.Join(dir, "d05", "2022-05-02-linked.md")); err != nil {
		t.Fatal(err)
	}
	fast("a symbolic link added", false)
	fast("after a symbolic link added", true)
	if err := os.Link(filepath.Join(dir, "d03", "2022-04-01-story-0.md"), filepath.Join(dir, "2024-07-01-hardlink.md")); err != nil {
		t.Fatal(err)
	}
	fast("a hard link of another date added", false)
	fast("after a hard link of another date added", true)
}

// TestFastCountSeesChangesWhileItWalks: a library changed while it is
// counted (a directory removed before the walk lists it, a file turned
// into a directory or rewritten before it is stat'ed) is counted as
// it is after the change.
func TestFastCountSeesChangesWhileItWalks(t *testing.T) {
	dir := countTree(t)
	opt := Options{Cache: OpenCache(t.TempDir())}
	checkCount(t, "cold", dir, opt, nil)
	once := func(at string, change func()) func(string) {
		done := false
		return func(rel string) {
			if rel == at && !done {
				done = true
				change()
			}
		}
	}
	steps := []struct {
		name, at string
		change   func()
	}{
		{"a directory removed before it is listed", "", func() {
			if err := os.RemoveAll(filepath.Join(dir, "d12")); err != nil {
				t.Error(err)
			}
		}},
		{"a file turned into a directory", "d05", func() {
			p := filepath.Join(dir, "d05", "2022-06-01-story-0.md")
			if err := os.Remove(p); err != nil {
				t.Error(err)
			}
			if err := os.Mkdir(p, 0o755); err != nil {
				t.Error(err)
			}
		}},
		{"a file rewritten", "big", func() {
			write(t, dir, map[string]string{"big/2021-01-01-item-0.md": "---\ntitle: [broken\n"})
		}},
	}
	for _, s := range steps {
		if fast := checkCount(t, s.name, dir, opt, once(s.at, s.change)); fast {
			t.Errorf("%s: answered from the index, which no longer holds the library", s.name)
		}
		if !checkCount(t, "after: "+s.name, dir, opt, nil) {
			t.Errorf("after %s: not answered from the index", s.name)
		}
	}
}

// TestFastCountReportsUnreadableDirectories: a directory the user may
// not list is skipped, with the reason, by a count answered from the
// index as by a load. Root lists any directory: the test runs itself
// again as an unprivileged user (see TestLoadUnreadableSubdirectory).
func TestFastCountReportsUnreadableDirectories(t *testing.T) {
	dir := os.Getenv(unreadableDirEnv)
	if dir == "" {
		dir = lockedFixture(t)
		if os.Geteuid() == 0 {
			asUnprivileged(t, "TestFastCountReportsUnreadableDirectories", unreadableDirEnv+"="+dir)
			return
		}
	}
	opt := Options{Cache: OpenCache(t.TempDir())}
	checkCount(t, "cold", dir, opt, nil)
	if !checkCount(t, "warm", dir, opt, nil) {
		t.Errorf("warm: not answered from the index")
	}
	lib := mustLoad(t, Options{}, Dir(dir))
	if len(lib.Skipped()) != 1 || !strings.Contains(lib.Skipped()[0].Reason, "permission denied") {
		t.Errorf("the fixture's load skipped %v, want the locked directory", lib.Skipped())
	}
}

// TestFastCountSurvivesItsCacheTruncated: the count maps the cache's
// index (see mapFile); a cache file truncated under it (by another
// program: Herald replaces it whole) faults where it is read, and the
// count is then the loader's, not a crash. The first case truncates it as
// the walk starts, the second once the index is read, before a lookup.
func TestFastCountSurvivesItsCacheTruncated(t *testing.T) {
	dir, cdir := countTree(t), t.TempDir()
	opt := Options{Cache: OpenCache(cdir)}
	checkCount(t, "cold", dir, opt, nil)
	truncate := func() {
		files, _ := filepath.Glob(filepath.Join(cdir, "index-*.bin"))
		for _, f := range files {
			if err := os.Truncate(f, 100); err != nil {
				t.Error(err)
			}
		}
	}
	truncated := false
	checkCount(t, "truncated as the walk starts", dir, opt, func(string) {
		if !truncated {
			truncated = true
			truncate()
		}
	})
	checkCount(t, "after", dir, opt, nil)

	run := opt.Cache.start([]*Source{{root: dir}}, t.Logf, true)
	c := &fastCount{run: run, cancel: func() {}, loaded: make(chan struct{})}
	c.readIndex()
	if c.idx == nil {
		t.Fatal("the index was not read")
	}
	defer c.idx.x.free()
	truncate()
	ch := &countChunk{dir: &countDir{src: &Source{root: dir}, rel: "big"}, names: []byte("2021-01-01-item-0.md\x00")}
	ch.files = []countFile{{off: 0, n: uint32(len(ch.names) - 1)}}
	done := make(chan struct{})
	go func() { // as a worker does
		defer close(done)
		debug.SetPanicOnFault(true)
		c.match(ch, &countTotals{})
	}()
	<-done
	if !c.changed.Load() {
		t.Error("a lookup in a truncated index did not give up")
	}
}
