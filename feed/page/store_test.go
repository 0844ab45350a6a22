package page

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestStoreRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "pages")
	s := OpenStore(dir, 0)
	if _, ok, err := s.Read("https://a.example/1"); ok || err != nil {
		t.Fatalf("empty store: ok %v err %v", ok, err)
	}
	want := Page{URL: "https://a.example/1", Title: "T", Byline: "B", Text: "body <b>&",
		Published: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), Fetched: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)}
	if err := s.Put(want); err != nil {
		t.Fatal(err)
	}
	// Another process (a new Store) reads it.
	got, ok, err := OpenStore(dir, 0).Read(want.URL)
	if err != nil || !ok || got != want {
		t.Fatalf("got %+v %v %v, want %+v", got, ok, err, want)
	}
	if !s.Has(want.URL) || s.Has("https://a.example/2") {
		t.Error("Has is wrong")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || !strings.HasSuffix(entries[0].Name(), ".page") {
		t.Errorf("want one page file, no temporary files: %v", entries)
	}
	if fi, _ := os.Stat(dir); fi.Mode().Perm() != 0o700 {
		t.Errorf("pages directory mode %v, want private", fi.Mode().Perm())
	}
}

func TestStoreOtherVersionIsAbsent(t *testing.T) {
	dir := t.TempDir()
	s := OpenStore(dir, 0)
	if err := s.Put(Page{URL: "u", Text: "x"}); err != nil {
		t.Fatal(err)
	}
	path := s.path("u")
	data, _ := os.ReadFile(path)
	os.WriteFile(path, []byte(strings.Replace(string(data), "herald page 1", "herald page 2", 1)), 0o600)
	if _, ok, err := s.Read("u"); ok || err != nil {
		t.Errorf("a file of another version: ok %v err %v, want absent", ok, err)
	}
	os.WriteFile(path, []byte(fileHeader+"{broken"), 0o600)
	if _, ok, err := s.Read("u"); ok || err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("a broken file: ok %v err %v, want an error naming it", ok, err)
	}
}

// Over the limit, the least recently read pages go first, whatever order
// they were written in.
func TestStoreEvictsLeastRecentlyRead(t *testing.T) {
	dir := t.TempDir()
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	text := strings.Repeat("x", 1000)
	probe := OpenStore(t.TempDir(), 0)
	probe.Put(Page{URL: "https://a/0", Text: text})
	fi, err := os.Stat(probe.path("https://a/0"))
	if err != nil {
		t.Fatal(err)
	}
	s := OpenStore(dir, 3*fi.Size()+fi.Size()/2) // room for three pages
	s.now = func() time.Time { return clock }
	urls := []string{"https://a/1", "https://a/2", "https://a/3"}
	for i, u := range urls {
		if err := s.Put(Page{URL: u, Text: text}); err != nil {
			t.Fatal(err)
		}
		old := clock.Add(time.Duration(i-10) * time.Hour)
		os.Chtimes(s.path(u), old, old) // written in order 1, 2, 3
	}
	clock = clock.Add(time.Hour)
	if _, ok, _ := s.Read(urls[0]); !ok { // 1 is now the most recently read
		t.Fatal("page 1 missing")
	}
	if err := s.Put(Page{URL: "https://a/4", Text: text}); err != nil {
		t.Fatal(err)
	}
	for u, want := range map[string]bool{urls[0]: true, urls[1]: false, urls[2]: true, "https://a/4": true} {
		if s.Has(u) != want {
			t.Errorf("%s kept: %v, want %v", u, !want, want)
		}
	}
}

func TestStoreTexts(t *testing.T) {
	dir := t.TempDir()
	s := OpenStore(dir, 0)
	if got := s.Texts()("https://a/1"); got != "" {
		t.Errorf("empty store: %q", got)
	}
	s.Put(Page{URL: "https://a/1", Text: "one"})
	texts := s.Texts()
	if texts("https://a/1") != "one" || texts("https://a/2") != "" {
		t.Errorf("got %q %q", texts("https://a/1"), texts("https://a/2"))
	}
}
