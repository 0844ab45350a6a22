package feed

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCraftedCacheIsSanitized: a snapshot crafted with a valid checksum
// (anyone who can write the cache directory can make one) cannot put an
// escape into what the library holds: decoded fields, shared values and
// problem reasons pass the sanitiser parsed text passes.
func TestCraftedCacheIsSanitized(t *testing.T) {
	f := newCacheFixture(t)
	cold := f.load()
	if len(cold.Skipped()) != 1 {
		t.Fatalf("skipped %v, want the one bad file", cold.Skipped())
	}
	reason := cold.Skipped()[0].Reason
	if len(reason) < 4 {
		t.Fatalf("reason %q too short to craft", reason)
	}
	// Same lengths, so every length prefix still adds up.
	swaps := map[string]string{
		"First cached story": "\x1b[2J\x1b[31mEvil!!!!!",
		"Wire":               "\x1b[5m",
		reason:               "\x1b]0;" + reason[4:],
		"Some *body*":        "\x1b[8m\u009b2Jbod",
	}
	for _, ext := range []string{".bin", ".head"} {
		file := f.cacheFile(ext)
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		body := string(data)
		for from, to := range swaps {
			if len(from) != len(to) {
				t.Fatalf("swap %q -> %q changes the length", from, to)
			}
			body = strings.ReplaceAll(body, from, to)
		}
		writeFile(t, file, resealed([]byte(body)))
	}
	warm := f.load()
	var texts []string
	for _, a := range warm.Articles() {
		texts = append(texts, a.ID, a.Title, a.Excerpt, a.WebURL, a.OriginalURL, a.words, a.Category, a.Type,
			a.Provider.Name, a.Provider.Domain)
		texts = append(texts, a.Topics...)
		texts = append(texts, a.Tags...)
		texts = append(texts, a.RelatedTitles().List()...)
		texts = append(texts, a.Warnings()...)
	}
	for _, p := range warm.Skipped() {
		texts = append(texts, p.Reason)
	}
	crafted := false
	for _, s := range texts {
		if strings.Contains(s, "Evil!!!!!") {
			crafted = true // the crafted snapshot was read, not thrown away
		}
		if strings.ContainsAny(s, "\x1b\u009b") {
			t.Errorf("an escape from the cache reached the library: %q", s)
		}
	}
	if !crafted {
		t.Fatal("the crafted snapshot was not used; the test proves nothing")
	}
}

// TestCacheNeverWrittenLargerThanRead: a snapshot that would pass the
// size the cache reads back is not written at all (the debug log says
// so), and the library loads the same.
func TestCacheNeverWrittenLargerThanRead(t *testing.T) {
	f := newCacheFixture(t)
	var logged []string
	c := OpenCache(f.cdir)
	c.maxBytes = 300 // the fixture's snapshot takes more, its head less
	lib := mustLoad(t, Options{Cache: c, Logf: func(format string, args ...any) {
		logged = append(logged, fmt.Sprintf(format, args...))
	}}, Dir(f.dir))
	if lib.Len() != 2 {
		t.Fatalf("loaded %d articles, want 2", lib.Len())
	}
	if m, _ := filepath.Glob(filepath.Join(f.cdir, "index-*.bin")); len(m) != 0 {
		t.Errorf("a snapshot over the limit was written: %v", m)
	}
	if ents, _ := os.ReadDir(f.cdir); len(ents) > 1 {
		t.Errorf("cache dir holds %d files, want the head alone (no temporary file)", len(ents))
	}
	if !strings.Contains(strings.Join(logged, "\n"), "larger than the cache reads back") {
		t.Errorf("debug log %q does not say why the snapshot was not written", logged)
	}
}
