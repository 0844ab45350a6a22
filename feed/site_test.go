package feed

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/herald-reader/herald/internal/sitetest"
)

// loadSite writes the fixture site (see sitetest) and loads it.
func loadSite(t *testing.T) (string, *Library) {
	t.Helper()
	dir := t.TempDir()
	if err := sitetest.Write(dir); err != nil {
		t.Fatal(err)
	}
	lib, err := Load(context.Background(), []Source{Dir(dir)}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return dir, lib
}

// TestSiteOrderIsPublicationDate: a site names files otherwise than it
// dates them; the library is newest first by publishedDateTime, the file
// name's date only where the front matter has none, undated last, ties by
// path.
func TestSiteOrderIsPublicationDate(t *testing.T) {
	_, lib := loadSite(t)
	if got := titles(lib.Articles()); !slices.Equal(got, sitetest.NewestFirst) {
		t.Errorf("library order:\n%q\nwant\n%q", got, sitetest.NewestFirst)
	}
}

// TestStreamKeepsLibraryOrderBatchByBatch: a batch whose articles belong
// before those already sent (dated later than named) is marked Newer, so
// a reader that appends the others and merges those has the library order
// after every batch, not only after Finish.
func TestStreamKeepsLibraryOrderBatchByBatch(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for i := range 400 {
		files[fmt.Sprintf("2020-01-01-s%03d.md", i)] = article(fmt.Sprintf("Story number %03d", i), "", "")
	}
	// Named as the oldest, published as the newest: the last batch.
	files["late.md"] = article("Published last, named first", "", "2030-01-01T00:00:00Z")
	write(t, dir, files)
	var shown []*Article
	newer := false
	for b := range Stream(context.Background(), []Source{Dir(dir)}, Options{}).Batches() {
		shown = append(shown, b.Articles...)
		if b.Newer {
			newer = true
			slices.SortFunc(shown, NewestFirst)
		}
		if !slices.IsSortedFunc(shown, NewestFirst) {
			t.Fatalf("after a batch (Newer %v) the articles are out of order", b.Newer)
		}
	}
	if !newer || shown[0].Title != "Published last, named first" {
		t.Errorf("newer batch seen %v, first %q", newer, shown[0].Title)
	}
}

// TestSiteRecordsAndProblems: organisations, topics and people are
// counted as not articles (no error); files without front matter, or
// with keys that are not text, are skipped; every warning is listed as
// PATH:LINE: message. A warm start (the cache) says the same.
func TestSiteRecordsAndProblems(t *testing.T) {
	dir := t.TempDir()
	if err := sitetest.Write(dir); err != nil {
		t.Fatal(err)
	}
	cache := OpenCache(t.TempDir())
	for _, run := range []string{"cold", "warm"} {
		lib := mustLoad(t, Options{Cache: cache}, Dir(dir))
		rels := func(ps []Problem) []string {
			var out []string
			for _, p := range ps {
				out = append(out, filepath.ToSlash(strings.TrimPrefix(p.Path, dir+string(filepath.Separator))))
			}
			slices.Sort(out)
			return out
		}
		if got := rels(lib.NotArticles()); !slices.Equal(got, sitetest.NotArticles) {
			t.Errorf("%s: not articles %q, want %q", run, got, sitetest.NotArticles)
		}
		for _, p := range lib.NotArticles() {
			if p.Reason != "not an article: no date and no link" {
				t.Errorf("%s: %s", run, p)
			}
		}
		if got := rels(lib.Skipped()); !slices.Equal(got, sitetest.Skipped) {
			t.Errorf("%s: skipped %q, want %q", run, got, sitetest.Skipped)
		}
		warned := map[string]string{}
		for _, p := range lib.Warnings() {
			rel := rels([]Problem{p})[0]
			warned[rel] += p.String() + "\n"
			if p.Line == 0 {
				t.Errorf("%s: warning without a line: %s", run, p)
			}
		}
		for rel, piece := range sitetest.Warned {
			if !strings.Contains(warned[rel], piece) {
				t.Errorf("%s: warnings of %s: %q, want one with %q", run, rel, warned[rel], piece)
			}
		}
		if lib.Found() != lib.Len()+len(lib.Skipped())+len(lib.NotArticles()) {
			t.Errorf("%s: found %d, loaded %d, skipped %d, not articles %d", run, lib.Found(), lib.Len(), len(lib.Skipped()), len(lib.NotArticles()))
		}
	}
}

// TestSiteHTMLBody: a body that is HTML is read as Markdown: paragraphs,
// a list and a link, no tags (issue 11); a Markdown body with inline HTML
// is left alone.
func TestSiteHTMLBody(t *testing.T) {
	_, lib := loadSite(t)
	var sample *Article
	for _, a := range lib.Articles() {
		if a.Title == "Sample with an HTML body" {
			sample = a
		}
	}
	full, err := Detail(sample)
	if err != nil {
		t.Fatal(err)
	}
	want := "The **first** paragraph.\n\n- one item\n- another item\n\nRead [more here](https://example.com/more)."
	// The summary keeps the words of the Markdown, not of the HTML.
	if words, _ := sample.BodyWords(); full.Detail.Body != want || words != packedWords(want) {
		t.Errorf("body:\n%s\nsummary's words %q\nwant:\n%s", full.Detail.Body, words, want)
	}
	md, err := Parse("x.md", []byte("---\ntitle: t\n---\nMarkdown with <b>inline</b> HTML.\n"))
	if err != nil || md.Detail.Body != "Markdown with <b>inline</b> HTML." {
		t.Errorf("inline HTML: %v %q", err, md.Detail.Body)
	}
}

// TestLoadingFoundCountsTheWalk: Loading.Found counts the article files
// as the walk finds them (a reader shows it before the first batch), and
// ends at the total the batches report.
func TestLoadingFoundCountsTheWalk(t *testing.T) {
	dir := t.TempDir()
	if err := sitetest.Write(dir); err != nil {
		t.Fatal(err)
	}
	s := Stream(context.Background(), []Source{Dir(dir)}, Options{})
	total := 0
	for b := range s.Batches() {
		total = max(total, b.Found)
	}
	if total != 21 || s.Found() != total {
		t.Errorf("Found() = %d, batches say %d, want 21", s.Found(), total)
	}
}
