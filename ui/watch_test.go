package ui

import (
	"errors"
	"strings"
	"testing"

	"github.com/herald-reader/herald/feed"
)

// changed is a new version of a: same file, new pointer, as the watcher
// sends it.
func changed(a *feed.Article, title string) *feed.Article {
	c := *a
	c.Title = title
	return &c
}

func TestLiveChangesKeepCursorAndFilter(t *testing.T) {
	arts := articles(6)
	arts[4].Title = "Other news"
	hs := newHarness(t, 120, 30, arts)
	hs.press(hs.keys.Filter)
	hs.typeText("number")
	hs.press(hs.keys.Open)
	if n := hs.m.list.Len(); n != 5 {
		t.Fatalf("filter shows %d, want 5", n)
	}
	hs.press(hs.keys.Down)
	hs.press(hs.keys.Down)
	if hs.selected() != "Story number 2" {
		t.Fatalf("selected %q", hs.selected())
	}

	// A new story newer than all, the selected one rewritten, one removed.
	added := article(-1, "Story number new")
	added2 := article(7, "Unrelated arrival")
	hs.send(changeMsg{change: feed.Change{
		Added:   []*feed.Article{added, added2},
		Changed: []*feed.Article{changed(arts[2], "Story number 2 (updated)")},
		Removed: []string{arts[3].Path},
	}})
	if got := hs.selected(); got != "Story number 2 (updated)" {
		t.Errorf("after change the cursor is on %q, want the updated story 2", got)
	}
	if hs.m.filter.query != "number" {
		t.Errorf("filter dropped: %q", hs.m.filter.query)
	}
	var titles []string
	for _, it := range hs.m.list.items {
		titles = append(titles, it.(item).a.Title)
	}
	want := "Story number new|Story number 0|Story number 1|Story number 2 (updated)|Story number 5"
	if got := strings.Join(titles, "|"); got != want {
		t.Errorf("shown:\n %s\nwant\n %s", got, want)
	}
	v := hs.view()
	checkScreen(t, v, 120, 30)
	if !strings.Contains(v, "2 new") || !strings.Contains(v, "5 shown") || !strings.Contains(v, "7 articles") {
		t.Errorf("status line lacks the badge or counts:\n%s", v)
	}
	if !strings.Contains(v, "Story number 2 (updated)") {
		t.Errorf("detail pane does not show the new version:\n%s", v)
	}
	hs.press(hs.keys.Down)
	if strings.Contains(hs.view(), "2 new") {
		t.Error("badge still shown after a key press")
	}

	// The selected article itself goes: the cursor stays on its row.
	sel := hs.m.list.Selected()
	hs.send(changeMsg{change: feed.Change{Removed: []string{sel.Path}}})
	if got := hs.m.list.list.Index(); got != 3 {
		t.Errorf("cursor row after removing the selected article = %d, want 3 (the row above, now the last)", got)
	}
}

func TestLiveChangeWithoutFilterAndDirGone(t *testing.T) {
	arts := articles(4)
	hs := newHarness(t, 80, 24, arts)
	hs.press(hs.keys.Down)
	hs.send(changeMsg{change: feed.Change{Added: []*feed.Article{article(-2, "Brand new")}}})
	if hs.selected() != "Story number 1" {
		t.Errorf("cursor moved to %q", hs.selected())
	}
	if hs.m.list.Len() != 5 || hs.m.list.items[0].(item).a.Title != "Brand new" {
		t.Errorf("new article not first")
	}
	hs.send(changeMsg{change: feed.Change{DirGone: []string{"news"}, Removed: []string{arts[0].Path}}})
	v := hs.view()
	checkScreen(t, v, 80, 24)
	if !strings.Contains(v, "directory news is gone") {
		t.Errorf("gone directory not reported:\n%s", v)
	}
	hs.send(changeMsg{closed: true})
	if hs.m.watch != nil {
		t.Error("watch kept after its channel closed")
	}
}

func TestLiveChangeWaitsForLoading(t *testing.T) {
	m := New(Options{Loader: make(chan feed.Batch)}) // loading, never done
	_, cmd := m.Update(changeMsg{change: feed.Change{Added: []*feed.Article{article(1, "Early")}}})
	if cmd == nil || m.lib.Len() != 0 {
		t.Fatal("a change during loading was applied at once")
	}
}

// TestWatchThatCannotStart: a watch that could not start costs live
// updates only: nothing on the screen, no retry while loading.
func TestWatchThatCannotStart(t *testing.T) {
	hs := newHarness(t, 80, 24, articles(3))
	hs.m.watch = make(chan feed.Change)
	hs.send(changeMsg{change: feed.Change{Err: errors.New("watch news: no space left on device")}})
	if hs.m.watch != nil {
		t.Error("watch kept after it failed to start")
	}
	if v := hs.view(); strings.Contains(v, "no space") || hs.m.list.Len() != 3 {
		t.Errorf("a failed watch showed on the screen or changed the list:\n%s", v)
	}
	m := New(Options{Loader: make(chan feed.Batch), Watch: make(chan feed.Change)}) // loading, never done
	if _, cmd := m.Update(changeMsg{change: feed.Change{Err: errors.New("watch news: gone")}}); cmd != nil || m.watch != nil {
		t.Error("a watch that failed to start during loading is retried")
	}
}
