package ui

import (
	"bytes"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/herald-reader/herald/config"
	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/internal/demo"
)

// End-to-end flows through a real Bubble Tea program (teatest): the
// runtime delivers messages and runs commands concurrently, as in herald.
// The final model's View is snapshotted, not the byte stream, which
// depends on the renderer's timing.

// flowModel is a model like herald's, loading arts in batches of three.
func flowModel(t *testing.T, arts []*feed.Article, opener *fakeOpener) *Model {
	ch := make(chan feed.Batch, len(arts))
	for i := 0; i < len(arts); i += 3 {
		end := min(i+3, len(arts))
		ch <- feed.Batch{Articles: arts[i:end], Found: len(arts), Done: end == len(arts)}
	}
	close(ch)
	return New(Options{
		Keys:     config.DefaultKeyMap(),
		Styles:   NewStyles(config.Default().Theme, config.Appearance{}),
		Layout:   config.Layout{SplitAt: 100, ListShare: 0.4},
		Dates:    config.Dates{Relative: true},
		Clock:    fixedClock,
		Opener:   opener,
		Renderer: realRenderer(t),
		Loader:   ch,
		Detail:   func(a *feed.Article) (*feed.Article, error) { return a, nil },
	})
}

func waitFor(t *testing.T, tm *teatest.TestModel, text string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte(text))
	}, teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
}

func press(tm *teatest.TestModel, name string) { tm.Send(keyMsg(name)) }

func finalView(t *testing.T, tm *teatest.TestModel) string {
	t.Helper()
	m := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*Model)
	return m.View()
}

// TestFlowRelatedJumpAndBack: narrow screen, open an article, follow a
// related story that is in the library, come back, quit.
func TestFlowRelatedJumpAndBack(t *testing.T) {
	keys := config.DefaultKeyMap()
	opener := &fakeOpener{refuse: refuseNonHTTPS}
	tm := teatest.NewTestModel(t, flowModel(t, goldenArticles(), opener), teatest.WithInitialTermSize(80, 24))
	waitFor(t, tm, "8 articles")
	press(tm, keys.Down.Keys()[0])
	press(tm, keys.Open.Keys()[0])
	waitFor(t, tm, "5 links")
	tm.Type("3o") // [3] is the related story in the library
	waitFor(t, tm, "goes back")
	press(tm, keys.HistoryBack.Keys()[0])
	waitFor(t, tm, "Back:")
	press(tm, keys.Quit.Keys()[0])
	v := finalView(t, tm)
	if len(opener.urls()) != 0 {
		t.Errorf("browser opened %v", opener.urls())
	}
	if !strings.Contains(v, "Hospitals adopt AI triage") {
		t.Errorf("not back on the first article:\n%s", v)
	}
	golden.RequireEqual(t, v)
}

// TestFlowFilterAndOpen: filter, accept, open the match in the browser,
// then try an outside link that the opener refuses.
func TestFlowFilterAndOpen(t *testing.T) {
	keys := config.DefaultKeyMap()
	opener := &fakeOpener{refuse: refuseNonHTTPS}
	arts := goldenArticles()
	arts[2].Detail.Related = []feed.Related{{Title: "Plain HTTP", WebURL: "http://plain.example/x"}}
	tm := teatest.NewTestModel(t, flowModel(t, arts, opener), teatest.WithInitialTermSize(120, 40))
	waitFor(t, tm, "8 articles")
	press(tm, keys.Filter.Keys()[0])
	tm.Type("chip")
	waitFor(t, tm, "1 shown")
	press(tm, keys.Quit.Keys()[0]) // typed into the filter, must not quit
	press(tm, keys.Back.Keys()[0]) // clears it again
	waitFor(t, tm, "8 articles")
	press(tm, keys.Filter.Keys()[0])
	tm.Type("chip")
	waitFor(t, tm, "1 shown")
	press(tm, keys.Open.Keys()[0])
	press(tm, keys.OpenBrowser.Keys()[0])
	waitFor(t, tm, "Opened")
	press(tm, keys.LinkPicker.Keys()[0])
	waitFor(t, tm, "http://plain.example/x")
	tm.Type("3o")
	waitFor(t, tm, "refused")
	press(tm, keys.Quit.Keys()[0])
	v := finalView(t, tm)
	if got := opener.urls(); len(got) != 1 || got[0] != "https://news.example/story-2" {
		t.Errorf("opened %v", got)
	}
	golden.RequireEqual(t, v)
}

// TestFlowDemoLibrary: the embedded demo through the real loader, as
// `herald` with no directory shows it.
func TestFlowDemoLibrary(t *testing.T) {
	ch := feed.Stream(t.Context(), []feed.Source{feed.FS(demo.FS(), "demo")}, feed.Options{}).Batches()
	keys := config.DefaultKeyMap()
	m := New(Options{
		Keys: keys, Styles: NewStyles(config.Default().Theme, config.Appearance{}),
		Clock: time.Now, Renderer: realRenderer(t), Loader: ch, Opener: &fakeOpener{},
	})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30))
	waitFor(t, tm, "Welcome to Herald")
	press(tm, keys.Help.Keys()[0])
	waitFor(t, tm, "closes this help")
	press(tm, keys.Back.Keys()[0])
	press(tm, keys.Quit.Keys()[0])
	v := finalView(t, tm)
	checkScreen(t, v, 100, 30)
	if !strings.Contains(v, " articles") || strings.Contains(v, "skipped") {
		t.Errorf("demo did not load cleanly:\n%s", v)
	}
	if n := m.lib.Len(); n < 15 || n > 30 {
		t.Errorf("demo has %d articles, want 15 to 30", n)
	}
}

var _ tea.Model = (*Model)(nil)
