package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/herald-reader/herald/config"
	"github.com/herald-reader/herald/feed/search"
)

func withSearches(ss ...config.SavedSearch) option {
	return func(o *Options) { o.Searches = ss }
}

// testSearches: "Provider 0" is stories 0 and 3 of articles(6), "Topic 1"
// stories 1 and 5.
var testSearches = []config.SavedSearch{
	{Name: "Zero", Query: `p:"Provider 0"`},
	{Name: "Topic one", Query: `t:"Topic 1"`, Sort: "oldest"},
}

// TestSavedPickerCountsAndApplies: the picker lists the searches with
// their unread counts (read and muted articles left out); open puts the
// query into the filter and applies the sort.
func TestSavedPickerCountsAndApplies(t *testing.T) {
	hs, st := stateHarness(t, 6, withSearches(testSearches...), withMute(t, "number 5"))
	if err := st.SetRead([]string{articles(6)[3].ID}, true); err != nil {
		t.Fatal(err)
	}
	hs.press(hs.keys.SavedSearches)
	if hs.m.over != savedOverlay {
		t.Fatal("no picker")
	}
	if got := hs.m.saved.unread; !slices.Equal(got, []int{1, 1}) {
		t.Errorf("unread counts = %v, want [1 1] (3 is read, 5 is muted)", got)
	}
	v := hs.view()
	for _, want := range []string{"Saved searches, with their unread articles", "1/2",
		`1  Zero       p:"Provider 0"`, `1  Topic one  t:"Topic 1", by oldest`} {
		if !strings.Contains(v, want) {
			t.Errorf("picker lacks %q:\n%s", want, v)
		}
	}
	hs.press(hs.keys.Down)
	hs.press(hs.keys.Open)
	if hs.m.over != noOverlay {
		t.Fatal("the picker stayed open")
	}
	if got := hs.m.filter.input.Value(); got != `t:"Topic 1"` {
		t.Errorf("filter = %q", got)
	}
	if hs.m.reading.sort != search.SortOldest {
		t.Errorf("sort = %v, want oldest", hs.m.reading.sort)
	}
	if got := shownTitles(hs.m); !slices.Equal(got, []string{"Story number 1"}) {
		t.Errorf("results = %q", got)
	}
	v = hs.view()
	for _, want := range []string{"Saved search: Topic one", `/t:"Topic 1"`, "by oldest"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	// Clearing the filter clears the message about it.
	hs.press(hs.keys.Back)
	if strings.Contains(hs.view(), "Saved search:") {
		t.Error("the saved search's message outlived its filter")
	}
}

// TestSavedPickerKeys: a count picks that search, a count past the end
// says so, back closes without applying, and with no searches the key
// says where they come from.
func TestSavedPickerKeys(t *testing.T) {
	hs, _ := stateHarness(t, 6, withSearches(testSearches...))
	hs.press(hs.keys.SavedSearches)
	hs.typeText("3")
	hs.press(hs.keys.Open)
	if v := hs.view(); !strings.Contains(v, "No saved search 3: there are 2.") || hs.m.over != savedOverlay {
		t.Errorf("count past the end:\n%s", v)
	}
	hs.press(hs.keys.Back)
	if hs.m.over != noOverlay || hs.m.filter.query != "" {
		t.Errorf("back: overlay %d, filter %q", hs.m.over, hs.m.filter.query)
	}
	hs.press(hs.keys.SavedSearches)
	hs.typeText("1")
	hs.press(hs.keys.Open)
	if got := hs.m.filter.query; got != `p:"Provider 0"` {
		t.Errorf("1 enter applied %q", got)
	}
	if hs.m.reading.sort != search.SortRelevance { // the default
		t.Errorf("a search without a sort changed it to %v", hs.m.reading.sort)
	}

	none, _ := stateHarness(t, 2)
	none.press(none.keys.SavedSearches)
	if v := none.view(); none.m.over != noOverlay || !strings.Contains(v, "No saved searches") {
		t.Errorf("no searches:\n%s", v)
	}
}
