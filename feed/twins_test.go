package feed

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestManyLinksToOneArticle: 2,000 symbolic links to one 1 MiB article
// cost one summary each that shares the article's text: the load
// allocates a few MiB, not 2,000 copies of the body (2 GB), and the
// snapshot holds the body once. Allocations are measured, not time.
func TestManyLinksToOneArticle(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 2,000 links")
	}
	dir, cdir := t.TempDir(), t.TempDir()
	head := "---\ntitle: \"One story linked many times\"\n---\n"
	body := strings.Repeat("All work and no play makes a big article. ", (MaxFileBytes-len(head))/43)
	target := filepath.Join(dir, "2020-01-01-target.md")
	if err := os.WriteFile(target, []byte(head+body), 0o644); err != nil {
		t.Fatal(err)
	}
	const links = 2000
	for i := range links {
		if err := os.Symlink(target, filepath.Join(dir, fmt.Sprintf("2020-01-02-link-%04d.md", i))); err != nil {
			t.Fatal(err)
		}
	}
	for _, start := range []string{"cold", "warm"} {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		lib := mustLoad(t, Options{Cache: OpenCache(cdir)}, Dir(dir))
		runtime.ReadMemStats(&after)
		if lib.Len() != links+1 {
			t.Fatalf("%s: loaded %d articles, want %d", start, lib.Len(), links+1)
		}
		words := packedWords(body)
		for _, a := range lib.Articles() {
			if a.words != words || a.Path == "" || a.Rel() == "" {
				t.Fatalf("%s: %s: %d bytes of words, want %d; path %q", start, a.Rel(), len(a.words), len(words), a.Path)
			}
		}
		alloc := after.TotalAlloc - before.TotalAlloc
		t.Logf("%s start: %d MB allocated", start, alloc>>20)
		if alloc > 300<<20 {
			t.Errorf("%s start allocated %d MB for one article linked %d times, want under 300 MB", start, alloc>>20, links)
		}
		runtime.KeepAlive(lib)
	}
	m, _ := filepath.Glob(filepath.Join(cdir, "index-*.bin"))
	if len(m) != 1 {
		t.Fatalf("snapshots %v, want one", m)
	}
	if fi, err := os.Stat(m[0]); err != nil || fi.Size() > 8<<20 {
		t.Errorf("snapshot of %d bytes (%v): the body is stored more than once", fi.Size(), err)
	}
}
