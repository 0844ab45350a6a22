package ui

import (
	"strings"
	"sync/atomic"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/config"
	"github.com/herald-reader/herald/feed"
)

// TestLoadingCounterMovesBeforeTheFirstBatch: while the loader walks a
// large tree and no batch has come, the counter shows the files found so
// far, redrawn every loadingTick; the ticks stop with the first batch
// (issue 11: it sat at "loading 0" for seconds).
func TestLoadingCounterMovesBeforeTheFirstBatch(t *testing.T) {
	var found atomic.Int64
	ch := make(chan feed.Batch)
	m := New(Options{
		Keys: config.DefaultKeyMap(), Styles: NewStyles(config.Default().Theme, config.Appearance{}),
		Layout: config.Layout{SplitAt: 100, ListShare: 0.4}, Clock: fixedClock, Opener: &fakeOpener{},
		Renderer: plainRenderer{}, Loader: ch, Found: func() int { return int(found.Load()) },
	})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 20})
	if m.loadingTick() == nil {
		t.Fatal("no tick while loading")
	}
	found.Store(1234)
	_, cmd := m.Update(loadingTickMsg{})
	if cmd == nil || !strings.Contains(m.View(), "loading: 1234 files found") {
		t.Errorf("after a tick (next %v):\n%s", cmd != nil, m.View())
	}
	m.Update(batchMsg{batch: feed.Batch{Articles: articles(3), Found: 1234}})
	if _, cmd := m.Update(loadingTickMsg{}); cmd != nil {
		t.Error("ticks go on after the first batch")
	}
	if v := m.View(); !strings.Contains(v, "3/1234") {
		t.Errorf("after the first batch:\n%s", v)
	}
}
