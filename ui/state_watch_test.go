package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/config"
	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/internal/state"
)

// TestSecondInstanceMarksShowUp: another Store on the same directory (a
// second herald) marks an article; the change notification makes this
// model refresh, and the counts and the row show the mark.
func TestSecondInstanceMarksShowUp(t *testing.T) {
	dir := t.TempDir()
	mine, err := state.OpenWith(dir, state.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer mine.Close()
	other, err := state.OpenWith(dir, state.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()

	arts := articles(3)
	m := New(Options{
		Keys: config.DefaultKeyMap(), Styles: NewStyles(config.Default().Theme, config.Appearance{}),
		Layout: config.Layout{SplitAt: 100, ListShare: 0.4}, Clock: fixedClock, State: mine,
	})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 20})
	m.Update(batchMsg{batch: feed.Batch{Articles: arts, Found: len(arts), Done: true}})
	if v := m.View(); !strings.Contains(v, "3 articles · 3 unread · 0 starred") {
		t.Fatalf("before:\n%s", v)
	}
	started, ok := m.stateInit(nil)().(watchStartedMsg)
	if !ok || started.err != nil {
		t.Fatalf("watch did not start: %+v", started)
	}
	_, wait := m.Update(started) // mine.Close ends the watch

	if err := other.SetStarred(arts[1].ID, true); err != nil {
		t.Fatal(err)
	}
	changed := make(chan tea.Msg, 1)
	go func() { changed <- wait() }()
	select {
	case msg := <-changed:
		if _, ok := msg.(stateChangedMsg); !ok {
			t.Fatalf("watch sent %T", msg)
		}
		_, cmd := m.Update(msg)
		// The batch holds the next wait (left blocked) and the refresh.
		for _, c := range cmd().(tea.BatchMsg) {
			go func() {
				if msg, ok := c().(stateRefreshedMsg); ok {
					changed <- msg
				}
			}()
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no change notification")
	}
	select {
	case msg := <-changed:
		m.Update(msg)
	case <-time.After(10 * time.Second):
		t.Fatal("no refresh")
	}
	if v := m.View(); !strings.Contains(v, "3 articles · 3 unread · 1 starred") || !strings.Contains(v, "★ Story number 1") {
		t.Fatalf("the other instance's star is not shown:\n%s", v)
	}
}
