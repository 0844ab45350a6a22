package feed

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestBodyWords(t *testing.T) {
	for _, tt := range []struct{ body, want string }{
		{"", ""},
		{"Hello, World!\nhello\tworld  HELLO", "hello hello, world world!"},
		{"Café  CAFÉ café’s\u00a0x", "cafÉ café café’s\u00a0x"}, // only ASCII letters lower-cased
		{"[a link](https://Example.com/A) **bold**", "**bold** [a link](https://example.com/a)"},
	} {
		if got, cut := bodyWords(tt.body); got != tt.want || cut {
			t.Errorf("bodyWords(%q) = %q, %v; want %q", tt.body, got, cut, tt.want)
		}
	}

	// More distinct words than fit: those that come first, whole, sorted,
	// at most MaxBodyWords bytes (here the highest numbers: the body
	// counts down).
	var b strings.Builder
	for i := range MaxBodyWords {
		fmt.Fprintf(&b, "W%06d w%06d\n", MaxBodyWords-i, MaxBodyWords-i)
	}
	got, cut := bodyWords(b.String())
	first := MaxBodyWords - len(got)/8
	if !cut || len(got) > MaxBodyWords || len(got) < MaxBodyWords-8 || !strings.HasPrefix(got, fmt.Sprintf("w%06d w%06d ", first, first+1)) ||
		!strings.HasSuffix(got, fmt.Sprintf(" w%06d", MaxBodyWords)) {
		t.Errorf("cut words: %d bytes, cut %v, %q...%q", len(got), cut, got[:min(len(got), 24)], got[max(0, len(got)-24):])
	}
	if got, cut := bodyWords(strings.Repeat("x", MaxBodyWords+1)); got != "" || !cut {
		t.Errorf("one word over the cap: %q, cut %v", got, cut)
	}
}

// TestSummariesHoldNoBody: a summary keeps its body's words, never the
// body, cold and from the cache: twenty articles with 1 MiB bodies of
// distinct words retain far less than one body, the cache does not store
// them, and Detail still reads the whole body.
func TestSummariesHoldNoBody(t *testing.T) {
	dir, cdir := t.TempDir(), t.TempDir()
	const files = 20
	var body strings.Builder
	for i := 0; body.Len() < MaxFileBytes-200; i++ {
		fmt.Fprintf(&body, "Word%07d ", i)
	}
	for i := range files {
		head := fmt.Sprintf("---\ntitle: \"Big %d\"\n---\n", i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("2020-01-%02d-big.md", i+1)), []byte(head+body.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	small := "---\ntitle: \"Small\"\n---\nA small Body, a small body.\n"
	if err := os.WriteFile(filepath.Join(dir, "2021-01-01-small.md"), []byte(small), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, start := range []string{"cold", "warm"} {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		lib := mustLoad(t, Options{Cache: OpenCache(cdir)}, Dir(dir))
		runtime.GC()
		runtime.ReadMemStats(&after)
		if lib.Len() != files+1 {
			t.Fatalf("%s: %d articles", start, lib.Len())
		}
		for _, a := range lib.Articles() {
			words, cut := a.BodyWords()
			switch {
			case a.Full():
				t.Fatalf("%s: %s is kept whole, body and all", start, a.Rel())
			case a.Title == "Small" && (words != "a body, body. small" || cut):
				t.Errorf("%s: words of the small body %q, cut %v", start, words, cut)
			case a.Title != "Small" && (len(words) > MaxBodyWords || !cut || !strings.HasPrefix(words, "word0000000 ")):
				t.Errorf("%s: words of %s: %d bytes, cut %v", start, a.Rel(), len(words), cut)
			}
		}
		kept := int64(after.HeapAlloc) - int64(before.HeapAlloc)
		t.Logf("%s: the library retains %d KiB", start, kept>>10)
		if kept > files*128<<10 {
			t.Errorf("%s: the library retains %d KiB for %d articles with 1 MiB bodies, want under 128 KiB each", start, kept>>10, files)
		}
		runtime.KeepAlive(lib)
	}
	m, _ := filepath.Glob(filepath.Join(cdir, "index-*.bin"))
	if len(m) != 1 {
		t.Fatalf("snapshots %v, want one", m)
	}
	if fi, err := os.Stat(m[0]); err != nil || fi.Size() > files*(MaxBodyWords+4<<10) {
		t.Errorf("snapshot of %d bytes (%v): it stores bodies", fi.Size(), err)
	}
	lib := mustLoad(t, Options{Cache: OpenCache(cdir)}, Dir(dir))
	for _, a := range lib.Articles() {
		full, err := Detail(a)
		want := strings.TrimRight(body.String(), " ")
		if a.Title == "Small" {
			want = "A small Body, a small body."
		}
		if err != nil || full.Detail.Body != want {
			t.Fatalf("Detail of %s: %v, want a body of %d bytes", a.Rel(), err, len(want))
		}
		if got, err := ReadBody(a); err != nil || got != want {
			t.Fatalf("ReadBody of %s: %d bytes (%v), want %d", a.Rel(), len(got), err, len(want))
		}
	}
}

// TestCachedBodyWordsBounded: a crafted cache record cannot hold more
// words than a summary keeps.
func TestCachedBodyWordsBounded(t *testing.T) {
	a := &Article{ID: "x", Title: "t", words: strings.Repeat("w", MaxBodyWords) + "  "}
	table := newStringTable()
	if _, err := decodeNew(string(appendArticle(nil, a, a.ID, table)), table.decoded()); err != errCacheCorrupt {
		t.Errorf("a record with %d bytes of words: %v, want errCacheCorrupt", len(a.words), err)
	}
	a.words = strings.Repeat("w", MaxBodyWords) + " "
	got, err := decodeNew(string(appendArticle(nil, a, a.ID, table)), table.decoded())
	if words, cut := got.BodyWords(); err != nil || len(words) != MaxBodyWords || !cut {
		t.Errorf("a record with %d bytes of words, cut: %v, %d bytes, cut %v", len(a.words), err, len(words), cut)
	}
}

// TestReadBodyAsDetail: ReadBody, which skips the front matter's
// decoding, returns the body Detail does, whatever the file's line ends,
// closing line, HTML or control bytes.
func TestReadBodyAsDetail(t *testing.T) {
	kitchen := string(readFixture(t, "2024-02-01-kitchen-sink.md"))
	files := map[string]string{
		"crlf":         strings.ReplaceAll(kitchen, "\n", "\r\n"),
		"bom":          "\ufeff" + kitchen,
		"dots":         strings.Replace(kitchen, "\n---\n\nThe", "\n...\n\nThe", 1),
		"blanks":       strings.Replace(kitchen, "\n---\n", "\n---  \n", 1),
		"html":         "---\ntitle: h\nwebUrl: https://news.example/a/b\n---\n<p>One <b>two</b></p><p><a href=\"/more\">more</a></p>\n",
		"control":      "---\ntitle: c\n---\n\n\nfirst\x1b[31m red\r\nsecond \x00 \u202eend  \n\n",
		"empty-fm":     "---\n---\nJust a body.\n",
		"dashes-after": "---\ntitle: d\n---\nbody\n---\nmore body\n",
	}
	dir := t.TempDir()
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, "2024-01-01-"+name+".md"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lib := mustLoad(t, Options{}, Dir(dir))
	if lib.Len() != len(files) {
		t.Fatalf("loaded %d of %d", lib.Len(), len(files))
	}
	for _, a := range lib.Articles() {
		full, err := Detail(a)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ReadBody(a)
		if err != nil || got != full.Detail.Body || got == "" {
			t.Errorf("%s: ReadBody %q (%v), Detail %q", a.Rel(), got, err, full.Detail.Body)
		}
		if len(a.Warnings()) != len(full.Warnings()) {
			t.Errorf("%s: ReadBody changed the summary's warnings: %q", a.Rel(), a.Warnings())
		}
	}
}
