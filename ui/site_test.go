package ui

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/internal/sitetest"
)

// siteHarness loads the fixture site (see sitetest) as the reader would,
// from a file system labelled "site" so that paths on screen do not
// depend on the temporary directory, with the real renderer and Detail.
func siteHarness(t *testing.T, w, h int) *harness {
	t.Helper()
	dir := t.TempDir()
	if err := sitetest.Write(dir); err != nil {
		t.Fatal(err)
	}
	lib, err := feed.Load(context.Background(), []feed.Source{feed.FS(os.DirFS(dir), "site")}, feed.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ch := make(chan feed.Batch, 1)
	ch <- feed.Batch{Articles: lib.Articles(), Skipped: lib.Skipped(), NotArticles: lib.NotArticles(),
		Found: lib.Found(), Done: true}
	close(ch)
	return newHarness(t, w, h, nil, withLoader(ch), withRenderer(realRenderer(t)),
		func(o *Options) { o.Detail = feed.Detail })
}

// TestSiteStatusAndProblemsPanel: the status line counts the warnings;
// the ! panel lists the skipped files, then every warning as PATH:LINE:
// message, then the records that are not articles (issue 11).
func TestSiteStatusAndProblemsPanel(t *testing.T) {
	hs := siteHarness(t, 120, 40)
	if v := hs.view(); !strings.Contains(v, "15 articles") || !strings.Contains(v, "3 skipped") || !strings.Contains(v, "3 warnings") {
		t.Errorf("status line lacks the counts:\n%s", v)
	}
	hs.press(hs.keys.Skipped)
	v := hs.view()
	checkScreen(t, v, 120, 40)
	for _, want := range []string{"site/_news/2022-01-10-bad-date.md:3: publishedDateTime", "Not articles (3",
		"site/_people/jane.md: not an article"} {
		if !strings.Contains(v, want) {
			t.Errorf("panel lacks %q", want)
		}
	}
	golden.RequireEqual(t, v)
}

// TestSiteHTMLBody: an article whose body is HTML shows paragraphs, a
// list and numbered links in the detail pane, no tags (issue 11).
func TestSiteHTMLBody(t *testing.T) {
	hs := siteHarness(t, 120, 40)
	for range 10 {
		if hs.selected() == "Sample with an HTML body" {
			break
		}
		hs.press(hs.keys.Down)
	}
	if hs.selected() != "Sample with an HTML body" {
		t.Fatalf("selected %q", hs.selected())
	}
	v := hs.view()
	checkScreen(t, v, 120, 40)
	if strings.Contains(v, "<p>") || strings.Contains(v, "<li>") || !strings.Contains(v, "another item") {
		t.Errorf("HTML body not read as Markdown:\n%s", v)
	}
	golden.RequireEqual(t, v)
}

// TestSiteRowsNameTheirType: when the shown articles mix types (news,
// videos, courses, downloads), each row names its type; a filter that
// shows one type drops it (issue 11).
func TestSiteRowsNameTheirType(t *testing.T) {
	hs := siteHarness(t, 120, 40)
	v := hs.view()
	for _, want := range []string{"video · Example", "course · Example", "download · Example", "article · Example"} {
		if !strings.Contains(v, want) {
			t.Errorf("rows lack %q:\n%s", want, v)
		}
	}
	hs.press(hs.keys.Filter)
	hs.typeText("type:video")
	hs.press(hs.keys.Open)
	if v := hs.view(); !strings.Contains(v, "Video from 2021") || strings.Contains(v, "video · Example") {
		t.Errorf("one type shown, rows still name it:\n%s", v)
	}
}

// TestSiteFolderPicker: f lists the folders of the shown articles with
// their counts beside the topic and provider pickers; choosing one
// filters with in:FOLDER (issue 11).
func TestSiteFolderPicker(t *testing.T) {
	hs := siteHarness(t, 120, 40)
	hs.press(hs.keys.Folders)
	v := hs.view()
	for _, want := range []string{"Folders in these results", "2  _archive", "3  _learning", "1  _learning/videos", "7  _news"} {
		if !strings.Contains(v, want) {
			t.Errorf("picker lacks %q:\n%s", want, v)
		}
	}
	// From _archive: _archive/_news, _communities, _events, _learning,
	// _learning/collections.
	for range 5 {
		hs.press(hs.keys.Down)
	}
	hs.press(hs.keys.Open)
	v = hs.view()
	if !strings.Contains(v, "in:_learning/collections") || !strings.Contains(v, "Collection of talks") || strings.Contains(v, "Video from 2021") {
		t.Errorf("picking _learning/collections:\n%s", v)
	}
}
