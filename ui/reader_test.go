package ui

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/herald-reader/herald/config"
	"github.com/herald-reader/herald/feed/page"
)

// fakePages serves pages from remote (the web) into kept (the disk).
type fakePages struct {
	mu      sync.Mutex
	kept    map[string]*page.Page
	remote  map[string]*page.Page
	fetches int
}

func newFakePages() *fakePages {
	return &fakePages{kept: map[string]*page.Page{}, remote: map[string]*page.Page{}}
}

func (f *fakePages) Cached(url string) (*page.Page, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.kept[url], nil
}

func (f *fakePages) Fetch(_ context.Context, url string) (*page.Page, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fetches++
	p := f.remote[url]
	if p == nil {
		return nil, errors.New("HTTP 404 Not Found")
	}
	f.kept[url] = p
	return p, nil
}

func (f *fakePages) Text(url string) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	if p := f.kept[url]; p != nil {
		return p.Text
	}
	return ""
}

func withPages(p Pages, mode string) option {
	return func(o *Options) { o.Pages, o.Reader = p, mode }
}

const cranes = "Forty welders repainted the three red cranes over two years."

func TestReaderFetchesAndShowsTheFullText(t *testing.T) {
	arts := articles(3)
	pages := newFakePages()
	pages.remote[arts[0].URL()] = &page.Page{URL: arts[0].URL(), Byline: "Mara Okafor", Text: cranes}
	hs := newHarness(t, 120, 30, arts, withPages(pages, config.ReaderManual))
	hs.press(hs.keys.Open)
	if v := hs.view(); strings.Contains(v, "welders") || pages.fetches != 0 {
		t.Fatalf("manual mode fetched on open (%d fetches):\n%s", pages.fetches, v)
	}

	_, cmd := hs.m.Update(keyMsg(hs.keys.Reader.Keys()[0]))
	if v := hs.view(); !strings.Contains(v, "fetching page") {
		t.Errorf("no spinner while fetching:\n%s", v)
	}
	hs.run(cmd)
	v := hs.view()
	for _, want := range []string{"Full text", "Mara Okafor", "Forty welders repainted", "Body of story 0."} {
		if !strings.Contains(v, want) {
			t.Errorf("after R the detail lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "fetching page") {
		t.Errorf("spinner still shown:\n%s", v)
	}

	// The fetched text is searchable at once.
	hs.press(hs.keys.Back)
	hs.press(hs.keys.Filter)
	hs.typeText("welders")
	if got := hs.m.list.Len(); got != 1 || hs.selected() != arts[0].Title {
		t.Errorf("filter on the page's text: %d rows, selected %q", got, hs.selected())
	}

	// Next time (a new reader over the same kept pages) it shows at once,
	// without the network.
	before := pages.fetches
	hs2 := newHarness(t, 120, 30, articles(3), withPages(pages, config.ReaderManual))
	hs2.press(hs2.keys.Open)
	if v := hs2.view(); !strings.Contains(v, "Forty welders repainted") || pages.fetches != before {
		t.Errorf("kept page not shown at once (%d fetches):\n%s", pages.fetches-before, v)
	}
	hs2.press(hs2.keys.Back)
	hs2.press(hs2.keys.Filter)
	hs2.typeText("welders")
	if got := hs2.m.list.Len(); got != 1 {
		t.Errorf("kept page's text not searched after a restart: %d rows", got)
	}
}

func TestReaderAutoFetchesOnOpen(t *testing.T) {
	arts := articles(2)
	pages := newFakePages()
	pages.remote[arts[0].URL()] = &page.Page{URL: arts[0].URL(), Text: cranes}
	hs := newHarness(t, 120, 30, arts, withPages(pages, config.ReaderAuto))
	hs.press(hs.keys.Open)
	if v := hs.view(); !strings.Contains(v, "Forty welders repainted") || pages.fetches != 1 {
		t.Errorf("auto mode: %d fetches, view:\n%s", pages.fetches, v)
	}
	hs.press(hs.keys.Back)
	hs.press(hs.keys.Open) // kept now: not fetched again
	if pages.fetches != 1 {
		t.Errorf("auto mode fetched a kept page again: %d fetches", pages.fetches)
	}
}

func TestReaderFailureKeepsTheArticle(t *testing.T) {
	arts := articles(2)
	pages := newFakePages()
	hs := newHarness(t, 120, 30, arts, withPages(pages, config.ReaderManual))
	hs.press(hs.keys.Open)
	hs.press(hs.keys.Reader)
	v := hs.view()
	if !strings.Contains(v, "fetch https://news.example/story-0: HTTP 404") || !strings.Contains(v, "Body of story 0.") {
		t.Errorf("a failed fetch must be reported and the article stay:\n%s", v)
	}
}

func TestReaderOff(t *testing.T) {
	arts := articles(1)
	pages := newFakePages()
	pages.remote[arts[0].URL()] = &page.Page{URL: arts[0].URL(), Text: cranes}
	pages.kept["https://news.example/story-0"] = &page.Page{Text: "Kept before."}
	hs := newHarness(t, 120, 30, arts, withPages(pages, config.ReaderOff))
	hs.press(hs.keys.Open)
	hs.press(hs.keys.Reader)
	v := hs.view()
	if pages.fetches != 0 || !strings.Contains(v, "Reader mode is off") || !strings.Contains(v, "Kept before.") {
		t.Errorf("reader off: %d fetches, view:\n%s", pages.fetches, v)
	}
}

// TestReaderBeforeTheIndex is R pressed while the first search index is
// still being built (a loaded machine, a large library): the page shows
// and nothing is told to an index that does not exist yet.
func TestReaderBeforeTheIndex(t *testing.T) {
	arts := articles(2)
	pages := newFakePages()
	pages.remote[arts[0].URL()] = &page.Page{URL: arts[0].URL(), Text: cranes}
	hs := newHarness(t, 120, 30, arts, withPages(pages, config.ReaderManual))
	hs.press(hs.keys.Open)
	hs.m.lib.index = nil
	_, cmd := hs.m.Update(keyMsg(hs.keys.Reader.Keys()[0]))
	hs.run(cmd)
	if v := hs.view(); !strings.Contains(v, "Forty welders repainted") {
		t.Errorf("page not shown when R came before the index:\n%s", v)
	}
}

// TestReaderPageBeatsARenderInFlight: the page arrives while a render of
// the article, started before it, is still running (a loaded machine, a
// fast local server). That render lacks the page: it is dropped, not
// shown or cached, and the article is rendered again with the page.
func TestReaderPageBeatsARenderInFlight(t *testing.T) {
	arts := articles(2)
	pages := newFakePages()
	pages.remote[arts[0].URL()] = &page.Page{URL: arts[0].URL(), Text: cranes}
	hs := newHarness(t, 120, 30, arts, withPages(pages, config.ReaderManual))
	hs.press(hs.keys.Open)
	d := hs.m.detail
	d.uncache(d.key)
	d.ready = false
	stale := d.startRender()()
	_, cmd := hs.m.Update(keyMsg(hs.keys.Reader.Keys()[0]))
	hs.run(cmd)
	hs.send(stale)
	if v := hs.view(); !strings.Contains(v, "Forty welders repainted") {
		t.Errorf("a render from before the page arrived is shown:\n%s", v)
	}
}
