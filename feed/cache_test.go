package feed

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// cacheFixture is a library directory plus a cache directory.
type cacheFixture struct {
	t         *testing.T
	dir, cdir string
}

func newCacheFixture(t *testing.T) *cacheFixture {
	f := &cacheFixture{t: t, dir: t.TempDir(), cdir: t.TempDir()}
	write(t, f.dir, map[string]string{
		"2020-01-01-a.md": article("First cached story", "https://example.com/a", "2020-01-01T10:00:00Z"),
		"sub/2020-01-02-b.md": testArticle{title: "Second cached story", url: "https://example.com/b",
			provider: "Wire", topics: []string{"AI", "Robots"}, related: []string{"https://example.com/a", "https://example.com/x"},
			body: "Some *body* text.\n"}.render(),
		"2020-01-03-bad.md": "---\ntitle: never closed\n",
	})
	return f
}

func (f *cacheFixture) load() *Library {
	f.t.Helper()
	return mustLoad(f.t, Options{Cache: OpenCache(f.cdir)}, Dir(f.dir))
}

// snapshotFile is the one snapshot file in the cache directory.
func (f *cacheFixture) snapshotFile() string { return f.cacheFile(".bin") }

func (f *cacheFixture) cacheFile(ext string) string {
	f.t.Helper()
	m, err := filepath.Glob(filepath.Join(f.cdir, "index-*"+ext))
	if err != nil || len(m) != 1 {
		f.t.Fatalf("index files: %v, %v; want exactly one", m, err)
	}
	return m[0]
}

// rewriteSameSizeAndTime changes a file's content but not its size or
// modification time: only a load that trusts the cache misses it.
func (f *cacheFixture) rewriteSameSizeAndTime(name, old, new string) {
	f.t.Helper()
	p := filepath.Join(f.dir, name)
	fi, err := os.Stat(p)
	if err != nil {
		f.t.Fatal(err)
	}
	data, err := os.ReadFile(p)
	if err != nil {
		f.t.Fatal(err)
	}
	if len(old) != len(new) {
		f.t.Fatal("old and new must have the same length")
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		f.t.Fatal(err)
	}
	if err := os.Chtimes(p, fi.ModTime(), fi.ModTime()); err != nil {
		f.t.Fatal(err)
	}
}

func summaryView(lib *Library) []Article {
	var out []Article
	for _, a := range lib.Articles() {
		c := *a
		c.src = nil
		out = append(out, c)
	}
	return out
}

func TestCacheWarmStartParsesNothing(t *testing.T) {
	f := newCacheFixture(t)
	cold := f.load()
	idx := f.snapshotFile()
	before, _ := os.Stat(idx)

	// The cache answers by path, size and time, without reading the file.
	f.rewriteSameSizeAndTime("2020-01-01-a.md", "First cached", "FIRST CACHED")
	warm := f.load()
	if got, want := summaryView(warm), summaryView(cold); !equalArticles(got, want) {
		t.Errorf("warm load differs from cold:\n got %+v\nwant %+v", got, want)
	}
	if got := warm.Skipped(); len(got) != 1 || got[0] != cold.Skipped()[0] {
		t.Errorf("warm skipped = %v, want the cold load's %v", got, cold.Skipped())
	}
	// Nothing changed: the snapshot is not rewritten.
	after, _ := os.Stat(idx)
	if !os.SameFile(before, after) {
		t.Error("an unchanged library rewrote its index")
	}

	// A new modification time makes the file parse again.
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(f.dir, "2020-01-01-a.md"), later, later); err != nil {
		t.Fatal(err)
	}
	if got := titles(f.load().Articles()); !slices.Contains(got, "FIRST CACHED story") {
		t.Errorf("after touching the file: titles %q, want the new title", got)
	}
}

func equalArticles(a, b []Article) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.ID != y.ID || x.FirstSaveID != y.FirstSaveID || x.Path != y.Path || x.Rel() != y.Rel() || x.Title != y.Title ||
			x.Excerpt != y.Excerpt || !x.Published.Equal(y.Published) || x.WebURL != y.WebURL ||
			x.Provider.Name != y.Provider.Name || !slices.Equal(x.Topics, y.Topics) || x.words != y.words ||
			!slices.Equal(x.RelatedIDList(), y.RelatedIDList()) || !slices.Equal(x.RelatedTitles().List(), y.RelatedTitles().List()) ||
			x.RelatedCount != y.RelatedCount || !x.ModTime().Equal(y.ModTime()) ||
			!slices.Equal(x.Warnings(), y.Warnings()) || x.Quality != y.Quality || x.Heat != y.Heat {
			return false
		}
	}
	return true
}

func TestCacheFollowsChanges(t *testing.T) {
	f := newCacheFixture(t)
	f.load()
	if err := os.Remove(filepath.Join(f.dir, "2020-01-01-a.md")); err != nil {
		t.Fatal(err)
	}
	write(t, f.dir, map[string]string{"2020-01-04-new.md": article("A brand new story", "", "")})
	got := titles(f.load().Articles())
	if want := []string{"A brand new story", "Second cached story"}; !slices.Equal(got, want) {
		t.Fatalf("titles = %q, want %q", got, want)
	}
	x, err := readSnapshot(f.snapshotFile(), snapshotMagic, []string{f.dir}, snapshotWhole)
	if err != nil {
		t.Fatal(err)
	}
	var rels []string
	for _, e := range x.entries {
		rels = append(rels, e.rel)
	}
	slices.Sort(rels)
	if want := []string{"2020-01-03-bad.md", "2020-01-04-new.md", "sub/2020-01-02-b.md"}; !slices.Equal(rels, want) {
		t.Errorf("index holds %q, want %q", rels, want)
	}
}

// TestCacheDamage damages the snapshot, or the head, in every way a disk, a
// crash or another program could, then checks that the load is still
// right (the file was not trusted) and that a valid one was written again.
// The other file is removed, so that only the damaged one could answer.
func TestCacheDamage(t *testing.T) {
	type damageFunc func(t *testing.T, file, magic string, data []byte)
	damages := []struct {
		name   string
		damage damageFunc
	}{
		{"truncated to half", func(t *testing.T, file, magic string, data []byte) { writeFile(t, file, data[:len(data)/2]) }},
		{"truncated inside the header", func(t *testing.T, file, magic string, data []byte) { writeFile(t, file, data[:10]) }},
		{"empty", func(t *testing.T, file, magic string, data []byte) { writeFile(t, file, nil) }},
		{"flipped byte", func(t *testing.T, file, magic string, data []byte) {
			data[len(data)/2] ^= 0x55
			writeFile(t, file, data)
		}},
		{"garbage", func(t *testing.T, file, magic string, data []byte) {
			writeFile(t, file, []byte(strings.Repeat("garbage\x00\xff", 1000)))
		}},
		{"other version", func(t *testing.T, file, magic string, data []byte) {
			binary.LittleEndian.PutUint32(data[8:], cacheVersion+1)
			writeFile(t, file, data)
		}},
		{"another library", func(t *testing.T, file, magic string, data []byte) {
			index := appendStr(binary.AppendUvarint(nil, 1), "/some/other/library")
			index = binary.AppendUvarint(index, 0)
			writeFile(t, file, cacheFileBytes(magic, nil, index))
		}},
		{"bad record, valid checksum", func(t *testing.T, file, magic string, data []byte) {
			i := strings.Index(string(data), "First cached story")
			data[i-1] = 0x7f // the title's length is wrong: the record no longer adds up
			writeFile(t, file, resealed(data))
		}},
		{"a directory in its place", func(t *testing.T, file, magic string, data []byte) {
			os.Remove(file)
			if err := os.Mkdir(file, 0o755); err != nil {
				t.Fatal(err)
			}
		}},
	}
	targets := []struct{ name, ext, magic, other string }{
		{"index", ".bin", snapshotMagic, ".head"},
		{"head", ".head", headMagic, ".bin"},
	}
	for _, target := range targets {
		for _, d := range damages {
			t.Run(target.name+"/"+d.name, func(t *testing.T) {
				f := newCacheFixture(t)
				cold := summaryView(f.load())
				file := f.cacheFile(target.ext)
				data, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.Remove(f.cacheFile(target.other)); err != nil {
					t.Fatal(err)
				}
				f.rewriteSameSizeAndTime("2020-01-01-a.md", "First cached", "FIRST CACHED")
				d.damage(t, file, target.magic, data)

				got := summaryView(f.load())
				if len(got) != len(cold) {
					t.Fatalf("loaded %d articles after damage, want %d", len(got), len(cold))
				}
				if !slices.Contains(titles(ptrs(got)), "FIRST CACHED story") {
					t.Errorf("titles %q: the damaged %s was trusted", titles(ptrs(got)), target.name)
				}
				if d.name == "a directory in its place" {
					return // cannot be replaced by a rename; the load still worked
				}
				if _, err := readSnapshot(f.cacheFile(target.ext), target.magic, []string{f.dir}, snapshotWhole); err != nil {
					t.Errorf("the %s was not rebuilt: %v", target.name, err)
				}
			})
		}
	}
}

// cacheFileBytes wraps records and an index in a valid header and
// checksums.
func cacheFileBytes(magic string, records, index []byte) []byte {
	out := make([]byte, cacheHeaderSize, cacheHeaderSize+len(records)+len(index))
	copy(out, magic)
	binary.LittleEndian.PutUint32(out[8:], cacheVersion)
	binary.LittleEndian.PutUint32(out[12:], crc32.Checksum(index, castagnoli))
	binary.LittleEndian.PutUint32(out[16:], crc32.Checksum(records, castagnoli))
	binary.LittleEndian.PutUint32(out[20:], uint32(len(records)))
	return append(append(out, records...), index...)
}

// resealed is a cache file's bytes, changed without moving the records'
// end, with valid checksums again: a crafted file.
func resealed(data []byte) []byte {
	end := cacheHeaderSize + int(binary.LittleEndian.Uint32(data[20:]))
	return cacheFileBytes(string(data[:8]), data[cacheHeaderSize:end], data[end:])
}

func writeFile(t *testing.T, file string, data []byte) {
	t.Helper()
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

func ptrs(as []Article) []*Article {
	out := make([]*Article, len(as))
	for i := range as {
		out[i] = &as[i]
	}
	return out
}

func TestCacheWriteIsAtomicAndPrivate(t *testing.T) {
	f := newCacheFixture(t)
	f.cdir = filepath.Join(f.cdir, "not", "yet", "there")
	f.load()
	fi, err := os.Stat(f.snapshotFile())
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm()&0o077 != 0 {
		t.Errorf("index mode %v: readable by others", fi.Mode())
	}
	ents, _ := os.ReadDir(f.cdir)
	if len(ents) != 2 {
		t.Errorf("cache dir holds %d files, want the index and its head (no temporary files left)", len(ents))
	}
}

func TestCacheUnwritableStillLoads(t *testing.T) {
	f := newCacheFixture(t)
	blocker := filepath.Join(f.cdir, "file")
	writeFile(t, blocker, []byte("x"))
	lib := mustLoad(t, Options{Cache: OpenCache(filepath.Join(blocker, "herald"))}, Dir(f.dir))
	if lib.Len() != 2 {
		t.Errorf("loaded %d articles with an unusable cache dir, want 2", lib.Len())
	}
}

// TestCacheWriteErrorLogged: a snapshot that cannot be written costs the
// next start its speed, silently for the user but not for the debug log.
func TestCacheWriteErrorLogged(t *testing.T) {
	f := newCacheFixture(t)
	blocker := filepath.Join(f.cdir, "file")
	writeFile(t, blocker, []byte("x"))
	var mu sync.Mutex
	var logged []string
	logf := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		logged = append(logged, fmt.Sprintf(format, args...))
	}
	mustLoad(t, Options{Cache: OpenCache(filepath.Join(blocker, "herald")), Logf: logf}, Dir(f.dir))
	mu.Lock()
	defer mu.Unlock()
	if len(logged) != 2 || !strings.Contains(logged[0], "write snapshot") || !strings.Contains(logged[1], "write snapshot") {
		t.Errorf("logged %q, want the head's and the snapshot's write errors", logged)
	}
}

func TestCacheSeparatesLibraries(t *testing.T) {
	f := newCacheFixture(t)
	f.load()
	other := t.TempDir()
	write(t, other, map[string]string{"2020-01-01-a.md": article("Same name, other library", "", "")})
	lib := mustLoad(t, Options{Cache: OpenCache(f.cdir)}, Dir(other))
	if got := titles(lib.Articles()); !slices.Equal(got, []string{"Same name, other library"}) {
		t.Errorf("titles = %q", got)
	}
	m, _ := filepath.Glob(filepath.Join(f.cdir, "index-*.bin"))
	if len(m) != 2 {
		t.Errorf("%d index files, want one per library", len(m))
	}
}

// TestCacheRemovesOrphanedTemps: temporary cache files left by a process
// stopped while writing are removed by the next write once they are old;
// a young one may be another process's and stays.
func TestCacheRemovesOrphanedTemps(t *testing.T) {
	f := newCacheFixture(t)
	old, young := filepath.Join(f.cdir, ".index-123.tmp"), filepath.Join(f.cdir, ".index-456.tmp")
	writeFile(t, old, []byte("half an index"))
	writeFile(t, young, []byte("being written"))
	hourAgo := time.Now().Add(-time.Hour)
	if err := os.Chtimes(old, hourAgo, hourAgo); err != nil {
		t.Fatal(err)
	}
	f.load()
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Errorf("an orphaned temporary file an hour old is still there (%v)", err)
	}
	if _, err := os.Stat(young); err != nil {
		t.Errorf("a temporary file being written was removed: %v", err)
	}
}

// TestCacheReplacedNotRewritten: a new snapshot replaces the old file; a
// reader holding the old one (another Herald starting) reads it whole, and
// the path holds the new one whole. Writing the snapshot in place fails
// here.
func TestCacheReplacedNotRewritten(t *testing.T) {
	f := newCacheFixture(t)
	f.load()
	file := f.snapshotFile()
	old, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	held, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	write(t, f.dir, map[string]string{"2020-01-04-c.md": article("A third story arrives", "https://example.com/c", "")})
	if lib := f.load(); lib.Len() != 3 {
		t.Fatalf("loaded %d articles, want 3", lib.Len())
	}
	seen, err := io.ReadAll(held)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(seen, old) {
		t.Errorf("the old snapshot changed under a reader holding it: written in place")
	}
	if now, _ := os.ReadFile(file); bytes.Equal(now, old) {
		t.Fatal("the snapshot was not rewritten; the test proves nothing")
	}
	// The new snapshot answers the next start: a change it cannot see
	// (same size and time) stays unseen.
	f.rewriteSameSizeAndTime("2020-01-01-a.md", "First cached", "FIRST CACHED")
	if got := titles(f.load().Articles()); !slices.Contains(got, "First cached story") {
		t.Errorf("titles %q: the new snapshot did not answer the next start", got)
	}
}
