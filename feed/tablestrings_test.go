package feed

import (
	"hash/maphash"
	"testing"
	"unsafe"
)

// TestWarmStartKeepsTheTablesTitle: on a warm start, an article whose
// title is a related story's title of another article keeps the cache
// table's copy (one copy of the bytes in memory); the other titles are
// their own and read back as written.
func TestWarmStartKeepsTheTablesTitle(t *testing.T) {
	f := &cacheFixture{t: t, dir: t.TempDir(), cdir: t.TempDir()}
	write(t, f.dir, map[string]string{
		"2020-01-01-a.md": article("Related story number 1", "https://example.com/a", "2020-01-01T10:00:00Z"),
		"2020-01-02-b.md": testArticle{title: "A story with related stories", url: "https://example.com/b",
			related: []string{"https://example.com/a", "https://example.com/x"}}.render(),
		"2020-01-03-c.md": article("Related story number 9", "https://example.com/c", "2020-01-03T10:00:00Z"),
	})
	f.load()
	lib := f.load() // warm
	byTitle := map[string]*Article{}
	for _, a := range lib.Articles() {
		byTitle[a.Title] = a
	}
	a, b, c := byTitle["Related story number 1"], byTitle["A story with related stories"], byTitle["Related story number 9"]
	if a == nil || b == nil || c == nil {
		t.Fatalf("titles read back: %q", keys(byTitle))
	}
	related := b.RelatedTitles().List()
	if len(related) != 2 || related[0] != a.Title {
		t.Fatalf("related titles %q", related)
	}
	if unsafe.StringData(a.Title) != unsafe.StringData(related[0]) {
		t.Error("the title a related story has too is a copy of its own")
	}
	if unsafe.StringData(c.Title) == unsafe.StringData(related[1]) {
		t.Error("a title no related story has is the table's")
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestTableStringsComparesTheBytes: two strings with one hash (forced
// here) are not taken for each other.
func TestTableStringsComparesTheBytes(t *testing.T) {
	ts := newTableStrings([]string{"first title", "second title"})
	if s, ok := ts.find("second title"); !ok || s != "second title" {
		t.Fatalf("find(second title) = %q, %v", s, ok)
	}
	ts.at[maphash.String(ts.seed, "a third title")] = 1 // "first title"'s entry
	if s, ok := ts.find("a third title"); ok {
		t.Errorf("find(a third title) = %q: a hash collision taken for the string", s)
	}
	if _, ok := ts.find(""); ok {
		t.Error(`find("") found something`)
	}
}
