package feed

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestLoadWalksAndOrdersNewestFirst(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"2020-01-02-b.md":               article("Second day story", "https://example.com/b", "2020-01-02T08:00:00Z"),
		"2020-01-03-c.markdown":         article("Third day story", "https://example.com/c", "2020-01-03T08:00:00Z"),
		"2020/2020-01-01-a.md":          article("First day story", "https://example.com/a", "2020-01-01T08:00:00Z"),
		"2020/deeper/2020-01-04-d.MD":   article("Fourth day story", "https://example.com/d", "2020-01-04T08:00:00Z"),
		"2020-01-02-late.md":            article("Second day, later", "https://example.com/late", "2020-01-02T20:00:00Z"),
		"notes.md":                      article("Undated file name", "https://example.com/notes", ""),
		".git/2030-01-01-hidden.md":     article("In .git", "https://example.com/git", ""),
		".template/2030-01-01-tmpl.md":  article("In .template", "https://example.com/tmpl", ""),
		".2030-01-01-hidden-file.md":    article("Hidden file", "https://example.com/hidden", ""),
		"2030-01-01-image.png":          "not an article",
		"2030-01-01-readme.txt":         "not an article",
		"2020/2030-01-01-other-ext.mdx": "not an article",
	})
	lib := mustLoad(t, Options{}, Dir(dir))
	want := []string{"Fourth day story", "Third day story", "Second day, later", "Second day story", "First day story", "Undated file name"}
	if got := titles(lib.Articles()); !slices.Equal(got, want) {
		t.Fatalf("titles = %q\nwant %q", got, want)
	}
	if len(lib.Skipped()) != 0 {
		t.Errorf("skipped = %v, want none", lib.Skipped())
	}
	if lib.Found() != 6 || lib.Len() != 6 {
		t.Errorf("Found = %d, Len = %d, want 6 and 6", lib.Found(), lib.Len())
	}
}

func TestLoadSetsIdentityAndPlace(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	write(t, dir, map[string]string{
		"news/2020/2020-01-02-url.md": testArticle{title: "Has a URL here", url: "https://www.example.com/story/?utm_source=x",
			published: "2020-01-02T08:00:00Z", provider: "Wire", related: []string{"https://example.com/r1"}}.render(),
		"news/2020-01-01-no-url.md": article("Has no URL at all", "", ""),
	})
	// Paths start with the directory argument exactly as given.
	lib := mustLoad(t, Options{}, Dir("./news/"))
	if lib.Len() != 2 {
		t.Fatalf("loaded %d articles (skipped %v), want 2", lib.Len(), lib.Skipped())
	}
	withURL, noURL := lib.Articles()[0], lib.Articles()[1]
	tests := []struct{ name, got, want string }{
		{"url path", withURL.Path, "./news/2020/2020-01-02-url.md"},
		{"url rel", withURL.Rel(), "2020/2020-01-02-url.md"},
		{"url id", withURL.ID, URLID("https://example.com/story")},
		{"url story", withURL.FirstSaveID, withURL.ID},
		{"no-url path", noURL.Path, "./news/2020-01-01-no-url.md"},
		{"no-url rel", noURL.Rel(), "2020-01-01-no-url.md"},
		{"no-url id", noURL.ID, PathID("2020-01-01-no-url.md")},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %q, want %q", tt.name, tt.got, tt.want)
		}
	}
	fi, err := os.Stat("news/2020/2020-01-02-url.md")
	if err != nil {
		t.Fatal(err)
	}
	if !withURL.ModTime().Equal(fi.ModTime()) {
		t.Errorf("ModTime = %v; want %v", withURL.ModTime(), fi.ModTime())
	}
	if withURL.Full() || withURL.Detail != nil || withURL.RelatedCount != 1 || len(withURL.RelatedIDList()) != 1 {
		t.Errorf("not a summary: Full=%v Detail=%v RelatedCount=%d RelatedIDs=%v",
			withURL.Full(), withURL.Detail, withURL.RelatedCount, withURL.RelatedIDList())
	}
	if got := lib.ByID(withURL.ID); got != withURL {
		t.Errorf("ByID(%q) = %v", withURL.ID, got)
	}
}

func TestLoadSeveralDirectories(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	write(t, a, map[string]string{"2020-01-01-x.md": article("Story in folder A", "https://example.com/a", "")})
	write(t, b, map[string]string{"2021-01-01-y.md": article("Story in folder B", "https://example.com/b", "")})
	// The same directory twice is loaded once.
	lib := mustLoad(t, Options{}, Dir(a), Dir(b), Dir(a+"/"))
	if got, want := titles(lib.Articles()), []string{"Story in folder B", "Story in folder A"}; !slices.Equal(got, want) {
		t.Fatalf("titles = %q, want %q", got, want)
	}
	if !strings.HasPrefix(lib.Articles()[0].Path, b) || !strings.HasPrefix(lib.Articles()[1].Path, a) {
		t.Errorf("paths %q, %q do not start with their directories", lib.Articles()[0].Path, lib.Articles()[1].Path)
	}
}

func TestLoadFS(t *testing.T) {
	fsys := fstest.MapFS{
		"2020-01-01-a.md":       {Data: []byte(article("Embedded story one", "https://example.com/1", ""))},
		"sub/2020-01-02-b.md":   {Data: []byte(article("Embedded story two", "", ""))},
		".hidden/2020-01-03.md": {Data: []byte(article("Hidden embedded", "", ""))},
		"2020-01-04-bad.md":     {Data: []byte("no front matter at all\n")},
	}
	lib := mustLoad(t, Options{}, FS(fsys, "demo"))
	if got, want := titles(lib.Articles()), []string{"Embedded story two", "Embedded story one"}; !slices.Equal(got, want) {
		t.Fatalf("titles = %q, want %q", got, want)
	}
	if got := lib.Articles()[0].Path; got != "demo/sub/2020-01-02-b.md" {
		t.Errorf("Path = %q, want demo/sub/2020-01-02-b.md", got)
	}
	if got := lib.Articles()[0].ID; got != PathID("sub/2020-01-02-b.md") {
		t.Errorf("ID = %q, want PathID of the rel path", got)
	}
	if len(lib.Skipped()) != 1 || lib.Skipped()[0].Path != "demo/2020-01-04-bad.md" {
		t.Errorf("skipped = %v, want demo/2020-01-04-bad.md", lib.Skipped())
	}
}

func TestLoadUnreadableRoot(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file.md")
	write(t, dir, map[string]string{"file.md": article("A file, not a folder", "", "")})
	for _, root := range []string{filepath.Join(dir, "missing"), file} {
		err := streamRootErr(t, Stream(context.Background(), []Source{Dir(root)}, Options{}))
		if err == nil || !strings.Contains(err.Error(), root) {
			t.Errorf("Stream(%q) error = %v, want one naming the directory", root, err)
		}
		if strings.Count(err.Error(), root) > 1 {
			t.Errorf("error names the path twice: %v", err)
		}
	}
}

// TestLoadUnreadableSubdirectory locks a real directory on disk, so the
// platform's own walker (getdents on Linux) meets EACCES. Root reads any
// directory, so as root the test locks it and re-runs itself as an
// unprivileged user (asUnprivileged).
func TestLoadUnreadableSubdirectory(t *testing.T) {
	dir := os.Getenv(unreadableDirEnv) // set in the unprivileged re-run
	if dir == "" {
		dir = lockedFixture(t)
		if os.Geteuid() == 0 {
			asUnprivileged(t, "TestLoadUnreadableSubdirectory", unreadableDirEnv+"="+dir)
			return
		}
	}
	locked := filepath.Join(dir, "locked")
	lib := mustLoad(t, Options{}, Dir(dir))
	if lib.Len() != 1 || len(lib.Skipped()) != 1 || lib.Skipped()[0].Path != locked {
		t.Fatalf("Len = %d, skipped = %v; want 1 article and %s skipped", lib.Len(), lib.Skipped(), locked)
	}
	if !strings.Contains(lib.Skipped()[0].Reason, "permission denied") {
		t.Errorf("reason %q does not say why", lib.Skipped()[0].Reason)
	}
}

const unreadableDirEnv = "HERALD_TEST_UNREADABLE_DIR"

// lockedFixture writes a library with one readable article and a
// subdirectory nobody but root may list. The library is readable by every
// user, for the unprivileged re-run.
func lockedFixture(t *testing.T) string {
	dir, err := os.MkdirTemp("", "herald-locked-")
	if err != nil {
		t.Fatal(err)
	}
	locked := filepath.Join(dir, "locked")
	t.Cleanup(func() {
		os.Chmod(locked, 0o755)
		os.RemoveAll(dir)
	})
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, dir, map[string]string{
		"2020-01-01-ok.md":        article("Readable story", "", ""),
		"locked/2020-01-02-no.md": article("Behind a locked door", "", ""),
	})
	if err := os.Chmod(filepath.Join(dir, "2020-01-01-ok.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestBadFilesNeverHideGoodOnes(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"2020-01-05-no-front-matter.md": "# Just Markdown\n",
		"2020-01-04-unterminated.md":    "---\ntitle: \"never closed\"\n",
		"2020-01-03-binary.md":          "\x00\x01\x02\xff\xfe",
		"2020-01-02-empty.md":           "",
	}
	for i := range 20 {
		files[fmt.Sprintf("2020-01-01-good-%02d.md", i)] = article(fmt.Sprintf("Good story number %02d", i), "", "")
	}
	write(t, dir, files)
	lib := mustLoad(t, Options{}, Dir(dir))
	if lib.Len() != 20 {
		t.Errorf("loaded %d articles, want the 20 good ones", lib.Len())
	}
	probs := problemsByPath(lib.Skipped())
	for name := range files {
		if strings.Contains(name, "good") {
			continue
		}
		p, ok := probs[filepath.Join(dir, name)]
		if !ok {
			t.Errorf("%s was not reported", name)
			continue
		}
		if p.Reason == "" || len(p.Reason) > maxReason+len("…") {
			t.Errorf("%s: reason %q is empty or too long", name, p.Reason)
		}
		if s := p.String(); !strings.HasPrefix(s, p.Path+":") {
			t.Errorf("String() = %q, want it to start with the path", s)
		}
	}
}

func TestProblemString(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{Path: "news/a.md", Line: 3, Reason: "bad"}, "news/a.md:3: bad"},
		{Problem{Path: "news/a.md", Reason: "too large"}, "news/a.md: too large"},
		{Problem{Path: "news/\x1b[31mred\x1b[0m.md", Reason: "x"}, "news/[31mred[0m.md: x"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}

func TestStreamBatchesNewestFirst(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	const n = 700
	for i := range n {
		d := day.AddDate(0, 0, i/3) // three files a day
		files[fmt.Sprintf("%s-story-%03d.md", d.Format("2006-01-02"), i)] = article(fmt.Sprintf("Story number %03d", i), "", "")
	}
	write(t, dir, files)
	ch := Stream(context.Background(), []Source{Dir(dir)}, Options{Workers: 3}).Batches()
	var batches []Batch
	for b := range ch {
		batches = append(batches, b)
	}
	if len(batches) < 2 {
		t.Fatalf("got %d batches, want the load split in several", len(batches))
	}
	if got := len(batches[0].Articles); got == 0 || got > firstBatch+3 {
		t.Errorf("first batch has %d articles, want about %d", got, firstBatch)
	}
	var all []*Article
	for i, b := range batches {
		if b.Found != n {
			t.Errorf("batch %d: Found = %d, want %d", i, b.Found, n)
		}
		if b.Done != (i == len(batches)-1) {
			t.Errorf("batch %d: Done = %v", i, b.Done)
		}
		all = append(all, b.Articles...)
	}
	if len(all) != n {
		t.Fatalf("streamed %d articles, want %d", len(all), n)
	}
	if !slices.IsSortedFunc(all, libraryOrder) {
		t.Error("the batches together are not in library order")
	}
	if want := fmt.Sprintf("Story number %03d", n-1); all[0].Title != want {
		t.Errorf("first article %q, want the newest %q", all[0].Title, want)
	}
}

func TestStreamCancel(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for i := range 600 {
		files[fmt.Sprintf("2020-01-01-s%03d.md", i)] = article(fmt.Sprintf("Story number %03d", i), "", "")
	}
	write(t, dir, files)
	ctx, cancel := context.WithCancel(context.Background())
	ch := Stream(ctx, []Source{Dir(dir)}, Options{Workers: 1}).Batches()
	<-ch
	cancel()
	deadline := time.After(time.Minute)
	for {
		select {
		case _, ok := <-ch:
			if !ok {
				return
			}
		case <-deadline:
			t.Fatal("the channel was not closed after cancelling")
		}
	}
}

func TestLoadCancelled(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"2020-01-01-a.md": article("Some story title", "", "")})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Load(ctx, []Source{Dir(dir)}, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Load with a cancelled context: err = %v, want context.Canceled", err)
	}
}

func TestEmptyLibrary(t *testing.T) {
	lib := mustLoad(t, Options{}, Dir(t.TempDir()))
	if lib.Len() != 0 || len(lib.Skipped()) != 0 {
		t.Errorf("empty directory: Len %d, skipped %v", lib.Len(), lib.Skipped())
	}
}

// TestPlanBatchesCutsAtDays checks the batch plan on its own at sizes the
// file-based tests cannot reach: batches grow, and every cut falls between
// two days unless a single day is too large to keep whole.
func TestPlanBatchesCutsAtDays(t *testing.T) {
	tests := []struct {
		name    string
		perDay  int
		n       int
		allDays bool // every cut must be at a day change
	}{
		{"a few a day", 45, 100_000, true},
		{"one a day", 1, 30_000, true},
		{"big days", 3000, 60_000, false},
		{"one day", 20_000, 20_000, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es := make([]loadEntry, tt.n)
			for i := range es {
				es[i].day = int32(100_000 - i/tt.perDay)
			}
			spans := planBatches(es)
			if spans[0].lo != 0 || spans[len(spans)-1].hi != tt.n {
				t.Fatalf("spans do not cover the entries: %v", spans)
			}
			if first := spans[0].hi; first > 4*firstBatch {
				t.Errorf("first batch has %d entries, want at most %d", first, 4*firstBatch)
			}
			for i, sp := range spans {
				if i > 0 && sp.lo != spans[i-1].hi {
					t.Fatalf("gap or overlap at span %d: %v", i, spans[i-1:i+1])
				}
				if sp.hi-sp.lo > maxBatch*2 {
					t.Errorf("span %d has %d entries", i, sp.hi-sp.lo)
				}
				if tt.allDays && sp.hi < tt.n && es[sp.hi].day == es[sp.hi-1].day {
					t.Errorf("span %d %v cuts day %d", i, sp, es[sp.hi].day)
				}
			}
		})
	}
}

// TestLoadUnreadableSubdirectoryAnyUser is TestLoadUnreadableSubdirectory
// for every user, root included (CI runs as root, which reads any
// directory on disk): a file system whose subdirectory cannot be listed.
func TestLoadUnreadableSubdirectoryAnyUser(t *testing.T) {
	fsys := unlistableFS{MapFS: fstest.MapFS{
		"2020-01-01-ok.md":        {Data: []byte(article("Readable story", "", ""))},
		"locked/2020-01-02-no.md": {Data: []byte(article("Behind a locked door", "", ""))},
	}, locked: "locked"}
	lib := mustLoad(t, Options{}, FS(fsys, "lib"))
	if lib.Len() != 1 || len(lib.Skipped()) != 1 || lib.Skipped()[0].Path != "lib/locked" {
		t.Fatalf("Len = %d, skipped = %v; want 1 article and lib/locked skipped", lib.Len(), lib.Skipped())
	}
	if !strings.Contains(lib.Skipped()[0].Reason, "permission denied") {
		t.Errorf("reason %q does not say why", lib.Skipped()[0].Reason)
	}
}

// unlistableFS refuses to list one directory, as a directory without read
// permission does.
type unlistableFS struct {
	fstest.MapFS
	locked string
}

func (u unlistableFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if name == u.locked {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return u.MapFS.ReadDir(name)
}

func (u unlistableFS) Open(name string) (fs.File, error) {
	if name == u.locked {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return u.MapFS.Open(name)
}
