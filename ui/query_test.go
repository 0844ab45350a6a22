package ui

import (
	"strings"
	"testing"

	"github.com/herald-reader/herald/feed"
)

func TestQueryLanguageInFilter(t *testing.T) {
	hs, st := stateHarness(t, 12)
	st.starred[hs.m.lib.arts[3].ID] = true
	for _, tc := range []struct {
		query string
		want  int
	}{
		{`"number 1"`, 3},                 // 1, 10, 11
		{`number -"number 1"`, 9},         // negation
		{`t:"Topic 2"`, 3},                // 2, 6, 10
		{`p:"Provider 0" t:"Topic 0"`, 1}, // 0 only (0, 4, 8 have Topic 0; 0, 3, 6, 9 Provider 0)
		{`is:starred`, 1},
		{`since:5h`, 6}, // published 0..5 hours before the clock
		{`zzz`, 0},
	} {
		hs.press(hs.keys.Filter)
		hs.typeText(tc.query)
		if n := hs.m.list.Len(); n != tc.want {
			t.Errorf("%s: %d shown, want %d", tc.query, n, tc.want)
		}
		hs.press(hs.keys.Back) // clears
	}
}

func TestQueryHintReplacesList(t *testing.T) {
	hs, _ := stateHarness(t, 5)
	hs.press(hs.keys.Filter)
	hs.typeText("since:soon")
	v := hs.view()
	if hs.m.list.Len() != 0 || !strings.Contains(v, "Cannot search: since: wants") {
		t.Fatalf("no hint in place of the list:\n%s", v)
	}
	if strings.Contains(v, "Nothing matches") {
		t.Fatalf("hint and empty message both shown:\n%s", v)
	}
	// Fixing the term brings the results back as the user types.
	for range len("soon") {
		hs.send(keyMsg("backspace"))
	}
	hs.typeText("2d")
	if hs.m.list.Len() != 5 || strings.Contains(hs.view(), "Cannot search") {
		t.Fatalf("after fixing:\n%s", hs.view())
	}
}

func TestSortCycle(t *testing.T) {
	hs, _ := stateHarness(t, 4)
	hs.m.lib.arts[2].Title = "Aardvark news"
	for _, want := range []struct{ name, first string }{
		{"oldest", "Story number 3"},
		{"quality", ""},
		{"heat", ""},
		{"title", "Aardvark news"},
		{"provider", ""},
		{"newest", "Story number 0"},
	} {
		hs.press(hs.keys.Sort)
		v := hs.view()
		if !strings.Contains(v, "Sorted by "+want.name) {
			t.Fatalf("status after S, want %s:\n%s", want.name, v)
		}
		if want.name != "newest" && !strings.Contains(v, "by "+want.name) {
			t.Errorf("sort %s not in the status line", want.name)
		}
		if want.first != "" && hs.m.list.items[0].(item).a.Title != want.first {
			t.Errorf("sort %s: first row %q, want %q", want.name, hs.m.list.items[0].(item).a.Title, want.first)
		}
	}
	if hs.m.filter.applied() {
		t.Error("back at newest, the list still shows search results")
	}
}

func TestFacetPickers(t *testing.T) {
	hs, _ := stateHarness(t, 8)
	hs.press(hs.keys.Topics)
	v := hs.view()
	if hs.m.over != facetOverlay || !strings.Contains(v, "Topics in these results") {
		t.Fatalf("t did not open the picker:\n%s", v)
	}
	if !strings.Contains(v, "8  AI") || !strings.Contains(v, "2  Topic 0") {
		t.Fatalf("counts missing:\n%s", v)
	}
	// Rows: AI (8), then Topic 0..3 (2 each, by name).
	hs.press(hs.keys.Down)
	hs.press(hs.keys.Down)
	hs.press(hs.keys.Open)
	if got := hs.m.filter.input.Value(); got != `topic:"Topic 1"` {
		t.Fatalf("query = %q", got)
	}
	if n := hs.m.list.Len(); n != 2 {
		t.Fatalf("topic picked: %d shown, want 2", n)
	}
	// Providers count within the current results only, and append.
	hs.press(hs.keys.Providers)
	v = hs.view()
	if !strings.Contains(v, "Providers in these results") || strings.Contains(v, "Provider 0") {
		t.Fatalf("provider picker (1 and 5 have Topic 1: Provider 1, Provider 2):\n%s", v)
	}
	hs.press(hs.keys.Open)
	if got := hs.m.filter.input.Value(); !strings.HasPrefix(got, `topic:"Topic 1" provider:"Provider `) {
		t.Fatalf("query = %q", got)
	}
	if n := hs.m.list.Len(); n != 1 {
		t.Fatalf("both picked: %d shown", n)
	}
	hs.press(hs.keys.Topics)
	hs.press(hs.keys.Back)
	if hs.m.over != noOverlay {
		t.Fatal("esc does not close the picker")
	}
}

// TestRelevanceIsTheDefaultWithWords: a query with free words lists the
// best match first (the title match, although older than the stories
// that name it in a related title), the status says so, and S cycles
// through the other sorts and back to it.
func TestRelevanceIsTheDefaultWithWords(t *testing.T) {
	arts := articles(6)
	arts[4].Title = "Hugging Face opens a model hub"
	for _, a := range arts[:3] {
		a.SetRelatedTitles(feed.NewTitles(arts[4].Title))
	}
	hs := newHarness(t, 120, 40, arts, withStore(newFakeStore()))
	hs.press(hs.keys.Filter)
	hs.typeText("hugg")
	hs.send(keyMsg("enter"))
	if got := hs.m.list.items[0].(item).a.Title; got != arts[4].Title {
		t.Fatalf("first row %q, want the title match", got)
	}
	// The cursor was on the newest story, which matches too: a new query
	// puts it on the best match.
	if got := hs.m.list.Selected(); got != arts[4] {
		t.Fatalf("cursor on %q, want the best match", got.Title)
	}
	if v := lastLines(hs.view(), 2); !strings.Contains(v, "best match") {
		t.Fatalf("status without best match:\n%s", v)
	}
	for _, want := range []struct{ name, first string }{
		{"newest", "Story number 0"},
		{"oldest", arts[4].Title},
		{"quality", ""},
		{"heat", ""},
		{"title", arts[4].Title},
		{"provider", ""},
		{"best match", arts[4].Title},
	} {
		hs.press(hs.keys.Sort)
		v := hs.view()
		if !strings.Contains(v, "Sorted by "+want.name) {
			t.Fatalf("status after S, want %s:\n%s", want.name, lastLines(v, 2))
		}
		if want.first != "" && hs.m.list.items[0].(item).a.Title != want.first {
			t.Errorf("sort %s: first row %q, want %q", want.name, hs.m.list.items[0].(item).a.Title, want.first)
		}
	}
	if n := hs.m.list.Len(); n != 4 {
		t.Errorf("%d shown, want 4: ranking orders the matches, it adds none", n)
	}
}
