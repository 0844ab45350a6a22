package feed

import (
	"fmt"
	"hash/maphash"
	"runtime"
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

// TestWarmStartKeepsOneCopyOfRepeatedText: records decoded with the same
// title (one the table does not hold) and the same excerpt share one
// copy of each; a different excerpt is its own.
func TestWarmStartKeepsOneCopyOfRepeatedText(t *testing.T) {
	table := newStringTable()
	var records []byte
	var recs []recordSpan
	for i, ex := range []string{"The same excerpt.", "The same excerpt.", "Another excerpt."} {
		id := fmt.Sprintf("%012x", i+1)
		lo := len(records)
		records = appendArticle(records, &Article{ID: id, Title: "Saved again", Excerpt: ex}, id, table)
		recs = append(recs, recordSpan{lo, len(records)})
	}
	x := &snapshot{entries: make([]cacheEntry, len(recs)), tables: table.decoded()}
	x.decodeRecords(string(records), recs, nil)
	a, b, c := x.entries[0].art, x.entries[1].art, x.entries[2].art
	if a == nil || b == nil || c == nil {
		t.Fatal("a record did not decode")
	}
	if b.Excerpt != "The same excerpt." || c.Excerpt != "Another excerpt." || c.Title != "Saved again" {
		t.Fatalf("read back: %q %q %q", b.Excerpt, c.Excerpt, c.Title)
	}
	if unsafe.StringData(a.Excerpt) != unsafe.StringData(b.Excerpt) || unsafe.StringData(a.Title) != unsafe.StringData(c.Title) {
		t.Error("a repeated excerpt or title is copied again")
	}
}

// TestRepeatedTextComparesTheBytes: a string whose hash another has
// (forced here) is copied, not taken for the other.
func TestRepeatedTextComparesTheBytes(t *testing.T) {
	r := newRepeatedText(func(a *Article) *string { return &a.Excerpt })
	var ar textArena
	entries := []cacheEntry{{art: &Article{Excerpt: "first"}}, {art: &Article{Excerpt: "second"}}}
	r.share(entries, 0, &ar)
	h := maphash.String(r.seed, "second")
	r.shards[h%uint64(len(r.shards))].m = map[uint32]int32{uint32(h >> 32): 0}
	r.share(entries, 1, &ar)
	if got := entries[1].art.Excerpt; got != "second" {
		t.Errorf("shared %q", got)
	}
}

// TestRepeatedTextAcrossWorkers decodes enough records for four workers
// (whatever the machine), with texts repeated across their stretches:
// every article reads back its own title and excerpt, and the race
// detector sees the workers share the maps.
func TestRepeatedTextAcrossWorkers(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	table := newStringTable()
	var records []byte
	var recs []recordSpan
	const n = 20_000
	for i := range n {
		id := fmt.Sprintf("%012x", i+1)
		lo := len(records)
		a := &Article{ID: id, Title: fmt.Sprintf("Title %d", i%70), Excerpt: fmt.Sprintf("Excerpt %d.", i%50)}
		records = appendArticle(records, a, id, table)
		recs = append(recs, recordSpan{lo, len(records)})
	}
	x := &snapshot{entries: make([]cacheEntry, n), tables: table.decoded()}
	x.decodeRecords(string(records), recs, nil)
	for i, e := range x.entries {
		if a := e.art; a == nil || a.Title != fmt.Sprintf("Title %d", i%70) || a.Excerpt != fmt.Sprintf("Excerpt %d.", i%50) {
			t.Fatalf("entry %d: %+v", i, a)
		}
	}
}
