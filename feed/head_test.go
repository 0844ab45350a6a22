package feed

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// headLibrary writes n articles over n/50 days (newest last by name), so
// that a load has several batches and the first one is a strict part.
func headLibrary(t *testing.T, dir string, n int) {
	t.Helper()
	files := map[string]string{}
	for i := range n {
		day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i/50)
		name := fmt.Sprintf("%s-story-%04d.md", day.Format("2006-01-02"), i)
		files[name] = article(fmt.Sprintf("Story number %04d of the archive", i),
			fmt.Sprintf("https://example.com/%d", i), day.Add(time.Duration(i%50)*time.Minute).Format(time.RFC3339))
	}
	write(t, dir, files)
}

// streamAll collects a stream's batches.
func streamAll(t *testing.T, opt Options, srcs ...Source) []Batch {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	ch := Stream(ctx, srcs, opt).Batches()
	var out []Batch
	for b := range ch {
		out = append(out, b)
	}
	if len(out) == 0 || !out[len(out)-1].Done {
		t.Fatal("the stream ended without a Done batch")
	}
	return out
}

func batchPaths(bs []Batch) []string {
	var out []string
	for _, b := range bs {
		for _, a := range b.Articles {
			out = append(out, a.Path)
		}
	}
	return out
}

// TestHeadFirstBatchWarm: a warm start sends the same articles in the same
// order as a cold one, each once, and the first batch (answered from the
// head file before the walk) is the newest files.
func TestHeadFirstBatchWarm(t *testing.T) {
	dir, cdir := t.TempDir(), t.TempDir()
	headLibrary(t, dir, 700)
	coldPaths := batchPaths(streamAll(t, Options{}, Dir(dir)))
	streamAll(t, Options{Cache: OpenCache(cdir)}, Dir(dir)) // writes the snapshot and head
	head, err := os.Stat(filepath.Join(cdir, mustGlob(t, cdir, "*.head")))
	if err != nil {
		t.Fatal(err)
	}

	warm := streamAll(t, Options{Cache: OpenCache(cdir)}, Dir(dir))
	if got := batchPaths(warm); !slices.Equal(got, coldPaths) {
		t.Fatalf("warm stream: %d paths, cold %d; the order or the set differs", len(got), len(coldPaths))
	}
	if len(warm) < 3 {
		t.Fatalf("%d batches: the library is too small to test a head", len(warm))
	}
	if warm[0].Found != 0 {
		t.Error("the first batch came after the walk (Found is known), not from the head")
	}
	if n := len(warm[0].Articles); n == 0 || n > maxHeadEntries || warm[0].Articles[0].Path != coldPaths[0] {
		t.Errorf("first batch: %d articles starting with %q, want the newest", n, warm[0].Articles[0].Path)
	}
	for i, b := range warm {
		if b.Newer {
			t.Errorf("batch %d marked Newer though nothing changed", i)
		}
	}
	// Nothing changed: the head is not rewritten.
	again, err := os.Stat(filepath.Join(cdir, mustGlob(t, cdir, "*.head")))
	if err != nil || !os.SameFile(head, again) {
		t.Errorf("an unchanged library rewrote its head (%v)", err)
	}
}

func mustGlob(t *testing.T, dir, pattern string) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, pattern))
	if len(m) != 1 {
		t.Fatalf("%s in %s: %v, want one", pattern, dir, m)
	}
	return filepath.Base(m[0])
}

// TestHeadAfterChanges: files saved, changed and removed since the last
// run. The head batch shows what it still can; the newer file arrives in a
// batch marked Newer; nothing is sent twice or lost; IDs stay unique; the
// library ends in library order.
func TestHeadAfterChanges(t *testing.T) {
	dir, cdir := t.TempDir(), t.TempDir()
	headLibrary(t, dir, 700)
	cache := OpenCache(cdir)
	first := streamAll(t, Options{Cache: cache}, Dir(dir))
	newest := first[0].Articles

	// A newer file, one of the head's files changed, one removed, and one
	// saved again under a new name with the URL of a head article.
	write(t, dir, map[string]string{
		"2030-01-01-fresh.md": article("A fresh story saved since", "https://example.com/fresh", "2030-01-01T10:00:00Z"),
		"2030-01-02-again.md": article("Saved again with an old URL", newest[2].WebURL, "2030-01-02T10:00:00Z"),
	})
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(newest[0].Path, later, later); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(newest[1].Path); err != nil {
		t.Fatal(err)
	}

	warm := streamAll(t, Options{Cache: cache}, Dir(dir))
	if slices.Contains(batchPaths(warm[:1]), newest[1].Path) {
		t.Error("the head batch sent a file removed since")
	}
	got := batchPaths(warm)
	seen := map[string]bool{}
	for _, p := range got {
		if seen[p] {
			t.Errorf("%s sent twice", p)
		}
		seen[p] = true
	}
	if want := 700 - 1 + 2; len(got) != want {
		t.Errorf("%d articles sent, want %d", len(got), want)
	}
	newer := false
	for _, b := range warm[1:] {
		for _, a := range b.Articles {
			if a.Title == "A fresh story saved since" {
				newer = b.Newer
			}
		}
	}
	if !newer {
		t.Error("the batch with the file saved since is not marked Newer")
	}

	lib := NewLibrary()
	for _, b := range warm {
		lib.Add(b)
	}
	if !slices.IsSortedFunc(lib.Articles(), libraryOrder) {
		t.Error("Library.Add did not merge the Newer batch in order")
	}
	lib.Finish()
	if got := lib.Articles()[0].Title; got != "Saved again with an old URL" {
		t.Errorf("newest article %q, want the one saved last", got)
	}
	if s := savesOf(lib, lib.Articles()[0].ID); len(s) != 2 {
		t.Errorf("the story saved twice has %d articles, want 2", len(s))
	}
	// The next start's head knows the new files.
	next := streamAll(t, Options{Cache: cache}, Dir(dir))
	if next[0].Articles[0].Title != "Saved again with an old URL" {
		t.Errorf("next head starts with %q", next[0].Articles[0].Title)
	}
	for i, b := range next {
		if b.Newer {
			t.Errorf("batch %d of the next start marked Newer", i)
		}
	}
}

// TestHeadRootGone: a root that disappears after a warm start's check is
// still an error from Stream (checked before the head is used).
func TestHeadRootGone(t *testing.T) {
	dir, cdir := t.TempDir(), t.TempDir()
	headLibrary(t, dir, 10)
	streamAll(t, Options{Cache: OpenCache(cdir)}, Dir(dir))
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := streamRootErr(t, Stream(context.Background(), []Source{Dir(dir)}, Options{Cache: OpenCache(cdir)})); err == nil {
		t.Error("Stream of a removed directory: no error")
	}
}

// TestHeadHold: after a warm start's first batch the walk waits for the
// gate, so a file saved before it is opened is still found; a gate that is
// never opened only delays the load; a cancelled load ends while holding.
func TestHeadHold(t *testing.T) {
	dir, cdir := t.TempDir(), t.TempDir()
	headLibrary(t, dir, 300)
	cache := OpenCache(cdir)
	streamAll(t, Options{Cache: cache}, Dir(dir))

	gate := NewStartGate(0)
	ch := Stream(context.Background(), []Source{Dir(dir)}, Options{Cache: cache, Gate: gate}).Batches()
	<-ch // the head batch
	// Time for a walk that ignored the gate to be over (the file must then
	// be missing); a walk that waits is not affected.
	time.Sleep(50 * time.Millisecond)
	write(t, dir, map[string]string{"2030-01-01-late.md": article("Saved while the screen was drawn", "", "")})
	walkedEarly := isClosed(gate.Walking())
	gate.Open()
	found := false
	for b := range ch {
		for _, a := range b.Articles {
			found = found || a.Title == "Saved while the screen was drawn"
		}
	}
	if !found {
		t.Error("the walk did not wait for the gate: a file saved before it was opened is missing")
	}
	if walkedEarly || !isClosed(gate.Walking()) {
		t.Error("Walking was not closed once, after the gate was opened")
	}

	if got := batchPaths(streamAll(t, Options{Cache: cache, Gate: NewStartGate(0)}, Dir(dir))); len(got) != 301 {
		t.Errorf("with a gate never opened: %d articles, want 301", len(got))
	}

	ctx, cancel := context.WithCancel(context.Background())
	ch = Stream(ctx, []Source{Dir(dir)}, Options{Cache: cache, Gate: NewStartGate(0)}).Batches()
	<-ch
	cancel()
	for b := range ch {
		if b.Done {
			t.Error("a load cancelled while holding still finished")
		}
	}
}

// TestHeadSeveralRoots: a library of two folders (one given twice) starts
// warm from its head with the same articles, in the same order, as cold.
func TestHeadSeveralRoots(t *testing.T) {
	a, b, cdir := t.TempDir(), t.TempDir(), t.TempDir()
	headLibrary(t, a, 150)
	files := map[string]string{}
	for i := range 150 {
		files[fmt.Sprintf("2024-01-0%d-other-%03d.md", 1+i%9, i)] = article(fmt.Sprintf("Other folder story %03d", i), "", "")
	}
	write(t, b, files)
	srcs := []Source{Dir(a), Dir(b), Dir(a)}
	cold := batchPaths(streamAll(t, Options{}, srcs...))
	cache := OpenCache(cdir)
	streamAll(t, Options{Cache: cache}, srcs...)
	warm := streamAll(t, Options{Cache: cache}, srcs...)
	if got := batchPaths(warm); !slices.Equal(got, cold) {
		t.Errorf("warm: %d paths, cold %d: the set or the order differs", len(got), len(cold))
	}
	if warm[0].Found != 0 {
		t.Error("the first batch came after the walk (Found is known), not from the head")
	}
	if len(cold) != 300 {
		t.Errorf("%d articles, want 300 (a folder given twice is loaded once)", len(cold))
	}
}

// TestStreamDoneAfterCacheWrite: a reader that stops at the Done batch (a
// UI) and then waits for Done finds the cache written.
func TestStreamDoneAfterCacheWrite(t *testing.T) {
	dir, cdir := t.TempDir(), t.TempDir()
	headLibrary(t, dir, 300)
	s := Stream(context.Background(), []Source{Dir(dir)}, Options{Cache: OpenCache(cdir)})
	for b := range s.Batches() {
		if b.Done {
			break
		}
	}
	<-s.Done()
	for _, ext := range []string{".bin", ".head"} {
		if m, _ := filepath.Glob(filepath.Join(cdir, "index-*"+ext)); len(m) != 1 {
			t.Errorf("%s files when Done was closed: %v, want one", ext, m)
		}
	}
}

func isClosed(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

// TestStartGate: the gate opens delay after the first Open, once however
// often it is called, and a nil gate is always open.
func TestStartGate(t *testing.T) {
	g := NewStartGate(20 * time.Millisecond)
	if isClosed(g.Opened()) {
		t.Fatal("open before Open")
	}
	start := time.Now()
	g.Open()
	g.Open()
	if isClosed(g.Opened()) {
		t.Error("open at once despite the delay")
	}
	<-g.Opened()
	if d := time.Since(start); d < 20*time.Millisecond {
		t.Errorf("opened after %v, want the delay of 20ms", d)
	}
	var none *StartGate
	none.Open()
	none.walk()
	if none.Opened() != nil || none.Walking() != nil {
		t.Error("a nil gate has channels")
	}
}
