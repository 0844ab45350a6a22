package feed

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// relatedTitleFile is an article whose related stories have the titles
// of pool at picks.
func relatedTitleFile(n int, pool []string, picks ...int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: \"Story %d\"\ncategory: news\ntags: [t%d]\n", n, n%5)
	fmt.Fprintf(&b, "webUrl: \"https://example.com/%d\"\npublishedDateTime: 2020-01-01T10:00:00Z\nrelated:\n", n)
	for _, p := range picks {
		fmt.Fprintf(&b, "  - title: %q\n    webUrl: \"https://example.com/r%d\"\n", pool[p], p)
	}
	b.WriteString("---\nBody.\n")
	return b.String()
}

// relatedTitlesByPath is each article's related titles, then its
// category and tags, by its path.
func relatedTitlesByPath(lib *Library) map[string][]string {
	out := map[string][]string{}
	for _, a := range lib.Articles() {
		out[a.Rel()] = append(append(a.RelatedTitles().List(), a.Category), a.Tags...)
	}
	return out
}

// TestSnapshotKeepsRelatedTitles: the related titles a load wrote to the
// snapshot, numbered by their place in the load's title table, come back
// to each article on the next start; and each title is in the file once,
// also when a load mixed the snapshot's titles with parsed ones.
func TestSnapshotKeepsRelatedTitles(t *testing.T) {
	f := &cacheFixture{t: t, dir: t.TempDir(), cdir: t.TempDir()}
	// Long titles, so that the table takes several chunks (the first one
	// holds 4 KB); some repeat across articles, some are used once.
	var pool []string
	for i := range 400 {
		pool = append(pool, fmt.Sprintf("Title %03d%s", i, strings.Repeat(" word", 20+i%40)))
	}
	files := map[string]string{}
	for n := range 300 {
		files[fmt.Sprintf("2020-01-%02d-story-%03d.md", 1+n%28, n)] = relatedTitleFile(n, pool, n%97, (n*7)%300, 300+n%100)
	}
	write(t, f.dir, files)
	eachTitleOnce := func(stage string) {
		t.Helper()
		data, err := os.ReadFile(f.snapshotFile())
		if err != nil {
			t.Fatal(err)
		}
		for _, title := range pool {
			if n := bytes.Count(data, []byte(title)); n > 1 {
				t.Fatalf("%s: the snapshot holds %.12q %d times", stage, title, n)
			}
		}
	}

	want := relatedTitlesByPath(f.load())
	if len(want) != 300 {
		t.Fatalf("cold load: %d articles, want 300", len(want))
	}
	eachTitleOnce("cold")
	check := func(stage string, lib *Library) {
		t.Helper()
		got := relatedTitlesByPath(lib)
		for rel, titles := range want {
			if !slices.Equal(got[rel], titles) {
				t.Fatalf("%s: %s has related titles %.60q, want %.60q", stage, rel, got[rel], titles)
			}
		}
	}
	check("warm", f.load())

	// A new file whose titles the snapshot holds too: the load has the
	// snapshot's table and its own.
	files = map[string]string{"2020-02-01-new.md": relatedTitleFile(1000, pool, 5, 310, 399)}
	write(t, f.dir, files)
	want["2020-02-01-new.md"] = []string{pool[5], pool[310], pool[399], "news", "t0"}
	check("with a new file", f.load())
	eachTitleOnce("with a new file")
	check("warm again", f.load())
}

// TestStringTableNumbersTitlesBetweenValues: a table that numbers its
// titles by reference lists every string at the place of its reference,
// also a value entered after the titles were numbered.
func TestStringTableNumbersTitlesBetweenValues(t *testing.T) {
	st := NewTitleStore()
	var results []loadResult
	for i := range 3 {
		a := &Article{ID: fmt.Sprintf("id%d", i), Category: fmt.Sprintf("category %d", i%2), Tags: []string{"tag"}}
		a.SetRelatedTitles(st.Share(NewTitles(fmt.Sprintf("title %d", i), "title shared")))
		results = append(results, loadResult{a: a})
	}
	table := newStringTable()
	numberTitles(table, results, func(int) bool { return true })
	if table.titles == nil {
		t.Fatal("titles of one store were not numbered by reference")
	}
	late := &Article{ID: "late", Category: "category late", Tags: []string{"tag", "late tag"}}
	for _, r := range append(results, loadResult{a: late}) {
		got, err := decodeNew(string(appendArticle(nil, r.a, r.a.ID, table)), table.decoded())
		if err != nil {
			t.Fatal(err)
		}
		if got.Category != r.a.Category || !slices.Equal(got.Tags, r.a.Tags) ||
			!slices.Equal(got.RelatedTitles().List(), r.a.RelatedTitles().List()) {
			t.Errorf("decoded %q %q %q, want %q %q %q", got.Category, got.Tags, got.RelatedTitles(),
				r.a.Category, r.a.Tags, r.a.RelatedTitles())
		}
	}
	if n := table.len(); n != 9 { // 4 titles, 2+1 categories, 2 tags
		t.Errorf("the table holds %d strings, want 9", n)
	}
}
