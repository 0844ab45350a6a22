package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/config"
	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/feed/search"
)

// withMute sets the mute rules.
func withMute(t testing.TB, rules ...string) option {
	t.Helper()
	m, err := search.ParseMute(rules, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	return func(o *Options) { o.Mute = m }
}

// shownTitles are the titles of the list's articles, in order.
func shownTitles(m *Model) []string {
	var out []string
	for _, a := range m.list.shown {
		out = append(out, a.Title)
	}
	return out
}

// Provider 1 is the provider of stories 1 and 4 of articles(6).
const muteProvider1 = `p:"Provider 1"`

// TestMuteHidesFromListSearchAndCounts: muted articles are not in the
// list, not in search results, not in the article, unread and facet
// counts; the status line says how many are muted. Muting marks nothing.
func TestMuteHidesFromListSearchAndCounts(t *testing.T) {
	hs, st := stateHarness(t, 6, withMute(t, muteProvider1))
	if err := st.SetRead([]string{articles(6)[0].ID}, true); err != nil {
		t.Fatal(err)
	}
	want := []string{"Story number 0", "Story number 2", "Story number 3", "Story number 5"}
	if got := shownTitles(hs.m); !slices.Equal(got, want) {
		t.Fatalf("list = %q, want %q", got, want)
	}
	v := hs.view()
	if !strings.Contains(v, "4 articles · 2 muted · 3 unread · 0 starred") {
		t.Errorf("status line lacks the counts without the muted:\n%s", v)
	}
	if strings.Contains(v, "Story number 1") || strings.Contains(v, "Story number 4") {
		t.Errorf("a muted article is drawn:\n%s", v)
	}

	hs.press(hs.keys.Filter)
	hs.typeText("story")
	hs.press(hs.keys.Open)
	if got := shownTitles(hs.m); !slices.Equal(got, want) {
		t.Errorf("search results = %q, want %q", got, want)
	}
	if v := hs.view(); !strings.Contains(v, "4 shown · 4 articles · 2 muted") {
		t.Errorf("status line with a filter:\n%s", v)
	}

	hs.press(hs.keys.Providers)
	if hs.m.over != facetOverlay {
		t.Fatal("no provider picker")
	}
	for _, it := range hs.m.facets.items {
		if it.Name == "Provider 1" {
			t.Errorf("the provider picker counts muted articles: %+v", hs.m.facets.items)
		}
	}
	hs.press(hs.keys.Back)

	if len(st.read) != 1 || len(st.starred) != 0 {
		t.Errorf("muting changed the marks: read %v, starred %v", st.read, st.starred)
	}
}

// TestShowMutedToggles: the key shows the muted articles, marked as such
// in their row, counted again; pressed again it hides them. It applies
// to search results too.
func TestShowMutedToggles(t *testing.T) {
	hs, _ := stateHarness(t, 6, withMute(t, muteProvider1))
	hs.press(hs.keys.ShowMuted)
	if got := len(hs.m.list.shown); got != 6 {
		t.Fatalf("showing muted: %d articles listed, want 6", got)
	}
	v := hs.view()
	for _, want := range []string{"Showing 2 muted articles.", "6 articles · 2 muted shown · 6 unread",
		"muted · Provider 1"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "muted · Provider 0") {
		t.Errorf("an article that is not muted is marked muted:\n%s", v)
	}

	hs.press(hs.keys.Filter)
	hs.typeText("number 4")
	hs.press(hs.keys.Open)
	if got := shownTitles(hs.m); !slices.Equal(got, []string{"Story number 4"}) {
		t.Errorf("search with muted shown = %q", got)
	}
	hs.press(hs.keys.ShowMuted)
	if got := shownTitles(hs.m); len(got) != 0 {
		t.Errorf("search with muted hidden again = %q, want none", got)
	}
	if v := hs.view(); !strings.Contains(v, "Hiding 2 muted articles.") || !strings.Contains(v, "2 muted") {
		t.Errorf("after hiding again:\n%s", v)
	}
}

// TestMutedNeverShownWhileLoading: batch by batch, the list without a
// filter never shows a muted article, not even before the index that
// screens it lands.
func TestMutedNeverShownWhileLoading(t *testing.T) {
	arts := articles(9)
	ch := make(chan feed.Batch, 3)
	ch <- feed.Batch{Articles: arts[:3], Found: 9}
	ch <- feed.Batch{Articles: arts[3:6], Found: 9}
	ch <- feed.Batch{Articles: arts[6:], Found: 9, Done: true}
	close(ch)
	hs := &harness{t: t, keys: config.DefaultKeyMap()}
	o := Options{Keys: hs.keys, Styles: NewStyles(config.Default().Theme, config.Appearance{}),
		Layout: config.Layout{SplitAt: 100, ListShare: 0.4}, Clock: fixedClock, Loader: ch,
		Renderer: plainRenderer{}, Detail: func(a *feed.Article) (*feed.Article, error) { return a, nil }}
	withMute(t, muteProvider1)(&o)
	hs.m = New(o)
	muted := map[string]bool{"Story number 1": true, "Story number 4": true, "Story number 7": true}
	// One message at a time (the loader's batches one by one: the channel
	// holds them apart), checking the list after each.
	hs.runEach(func(msg tea.Msg, deliver func()) {
		deliver()
		for _, title := range shownTitles(hs.m) {
			if muted[title] {
				t.Fatalf("after %T: muted %q listed", msg, title)
			}
		}
	}, hs.m.Init(), func() tea.Msg { return tea.WindowSizeMsg{Width: 120, Height: 40} })
	if got := len(hs.m.list.shown); got != 6 {
		t.Errorf("after the load %d articles listed, want 6: %q", got, shownTitles(hs.m))
	}
}

// TestMutedFileArriving: a file that arrives while Herald runs and that a
// rule matches is hidden once the index is rebuilt.
func TestMutedFileArriving(t *testing.T) {
	hs := newHarness(t, 120, 40, articles(3), withMute(t, "crypto"))
	fresh := article(10, "Crypto winter is back")
	fresh.Published = fixedNow.Add(time.Minute)
	hs.send(changeMsg{change: feed.Change{Added: []*feed.Article{fresh}}})
	if got := shownTitles(hs.m); len(got) != 3 || got[0] == fresh.Title {
		t.Errorf("list after a muted file arrived = %q", got)
	}
	if v := hs.view(); !strings.Contains(v, "3 articles · 1 muted") {
		t.Errorf("status after a muted file arrived:\n%s", v)
	}
}

// TestShowMutedWithoutRules says there are none, and changes nothing.
func TestShowMutedWithoutRules(t *testing.T) {
	hs, _ := stateHarness(t, 3)
	hs.press(hs.keys.ShowMuted)
	if v := hs.view(); !strings.Contains(v, "No mute rules") || strings.Contains(v, "muted ·") {
		t.Errorf("show muted without rules:\n%s", v)
	}
}

// TestWithoutNeverChangesItsInput: the index's own result slice must
// stay as it was.
func TestWithoutNeverChangesItsInput(t *testing.T) {
	arts := articles(5)
	in := append([]*feed.Article(nil), arts...)
	out := without(in, map[*feed.Article]struct{}{arts[1]: {}, arts[3]: {}})
	if len(out) != 3 || out[0] != arts[0] || out[1] != arts[2] || out[2] != arts[4] {
		t.Errorf("without = %v", out)
	}
	if !slices.Equal(in, arts) {
		t.Error("without changed its input")
	}
	if got := without(in, nil); &got[0] != &in[0] {
		t.Error("without copied with nothing muted")
	}
}

// TestRelatedStoryToMutedArticle: following a related story to a muted
// article shows the muted articles, so the cursor can land on it.
func TestRelatedStoryToMutedArticle(t *testing.T) {
	arts := articles(6)
	relate(arts[0], arts[4])
	hs := newHarness(t, 120, 40, arts, withMute(t, muteProvider1))
	hs.openLink(linkTo(t, hs, arts[4].WebURL))
	if hs.selected() != "Story number 4" {
		t.Fatalf("jump to a muted article selected %q", hs.selected())
	}
	if v := hs.view(); !strings.Contains(v, "2 muted shown") || !strings.Contains(v, "muted · Provider 1") {
		t.Errorf("jump to a muted article:\n%s", v)
	}
}

// TestScreenIgnoresFetchedPages: a rule matches an article's own fields,
// whether screened one by one or over a rebuilt index, which also
// searches fetched pages: fetching a page must not mute its article.
func TestScreenIgnoresFetchedPages(t *testing.T) {
	arts := articles(4)
	arts[2].Title = "Crypto winter"
	ix := search.NewIndexWithPages(func(a *feed.Article) string {
		if a == arts[1] {
			return "a page all about crypto"
		}
		return ""
	})
	ix.Add(arts)
	rules, err := search.ParseMute([]string{"crypto"}, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	if got := ix.Search(rules[0], nil); len(got) != 2 {
		t.Fatalf("the index finds %d articles, want the title and the page", len(got))
	}
	for _, full := range []bool{true, false} {
		if got := screen(rules, ix, arts, full); !slices.Equal(got, []*feed.Article{arts[2]}) {
			t.Errorf("screen (full %v) = %d articles, want the one titled Crypto", full, len(got))
		}
	}
}
