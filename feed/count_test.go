package feed

import (
	"context"
	"encoding/binary"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/herald-reader/herald/internal/sitetest"
)

// mustCount counts srcs and fails the test on an error.
func mustCount(t *testing.T, opt Options, srcs ...Source) Tally {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	tally, err := Count(ctx, srcs, opt)
	if err != nil {
		t.Fatalf("Count: %v", err)
	}
	return tally
}

// TestCountIsWhatLoadLists: Count finds as many articles as Load lists
// and the same skipped files in the same order, cold, warm and after each
// kind of change since the cache was written, in a site checkout with
// records that are not articles, files that cannot be used, a symbolic
// link and a hard link to one article (twins) and two saves of one URL.
// A count that met a change writes the cache again: the count after it,
// and a load, answer from it and still agree with a load without cache.
func TestCountIsWhatLoadLists(t *testing.T) {
	dir, cdir := t.TempDir(), t.TempDir()
	if err := sitetest.Write(dir); err != nil {
		t.Fatal(err)
	}
	launch := filepath.Join(dir, "_news", "2024-03-01-launch.md")
	if err := os.Symlink(launch, filepath.Join(dir, "_news", "2024-03-02-link.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(launch, filepath.Join(dir, "2024-03-03-hardlink.md")); err != nil {
		t.Fatal(err)
	}
	twinNames := []string{"_news/2024-03-01-launch.md", "_news/2024-03-02-link.md", "2024-03-03-hardlink.md"}
	opt := Options{Cache: OpenCache(cdir)}
	check := func(step string) {
		t.Helper()
		want := mustLoad(t, Options{}, Dir(dir)) // no cache: what the files say
		for _, pass := range []string{"count", "count again"} {
			got := mustCount(t, opt, Dir(dir))
			if got.Articles != want.Len() || !slices.Equal(got.Skipped, want.Skipped()) {
				t.Errorf("%s, %s: %d articles, skipped %v; a load lists %d, skipped %v",
					step, pass, got.Articles, got.Skipped, want.Len(), want.Skipped())
			}
		}
		checkSnapshotIsCurrent(t, step, dir, cdir, twinNames)
		// (A warm load sends the head's files first: its skipped files
		// may come in another order.)
		if got := mustLoad(t, opt, Dir(dir)); !equalArticles(summaryView(got), summaryView(want)) ||
			!slices.Equal(sortedProblems(got.Skipped()), sortedProblems(want.Skipped())) {
			t.Errorf("%s: a load from the cache the count left differs from one without:\n%q %v\nwant\n%q %v",
				step, titles(got.Articles()), got.Skipped(), titles(want.Articles()), want.Skipped())
		}
	}
	check("cold")
	check("warm")

	write(t, dir, map[string]string{"_news/2024-03-01-launch.md": "---\ntitle: [no longer a mapping\n"})
	check("a twin's file changed")
	if err := os.Remove(filepath.Join(dir, "_news", "2022-01-10-dated-by-name.md")); err != nil {
		t.Fatal(err)
	}
	check("a file removed")
	write(t, dir, map[string]string{"_news/2024-04-01-new.md": article("A new story", "https://example.com/new", "")})
	check("a file added")
	fifo := filepath.Join(dir, "_news", "2021-11-11-control-bytes.md")
	if err := os.Remove(fifo); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	check("a file turned into one that cannot be read")
}

// checkSnapshotIsCurrent fails t unless the cache's snapshot holds every
// usable file of dir at its current size and time, and nothing else. Of twins
// (skip) it holds one name, the first the load met: they are left out.
func checkSnapshotIsCurrent(t *testing.T, step, dir, cdir string, skip []string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(cdir, "index-*.bin"))
	if len(files) != 1 {
		t.Fatalf("%s: snapshots %q, want one", step, files)
	}
	x, err := readSnapshot(files[0], snapshotMagic, []string{dir}, snapshotWhole)
	if err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	want := map[string]fileKey{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(dir, p)
		if err == nil && isArticleName(d.Name()) && !slices.Contains(skip, filepath.ToSlash(rel)) {
			if key, err := statPath(p); err == nil { // a file that cannot be read is not cached
				want[filepath.ToSlash(rel)] = key
			}
		}
		return nil
	})
	got := map[string]fileKey{}
	for _, e := range x.entries {
		if !slices.Contains(skip, e.rel) {
			got[e.rel] = e.key
		}
	}
	if !maps.Equal(got, want) {
		t.Errorf("%s: the snapshot holds\n%v\nwant\n%v", step, got, want)
	}
}

func sortedProblems(ps []Problem) []Problem {
	return slices.SortedFunc(slices.Values(ps), func(a, b Problem) int { return strings.Compare(a.Path, b.Path) })
}

// TestCountReadsOnlyTheIndex: a warm count answers an unchanged file from
// the cache's index, without its record: with the records damaged (a load
// then refuses the whole file and parses everything) and a file rewritten
// at the same size and time, the count still finds what the cache says.
func TestCountReadsOnlyTheIndex(t *testing.T) {
	f := newCacheFixture(t)
	f.load()
	if err := os.Remove(f.cacheFile(".head")); err != nil { // it would answer the load's first batch
		t.Fatal(err)
	}
	f.rewriteSameSizeAndTime("2020-01-01-a.md", "---\ncategory", "***\ncategory") // no front matter now
	data, err := os.ReadFile(f.snapshotFile())
	if err != nil {
		t.Fatal(err)
	}
	data[cacheHeaderSize+int(binary.LittleEndian.Uint32(data[20:]))/2] ^= 0x55 // in the records
	writeFile(t, f.snapshotFile(), data)
	if got := mustCount(t, Options{Cache: OpenCache(f.cdir)}, Dir(f.dir)); got.Articles != 2 || len(got.Skipped) != 1 {
		t.Errorf("count: %d articles, skipped %v; want the cache's 2 and 1", got.Articles, got.Skipped)
	}
	if lib := f.load(); lib.Len() != 1 || len(lib.Skipped()) != 2 {
		t.Errorf("load: %d articles, skipped %v; want the damaged cache refused (1 and 2)", lib.Len(), lib.Skipped())
	}
}
