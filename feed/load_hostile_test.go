//go:build unix

package feed

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestHostileFiles puts every kind of file that could hang, crash or
// exhaust a naive loader next to a good article: each must be one skipped
// file with a clear reason, and the good article must load. In a large
// directory the loader stats files relative to the open directory (see
// statEntry), so the hazards are tried there too.
func TestHostileFiles(t *testing.T) {
	t.Run("small directory", func(t *testing.T) { testHostileFiles(t, 0) })
	t.Run("large directory", func(t *testing.T) { testHostileFiles(t, keepDirMin) })
}

func testHostileFiles(t *testing.T, pad int) {
	dir := t.TempDir()
	good := filepath.Join(dir, "2020-01-01-good.md")
	write(t, dir, map[string]string{"2020-01-01-good.md": article("The one good story", "", "")})
	padding := map[string]string{}
	for i := range pad {
		padding[fmt.Sprintf("2019-01-01-padding-%d.md", i)] = article(fmt.Sprintf("Padding story number %d", i), "", "")
	}
	write(t, dir, padding)
	p := func(name string) string { return filepath.Join(dir, name) }

	if err := syscall.Mkfifo(p("2020-01-02-fifo.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A socket needs a short path: bind in a short temp dir, then link it.
	sockDir, err := os.MkdirTemp("", "hs")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(sockDir) })
	ln, err := net.Listen("unix", filepath.Join(sockDir, "s"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	mustSymlink(t, filepath.Join(sockDir, "s"), p("2020-01-03-socket.md"))
	mustSymlink(t, "/dev/zero", p("2020-01-04-zero.md"))
	mustSymlink(t, "2020-01-05-loop-b.md", p("2020-01-05-loop-a.md"))
	mustSymlink(t, "2020-01-05-loop-a.md", p("2020-01-05-loop-b.md"))
	mustSymlink(t, "missing-target.md", p("2020-01-06-dangling.md"))
	if err := os.Mkdir(p("real-dir"), 0o755); err != nil {
		t.Fatal(err)
	}
	mustSymlink(t, p("real-dir"), p("2020-01-07-dir-link.md"))
	sparse, err := os.Create(p("2020-01-08-sparse.md"))
	if err != nil {
		t.Fatal(err)
	}
	if err := sparse.Truncate(50 << 30); err != nil { // 50 GiB of nothing
		t.Fatal(err)
	}
	sparse.Close()
	big := "---\ntitle: \"big\"\n---\n" + strings.Repeat("x", MaxFileBytes)
	write(t, dir, map[string]string{"2020-01-09-just-too-big.md": big})
	// A symlinked directory is not followed, so a loop of directories
	// cannot trap the walk.
	mustSymlink(t, dir, p("loop-dir"))

	want := map[string]string{
		"2020-01-02-fifo.md":         "named pipe",
		"2020-01-03-socket.md":       "socket",
		"2020-01-04-zero.md":         "character device",
		"2020-01-05-loop-a.md":       "symlink loop",
		"2020-01-05-loop-b.md":       "symlink loop",
		"2020-01-06-dangling.md":     "broken symlink",
		"2020-01-07-dir-link.md":     "directory",
		"2020-01-08-sparse.md":       "too large",
		"2020-01-09-just-too-big.md": "too large",
	}
	lib := mustLoad(t, Options{}, Dir(dir))
	if lib.Len() != 1+pad || lib.Articles()[0].Path != good {
		t.Errorf("loaded %d articles, first %v; want the good one and %d padding", lib.Len(), titles(lib.Articles()[:1]), pad)
	}
	probs := problemsByPath(lib.Skipped())
	for name, reason := range want {
		got, ok := probs[p(name)]
		if !ok {
			t.Errorf("%s: not reported", name)
			continue
		}
		if !strings.Contains(got.Reason, reason) {
			t.Errorf("%s: reason %q, want it to mention %q", name, got.Reason, reason)
		}
	}
	if len(probs) != len(want) {
		t.Errorf("skipped %d files, want %d: %v", len(probs), len(want), lib.Skipped())
	}
}

func mustSymlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// TestReadSwappedInFIFO covers the race the pre-read stat cannot: a FIFO
// put in a file's place after it was checked. Opening it must not wait for
// a writer.
func TestReadSwappedInFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "2020-01-01-x.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, _, _, err := readOS(fifo, nil)
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "named pipe") {
			t.Errorf("readOS(fifo) error = %v, want a named pipe error", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("readOS blocked on a FIFO")
	}
}

// TestFileVanishesAfterWalk removes a file between the walk and its read.
func TestFileVanishesAfterWalk(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"2020-01-01-stays.md": article("This one stays put", "", ""),
		"2020-01-02-goes.md":  article("This one goes away", "", ""),
	})
	src := Dir(dir)
	l := newStreamLoader(context.Background(), []Source{src}, Options{Workers: 1}, false)
	if _, err := l.walk(); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "2020-01-02-goes.md")); err != nil {
		t.Fatal(err)
	}
	ch := make(chan Batch)
	go l.run(ch)
	lib := NewLibrary()
	for b := range ch {
		lib.Add(b)
	}
	if lib.Len() != 1 || len(lib.Skipped()) != 1 || !strings.Contains(lib.Skipped()[0].Reason, "vanished") {
		t.Errorf("Len %d, skipped %v; want 1 article and one vanished file", lib.Len(), lib.Skipped())
	}
}

// TestReadCappedLyingSize reads a source that delivers more than its size
// claimed (like a /proc file or a file growing while read).
func TestReadCappedLyingSize(t *testing.T) {
	r := strings.NewReader(strings.Repeat("a", MaxFileBytes+10))
	if _, err := readCapped(r, 10, nil); err != errTooLarge {
		t.Errorf("readCapped = %v, want errTooLarge", err)
	}
	data, err := readCapped(strings.NewReader("exact"), 5, make([]byte, 0, 2))
	if err != nil || string(data) != "exact" {
		t.Errorf("readCapped = %q, %v; want \"exact\"", data, err)
	}
}

// TestKernelFilesNeverRead: links to a terminal device and to kernel files
// that report size 0 but block or consume when read (/proc/kmsg) are
// skipped without being read, and the load ends.
func TestKernelFilesNeverRead(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"2020-01-01-good.md": article("The one good story", "", "")})
	links := map[string]string{"2020-01-02-tty.md": "/dev/tty", "2020-01-03-kmsg.md": "/proc/kmsg", "2020-01-04-empty.md": ""}
	for name, target := range links {
		if target == "" {
			write(t, dir, map[string]string{name: ""})
			continue
		}
		if _, err := os.Lstat(target); err != nil {
			delete(links, name)
			continue
		}
		mustSymlink(t, target, filepath.Join(dir, name))
	}
	done := make(chan *Library, 1)
	go func() { done <- mustLoad(t, Options{}, Dir(dir)) }()
	var lib *Library
	select {
	case lib = <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("the load hangs on a kernel file")
	}
	if lib.Len() != 1 {
		t.Errorf("loaded %d articles, want the good one", lib.Len())
	}
	probs := problemsByPath(lib.Skipped())
	for name := range links {
		if _, ok := probs[filepath.Join(dir, name)]; !ok {
			t.Errorf("%s: not skipped", name)
		}
	}
}
