package feed

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// waitTimeout bounds every wait for the watcher. It is generous: it only
// turns a hang into a failure, and nothing asserts how fast events come.
const waitTimeout = 20 * time.Second

// watchRecorder collects the Changes of one Watch.
type watchRecorder struct {
	t       *testing.T
	ch      <-chan Change
	changes []Change
	added   map[string]*Article // by path, the latest
	changed map[string]*Article
	removed map[string]bool
	probs   map[string]Problem
	gone    []string
}

func startWatch(t *testing.T, opt WatchOptions, dirs ...string) *watchRecorder {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	w := Watch(ctx, dirs, opt)
	<-w.Ready()
	ch := w.Changes()
	t.Cleanup(func() {
		cancel()
		for range ch { // closed once the watcher has stopped
		}
	})
	return &watchRecorder{t: t, ch: ch, added: map[string]*Article{}, changed: map[string]*Article{},
		removed: map[string]bool{}, probs: map[string]Problem{}}
}

// until takes Changes until done reports true about what was seen.
func (r *watchRecorder) until(what string, done func() bool) {
	r.t.Helper()
	deadline := time.After(waitTimeout)
	for !done() {
		select {
		case c, ok := <-r.ch:
			if !ok {
				r.t.Fatalf("watch stopped while waiting for %s", what)
			}
			r.changes = append(r.changes, c)
			for _, a := range c.Added {
				r.added[a.Path] = a
			}
			for _, a := range c.Changed {
				r.changed[a.Path] = a
			}
			for _, p := range c.Removed {
				r.removed[p] = true
			}
			for _, p := range c.Problems {
				r.probs[p.Path] = p
			}
			r.gone = append(r.gone, c.DirGone...)
		case <-deadline:
			r.t.Fatalf("no change with %s after %v; changes so far: %+v", what, waitTimeout, r.changes)
		}
	}
}

func TestWatchAddChangeRemove(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"2024-01-01-old.md": article("An article that was there first", "https://example.com/old", "2024-01-01T10:00:00Z"),
	})
	rec := startWatch(t, WatchOptions{}, dir)
	p := func(rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }

	// A new file, and ones the loader would not read.
	write(t, dir, map[string]string{
		"2024-01-02-new.md": article("A new article arrives", "https://example.com/new", "2024-01-02T10:00:00Z"),
		".hidden.md":        article("Hidden", "https://example.com/h", ""),
		"notes.txt":         "not an article",
	})
	rec.until("the new article", func() bool { return rec.added[p("2024-01-02-new.md")] != nil })

	// The watcher's article is the loader's article for the same file.
	lib := mustLoad(t, Options{}, Dir(dir))
	want := lib.ByID(URLID("https://example.com/new"))
	if got := rec.added[p("2024-01-02-new.md")]; want == nil || !reflect.DeepEqual(got, want) {
		t.Errorf("watcher's article differs from the loader's:\n got %+v\nwant %+v", got, want)
	}

	// A change to a known file, then a new subdirectory with a file.
	write(t, dir, map[string]string{
		"2024-01-01-old.md": article("An article that was there first, edited", "https://example.com/old", "2024-01-01T10:00:00Z"),
	})
	rec.until("the edit", func() bool { return rec.changed[p("2024-01-01-old.md")] != nil })
	if got := rec.changed[p("2024-01-01-old.md")].Title; got != "An article that was there first, edited" {
		t.Errorf("changed title = %q", got)
	}
	write(t, dir, map[string]string{"2024/02/2024-02-01-deep.md": article("Deep in new folders", "https://example.com/deep", "")})
	rec.until("the file in new folders", func() bool { return rec.added[p("2024/02/2024-02-01-deep.md")] != nil })
	if a := rec.added[p("2024/02/2024-02-01-deep.md")]; a.Rel() != "2024/02/2024-02-01-deep.md" || a.ID != URLID("https://example.com/deep") {
		t.Errorf("deep article: Rel %q ID %q", a.Rel(), a.ID)
	}
	// A file in a subdirectory created after the watch started is watched too.
	write(t, dir, map[string]string{"2024/02/2024-02-02-deeper.md": article("Later in the new folder", "https://example.com/deeper", "")})
	rec.until("a later file in the new folder", func() bool { return rec.added[p("2024/02/2024-02-02-deeper.md")] != nil })

	// A broken file is a problem, not an article.
	write(t, dir, map[string]string{"2024-01-03-broken.md": "---\ntitle: [unclosed\n"})
	rec.until("the broken file's problem", func() bool { return rec.probs[p("2024-01-03-broken.md")].Reason != "" })

	// Removal.
	if err := os.Remove(p("2024-01-01-old.md")); err != nil {
		t.Fatal(err)
	}
	rec.until("the removal", func() bool { return rec.removed[p("2024-01-01-old.md")] })

	for path := range rec.added {
		if strings.Contains(path, "hidden") || strings.HasSuffix(path, ".txt") {
			t.Errorf("%s reported as an article", path)
		}
	}
	for _, c := range rec.changes {
		if c.Empty() {
			t.Error("an empty Change was sent")
		}
	}
}

func TestWatchBurstIsOneChange(t *testing.T) {
	dir := t.TempDir()
	// A generous quiet period: a test machine busy with other work must
	// not split the burst. The default is what a user gets.
	rec := startWatch(t, WatchOptions{Quiet: 2 * time.Second, MaxDelay: 20 * time.Second}, dir)
	files := map[string]string{}
	for i := range 500 {
		name := fmt.Sprintf("2024/%02d/2024-%02d-%02d-story-%d.md", i%12+1, i%12+1, i%28+1, i)
		files[name] = article(fmt.Sprintf("Story number %d of the pull", i), fmt.Sprintf("https://example.com/%d", i), "")
	}
	write(t, dir, files)
	rec.until("500 articles", func() bool { return len(rec.added) == 500 })
	t.Logf("500 files in %d changes", len(rec.changes))
	if n := len(rec.changes); n > 3 {
		t.Errorf("500 files came in %d changes, want at most 3", n)
	}
}

func TestWatchMaxDelayWhileEventsKeepComing(t *testing.T) {
	dir := t.TempDir()
	rec := startWatch(t, WatchOptions{Quiet: 500 * time.Millisecond, MaxDelay: 300 * time.Millisecond}, dir)
	// Writes every 50 ms for 1.5 s never leave 500 ms of quiet: only the
	// maximum delay sends anything before they stop.
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range 30 {
			name := filepath.Join(dir, fmt.Sprintf("2024-01-01-tick-%d.md", i))
			os.WriteFile(name, []byte(article(fmt.Sprintf("Tick number %d of many", i), "", someDate)), 0o644)
			time.Sleep(50 * time.Millisecond)
		}
	}()
	rec.until("two changes", func() bool { return len(rec.changes) >= 2 })
	<-done
	rec.until("all 30", func() bool { return len(rec.added) == 30 })
}

func TestWatchDirectoryGone(t *testing.T) {
	base := t.TempDir()
	keep, lose := filepath.Join(base, "keep"), filepath.Join(base, "lose")
	write(t, keep, map[string]string{"a.md": article("Kept article stays here", "", someDate)})
	write(t, lose, map[string]string{"b.md": article("Lost article goes away", "", someDate), "sub/c.md": article("Lost too, in a folder", "", "")})
	rec := startWatch(t, WatchOptions{}, keep, lose)

	if err := os.RemoveAll(lose); err != nil {
		t.Fatal(err)
	}
	rec.until("the directory gone", func() bool { return len(rec.gone) > 0 })
	rec.until("its files removed", func() bool {
		return rec.removed[filepath.Join(lose, "b.md")] && rec.removed[filepath.Join(lose, "sub", "c.md")]
	})
	if !slices.Equal(rec.gone, []string{lose}) {
		t.Errorf("DirGone = %q, want %q", rec.gone, lose)
	}
	// The other directory is still watched.
	write(t, keep, map[string]string{"d.md": article("Still watching this one", "", someDate)})
	rec.until("a file in the kept directory", func() bool { return rec.added[filepath.Join(keep, "d.md")] != nil })
}

func TestWatchDirectoryRenamedAwayAndBack(t *testing.T) {
	base := t.TempDir()
	lib, outside := filepath.Join(base, "lib"), filepath.Join(base, "outside")
	write(t, lib, map[string]string{"2020/x.md": article("In a folder that moves", "", someDate)})
	rec := startWatch(t, WatchOptions{}, lib)
	if err := os.Rename(filepath.Join(lib, "2020"), outside); err != nil {
		t.Fatal(err)
	}
	rec.until("the moved folder's file removed", func() bool { return rec.removed[filepath.Join(lib, "2020", "x.md")] })
	// Written in its old place while away: not ours any more.
	write(t, outside, map[string]string{"y.md": article("Written while away", "", someDate)})
	if err := os.Rename(outside, filepath.Join(lib, "2021")); err != nil {
		t.Fatal(err)
	}
	rec.until("both files back under the new name", func() bool {
		return rec.added[filepath.Join(lib, "2021", "x.md")] != nil && rec.added[filepath.Join(lib, "2021", "y.md")] != nil
	})
	for path := range rec.added {
		if strings.HasPrefix(path, outside) {
			t.Errorf("a file outside the library was reported: %s", path)
		}
	}
}

func TestWatchErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing")
	if err := watchErr(t, Watch(context.Background(), []string{missing}, WatchOptions{}).Changes()); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("missing directory: err = %v, want one naming it", err)
	}
	file := filepath.Join(dir, "file.md")
	write(t, dir, map[string]string{"file.md": "x"})
	if err := watchErr(t, Watch(context.Background(), []string{file}, WatchOptions{}).Changes()); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("a file: err = %v", err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	ch := Watch(ctx, []string{dir, dir}, WatchOptions{}).Changes()
	cancel()
	select {
	case _, ok := <-ch:
		if ok {
			t.Error("a change after cancel with nothing changed")
		}
	case <-time.After(waitTimeout):
		t.Fatal("the channel stays open after cancel")
	}
}

// watchErr is the error of a watch that could not start, checking that it
// arrived as data: one Change with only Err set, then the channel closed.
func watchErr(t *testing.T, ch <-chan Change) error {
	t.Helper()
	select {
	case c, ok := <-ch:
		if !ok {
			t.Fatal("the channel was closed without a Change")
		}
		if c.Err != nil && len(c.Added)+len(c.Changed)+len(c.Removed)+len(c.Problems)+len(c.DirGone) > 0 {
			t.Errorf("a failed watch reported more than its error: %+v", c)
		}
		select {
		case _, ok := <-ch:
			if ok {
				t.Error("a Change after the watch failed to start")
			}
		case <-time.After(waitTimeout):
			t.Error("the channel stays open after the watch failed to start")
		}
		return c.Err
	case <-time.After(waitTimeout):
		t.Fatal("no Change from a watch that cannot start")
	}
	return nil
}

// TestWatchStart: the watches are set only once Start is closed (Ready
// waits for it), and a file written from then on is seen.
func TestWatchStart(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	start := make(chan struct{})
	w := Watch(ctx, []string{dir}, WatchOptions{Start: start, Quiet: 10 * time.Millisecond})
	select {
	case <-w.Ready():
		t.Fatal("the watch was set before Start was closed")
	case <-time.After(50 * time.Millisecond):
	}
	close(start)
	<-w.Ready()
	write(t, dir, map[string]string{"2024-01-01-late.md": article("Written once the watch was ready", "", someDate)})
	select {
	case c := <-w.Changes():
		if len(c.Added) != 1 {
			t.Errorf("change %+v, want the file Added", c)
		}
	case <-time.After(waitTimeout):
		t.Fatal("no change for a file written after Ready")
	}
}

// TestWatchQuietPeriodCoalesces: files written 50 ms apart, well inside
// the quiet period, arrive as one Change, and not before the directories
// were quiet for the whole period after the last of them. A watcher
// without a quiet period (or with 1 ms) sends the first file alone, at
// once. Only lower bounds on time are asserted: a busy machine can make
// the Change late, never early.
func TestWatchQuietPeriodCoalesces(t *testing.T) {
	dir := t.TempDir()
	const quiet = 2 * time.Second
	rec := startWatch(t, WatchOptions{Quiet: quiet, MaxDelay: time.Minute}, dir)
	var last time.Time
	for i := range 5 {
		if i > 0 {
			time.Sleep(50 * time.Millisecond)
		}
		// Before the write: its events (and the quiet period they start)
		// come during it, so the time after it is not a lower bound.
		last = time.Now()
		write(t, dir, map[string]string{fmt.Sprintf("2024-01-01-spread-%d.md", i): article(fmt.Sprintf("Spread story number %d", i), "", "")})
	}
	rec.until("a change", func() bool { return len(rec.changes) > 0 })
	if waited := time.Since(last); waited < quiet {
		t.Errorf("the change came %v after the last write, before the %v quiet period ended", waited, quiet)
	}
	if n := len(rec.changes[0].Added); n != 5 {
		t.Errorf("the first change holds %d of the 5 files written 50 ms apart, want all 5", n)
	}
}
