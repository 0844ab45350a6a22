package feed

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
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

// TestLinkedNamesLoadAsTheirNames: a file reached under several names is
// read once, but a summary that took its date or title from its file name
// (the front matter has none) is shared only with names that give the
// same: a hard link named notes.md of a dated, title-only file is no
// article, whichever name the workers reach first, cold or warm. It used
// to copy the first name's summary: 2 articles cold, 1 warm.
func TestLinkedNamesLoadAsTheirNames(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"2024-05-05-named.md": "---\ntitle: \"Only a title\"\n---\n",
		"2024-01-01-full.md":  article("Dated in the file", "https://example.com/full", "2024-01-01T10:00:00Z"),
		"2023-03-03-slug.md":  "---\nwebUrl: https://example.com/untitled\n---\n",
	})
	link := func(old, new string, symbolic bool) {
		mk := os.Link
		if symbolic {
			mk = os.Symlink
		}
		if err := mk(filepath.Join(dir, old), filepath.Join(dir, new)); err != nil {
			t.Fatal(err)
		}
	}
	link("2024-05-05-named.md", "undated-link.md", false)
	link("2024-05-05-named.md", "2024-06-01-other.md", true)
	link("2024-05-05-named.md", "2024-06-01-again.md", false)
	link("2024-01-01-full.md", "copy.md", false)
	link("2023-03-03-slug.md", "2023-03-03-another-slug.md", false)
	want := strings.Join([]string{
		"2023-03-03-another-slug.md 2023-03-03 Another slug",
		"2023-03-03-slug.md 2023-03-03 Slug",
		"2024-01-01-full.md 2024-01-01 Dated in the file",
		"2024-05-05-named.md 2024-05-05 Only a title",
		"2024-06-01-again.md 2024-06-01 Only a title",
		"2024-06-01-other.md 2024-06-01 Only a title",
		"copy.md 2024-01-01 Dated in the file",
		"not an article: undated-link.md",
	}, "\n")
	cdir := t.TempDir()
	for run := range 8 { // cold with a fresh cache, then warm, four times: workers race for the first name
		if run%2 == 0 {
			cdir = t.TempDir()
		}
		lib := mustLoad(t, Options{Cache: OpenCache(cdir)}, Dir(dir))
		var got []string
		for _, a := range lib.Articles() {
			got = append(got, fmt.Sprintf("%s %s %s", a.Rel(), a.Published.Format("2006-01-02"), a.Title))
		}
		for _, p := range lib.NotArticles() {
			got = append(got, "not an article: "+filepath.Base(p.Path))
		}
		slices.Sort(got)
		tally, err := Count(context.Background(), []Source{Dir(dir)}, Options{Cache: OpenCache(cdir)})
		if err != nil || tally.Articles != 7 {
			t.Fatalf("run %d: count %d articles (%v), want 7", run, tally.Articles, err)
		}
		if g := strings.Join(got, "\n"); g != want {
			t.Fatalf("run %d (%s):\n%s\nwant\n%s", run, map[bool]string{true: "cold", false: "warm"}[run%2 == 0], g, want)
		}
	}
}
