package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/feed"
)

func TestNavigationMovesCursorAndDetailFollows(t *testing.T) {
	hs := newHarness(t, 120, 40, articles(30))
	if got := hs.selected(); got != "Story number 0" {
		t.Fatalf("first selection = %q", got)
	}
	hs.press(hs.keys.Down)
	hs.press(hs.keys.Down)
	if got := hs.selected(); got != "Story number 2" {
		t.Fatalf("after two downs = %q", got)
	}
	if !strings.Contains(hs.view(), "Body of story 2.") {
		t.Fatalf("detail does not follow the cursor:\n%s", hs.view())
	}
	hs.press(hs.keys.Up)
	if got := hs.selected(); got != "Story number 1" {
		t.Fatalf("after up = %q", got)
	}
	hs.press(hs.keys.Bottom)
	if got := hs.selected(); got != "Story number 29" {
		t.Fatalf("bottom = %q", got)
	}
	hs.press(hs.keys.Top)
	hs.press(hs.keys.PageDown)
	per := hs.m.list.list.Paginator.PerPage
	if got, want := hs.m.list.list.Index(), per; got != want {
		t.Fatalf("page down: index %d, want %d", got, want)
	}
	if !strings.Contains(hs.view(), "2/") {
		t.Errorf("page position not shown:\n%s", hs.view())
	}
}

func TestFocusAndScroll(t *testing.T) {
	long := article(0, "Long one")
	long.Detail.Body = strings.Repeat("Paragraph line.\n\n", 80)
	hs := newHarness(t, 120, 40, []*feed.Article{long, article(1, "Short")})
	hs.press(hs.keys.Focus)
	if hs.m.focus != focusDetail {
		t.Fatal("tab does not focus the detail")
	}
	hs.press(hs.keys.Down)
	hs.press(hs.keys.Down)
	if hs.m.detail.vp.YOffset != 2 {
		t.Fatalf("detail scroll = %d, want 2", hs.m.detail.vp.YOffset)
	}
	if hs.selected() != "Long one" {
		t.Fatal("scrolling the detail moved the list cursor")
	}
	hs.press(hs.keys.Bottom)
	if !hs.m.detail.vp.AtBottom() {
		t.Fatal("bottom does not scroll to the end")
	}
	hs.press(hs.keys.Focus)
	if hs.m.focus != focusList {
		t.Fatal("tab does not return to the list")
	}
}

func TestNarrowEnterOpensEscReturns(t *testing.T) {
	hs := newHarness(t, 80, 24, articles(5))
	if hs.m.layout.Split {
		t.Fatal("80 columns should not split")
	}
	if strings.Contains(hs.view(), "Body of story 0.") {
		t.Fatal("narrow layout shows the detail before enter")
	}
	hs.press(hs.keys.Open)
	if !strings.Contains(hs.view(), "Body of story 0.") {
		t.Fatalf("enter does not show the article:\n%s", hs.view())
	}
	hs.press(hs.keys.Back)
	if !strings.Contains(hs.view(), "Story number 4") {
		t.Fatalf("esc does not return to the list:\n%s", hs.view())
	}
}

func TestResizeReflows(t *testing.T) {
	hs := newHarness(t, 80, 24, articles(5))
	hs.send(tea.WindowSizeMsg{Width: 160, Height: 50})
	v := hs.view()
	checkScreen(t, v, 160, 50)
	if !hs.m.layout.Split || !strings.Contains(v, "Body of story 0.") {
		t.Fatalf("wide resize does not show both panes:\n%s", v)
	}
	hs.send(tea.WindowSizeMsg{Width: 40, Height: 10})
	checkScreen(t, hs.view(), 40, 10)
}

func TestOpenArticleInBrowser(t *testing.T) {
	a := article(0, "Has both URLs")
	a.OriginalURL = "https://original.example/a"
	hs := newHarness(t, 120, 40, []*feed.Article{a})
	hs.press(hs.keys.OpenBrowser)
	if got := hs.opener.urls(); len(got) != 1 || got[0] != "https://original.example/a" {
		t.Fatalf("opened %v, want the originalUrl", got)
	}
	if !strings.Contains(hs.view(), "Opened https://original.example/a") {
		t.Fatalf("status does not confirm:\n%s", hs.view())
	}
}

func TestRefusedURLShowsInStatus(t *testing.T) {
	a := article(0, "Bad URL")
	a.WebURL = "javascript:alert(1)"
	hs := newHarness(t, 120, 40, []*feed.Article{a})
	hs.press(hs.keys.OpenBrowser)
	if got := hs.opener.urls(); len(got) != 0 {
		t.Fatalf("refused URL was opened: %v", got)
	}
	if !strings.Contains(hs.view(), "refused URL") {
		t.Fatalf("refusal not in the status line:\n%s", hs.view())
	}
}

func TestNumberedLinkOpensBrowser(t *testing.T) {
	a := article(0, "Links")
	a.Detail.Related = []feed.Related{{Title: "Elsewhere", WebURL: "https://elsewhere.example/x"}}
	hs := newHarness(t, 120, 40, []*feed.Article{a})
	links := hs.m.detail.links
	var n int
	for _, l := range links {
		if l.URL == "https://elsewhere.example/x" {
			n = l.N
		}
	}
	if n == 0 {
		t.Fatalf("related link not numbered: %+v", links)
	}
	hs.openLink(n)
	if got := hs.opener.urls(); len(got) != 1 || got[0] != "https://elsewhere.example/x" {
		t.Fatalf("opened %v", got)
	}
}

func TestRelatedStoryJumpsInsideAndBack(t *testing.T) {
	arts := articles(10)
	relate(arts[0], arts[7])
	hs := newHarness(t, 120, 40, arts)
	n := linkTo(t, hs, arts[7].WebURL)
	hs.openLink(n)
	if got := hs.opener.urls(); len(got) != 0 {
		t.Fatalf("a related story in the library went to the browser: %v", got)
	}
	if hs.selected() != "Story number 7" {
		t.Fatalf("jump selected %q", hs.selected())
	}
	if !strings.Contains(hs.view(), "Body of story 7.") {
		t.Fatal("detail does not show the related story")
	}
	hs.press(hs.keys.HistoryBack)
	if hs.selected() != "Story number 0" {
		t.Fatalf("back selected %q", hs.selected())
	}
	hs.press(hs.keys.HistoryBack)
	if !strings.Contains(hs.view(), "Nothing to go back to") {
		t.Fatal("empty history not reported")
	}
}

func TestLinkPicker(t *testing.T) {
	arts := articles(3)
	relate(arts[0], arts[2])
	hs := newHarness(t, 120, 40, arts)
	hs.press(hs.keys.LinkPicker)
	v := hs.view()
	if hs.m.over != linksOverlay || !strings.Contains(v, "Links") || !strings.Contains(v, arts[2].WebURL) {
		t.Fatalf("picker not shown:\n%s", v)
	}
	// Choose the related story with the cursor and enter.
	n := linkTo(t, hs, arts[2].WebURL)
	for i := 1; i < n; i++ {
		hs.press(hs.keys.Down)
	}
	hs.press(hs.keys.Open)
	if hs.m.over != noOverlay || hs.selected() != "Story number 2" {
		t.Fatalf("picker enter: overlay %v, selected %q", hs.m.over, hs.selected())
	}
	// A digit alone opens nothing; a count then enter opens that link
	// (the article's own URL is 1).
	hs.press(hs.keys.LinkPicker)
	hs.send(keyMsg("1"))
	if got := hs.opener.urls(); len(got) != 0 || hs.m.over != linksOverlay {
		t.Fatalf("a digit alone in the picker opened %v (overlay %v)", got, hs.m.over)
	}
	hs.press(hs.keys.Open)
	if got := hs.opener.urls(); len(got) != 1 {
		t.Fatalf("1 enter in picker opened %v", got)
	}
}

func linkTo(t *testing.T, hs *harness, url string) int {
	t.Helper()
	for _, l := range hs.m.detail.links {
		if l.URL == url {
			return l.N
		}
	}
	t.Fatalf("no link to %s in %+v", url, hs.m.detail.links)
	return 0
}

func TestFilterGuardsGlobalKeys(t *testing.T) {
	arts := articles(20)
	arts[5].Title = "Quantum queue"
	hs := newHarness(t, 120, 40, arts)
	hs.press(hs.keys.Filter)
	hs.typeText("qu")
	if hs.quit {
		t.Fatal("q quit while typing in the filter")
	}
	hs.typeText("antum")
	if got := hs.m.list.Len(); got != 1 || hs.selected() != "Quantum queue" {
		t.Fatalf("filter shows %d, selected %q", got, hs.selected())
	}
	if !strings.Contains(hs.view(), "/quantum") {
		t.Fatalf("filter text not shown:\n%s", hs.view())
	}
	hs.press(hs.keys.Open) // accept
	hs.press(hs.keys.Quit)
	if !hs.quit {
		t.Fatal("q does not quit once the filter is accepted")
	}
}

func TestFilterEscRestoresAndCtrlCQuits(t *testing.T) {
	hs := newHarness(t, 120, 40, articles(20))
	hs.press(hs.keys.Down)
	hs.press(hs.keys.Filter)
	hs.typeText("number 1")
	if hs.m.list.Len() >= 20 {
		t.Fatalf("filter did not narrow: %d", hs.m.list.Len())
	}
	hs.press(hs.keys.Back)
	if hs.m.list.Len() != 20 || hs.m.filter.active {
		t.Fatalf("esc: %d shown, active %v", hs.m.list.Len(), hs.m.filter.active)
	}
	hs.press(hs.keys.Filter)
	hs.press(hs.keys.ForceQuit)
	if !hs.quit {
		t.Fatal("ctrl+c does not quit while filtering")
	}
}

func TestStaleFilterResultDropped(t *testing.T) {
	hs := newHarness(t, 120, 40, articles(20))
	hs.press(hs.keys.Filter)
	// Type without running the match commands, then deliver an old result.
	hs.m.Update(keyMsg("x"))
	old := hs.m.filter.gen
	hs.m.Update(keyMsg("y"))
	hs.send(filterResultMsg{gen: old, articles: nil})
	if hs.m.list.Len() != 20 {
		t.Fatalf("stale filter result applied: %d shown", hs.m.list.Len())
	}
}

// TestTypingOnCancelsTheSearchBefore: the search of a keystroke the user
// has typed past gives up and sends nothing (at a million articles such
// searches would share the cores with the one the user waits for); the
// last keystroke's search shows its results.
func TestTypingOnCancelsTheSearchBefore(t *testing.T) {
	hs := newHarness(t, 120, 40, articles(20))
	hs.press(hs.keys.Filter)
	_, first := hs.m.Update(keyMsg("1"))
	_, second := hs.m.Update(keyMsg("2"))
	var results int
	deliver(hs.m, first, func(msg tea.Msg) bool {
		_, ok := msg.(filterResultMsg)
		results += map[bool]int{true: 1}[ok]
		return false
	})
	if results != 0 {
		t.Fatalf("the search typed past sent %d results; want it cancelled", results)
	}
	hs.run(second)
	if got := hs.m.list.Len(); got != 1 || !strings.Contains(hs.selected(), "12") {
		t.Fatalf("after typing 12: %d shown, selected %q; want story 12 alone", got, hs.selected())
	}
}

// TestSlowSearchSaysSearching: a search that runs past SearchingAfter
// puts "searching…" in the status line in place of the last query's count
// (which no longer describes the list's future); its result puts the new
// count back.
func TestSlowSearchSaysSearching(t *testing.T) {
	hs := newHarness(t, 120, 40, articles(20), func(o *Options) { o.SearchingAfter = time.Millisecond })
	hs.press(hs.keys.Filter)
	hs.typeText("number ")
	if v := hs.view(); !strings.Contains(v, "20 shown") || strings.Contains(v, "searching") {
		t.Fatalf("after a quick search: want 20 shown:\n%s", v)
	}
	_, cmd := hs.m.Update(keyMsg("1"))
	var msgs []tea.Msg
	deliver(hs.m, cmd, func(msg tea.Msg) bool { msgs = append(msgs, msg); return false })
	var result, slow tea.Msg
	for _, msg := range msgs {
		switch msg.(type) {
		case filterResultMsg:
			result = msg
		case searchSlowMsg:
			slow = msg
		}
	}
	if result == nil || slow == nil {
		t.Fatalf("a keystroke's commands sent %v; want a result and a slow-search notice", msgs)
	}
	hs.send(slow) // the search is still running
	if v := hs.view(); !strings.Contains(v, "searching") || strings.Contains(v, "20 shown") {
		t.Fatalf("a slow search: want searching in place of the old count:\n%s", v)
	}
	hs.send(result)
	if v := hs.view(); strings.Contains(v, "searching") || strings.Contains(v, "20 shown") || !strings.Contains(v, " shown") {
		t.Fatalf("the result of number 1: want its count and no searching:\n%s", v)
	}
	hs.send(slow) // late: its search is done
	if v := hs.view(); strings.Contains(v, "searching") {
		t.Fatalf("a notice after its result brought searching back:\n%s", v)
	}
}

func TestStaleRenderDropped(t *testing.T) {
	hs := newHarness(t, 120, 40, articles(5))
	_, cmd := hs.m.Update(keyMsg(hs.keys.Down.Keys()[0]))
	moved := cmd().(cursorMovedMsg)
	_, renderCmd := hs.m.Update(moved)
	// The user moves on before the render lands.
	hs.m.Update(keyMsg(hs.keys.Down.Keys()[0]))
	hs.m.Update(cursorMovedMsg{article: hs.m.list.Selected()})
	hs.run(renderCmd)
	if !strings.Contains(hs.view(), "Body of story 2.") || strings.Contains(hs.view(), "Body of story 1.") {
		t.Fatalf("stale render shown:\n%s", hs.view())
	}
}

func TestQuitAndHelp(t *testing.T) {
	hs := newHarness(t, 120, 40, articles(3))
	hs.press(hs.keys.Help)
	v := hs.view()
	for _, want := range []string{"Keys", "open in browser", "jump back", "switch pane"} {
		if !strings.Contains(v, want) {
			t.Errorf("help lacks %q:\n%s", want, v)
		}
	}
	if !strings.Contains(v, "toggle read") {
		t.Error("help lacks the reading-state keys")
	}
	hs.press(hs.keys.Back)
	if hs.m.over != noOverlay {
		t.Fatal("esc does not close help")
	}
	hs.press(hs.keys.Quit)
	if !hs.quit {
		t.Fatal("q does not quit")
	}
}

func TestLinkKeyWaitsForRender(t *testing.T) {
	arts := articles(3)
	hs := newHarness(t, 120, 40, arts)
	_, cmd := hs.m.Update(keyMsg(hs.keys.Down.Keys()[0]))
	_, renderCmd := hs.m.Update(cmd().(cursorMovedMsg))
	// The user presses 1 before the render (which numbers the links) lands.
	hs.openLink(1)
	if got := hs.opener.urls(); len(got) != 0 {
		t.Fatalf("opened before the render: %v", got)
	}
	hs.run(renderCmd)
	if got := hs.opener.urls(); len(got) != 1 || got[0] != arts[1].WebURL {
		t.Fatalf("after the render opened %v, want %s", got, arts[1].WebURL)
	}
	// The picker waits the same way; moving on drops the wait.
	_, cmd = hs.m.Update(keyMsg(hs.keys.Down.Keys()[0]))
	_, renderCmd = hs.m.Update(cmd().(cursorMovedMsg))
	hs.send(keyMsg(hs.keys.LinkPicker.Keys()[0]))
	hs.run(renderCmd)
	if hs.m.over != linksOverlay {
		t.Fatal("picker did not open once rendered")
	}
}

// countingRenderer counts renders; the delays must spare the ones the
// user never looked at.
type countingRenderer struct {
	plainRenderer
	n *int
}

func (c countingRenderer) Render(md string, width int) (string, error) {
	*c.n++
	return c.plainRenderer.Render(md, width)
}

func TestDelaysSkipArticlesPassedQuickly(t *testing.T) {
	var renders int
	hs := newHarness(t, 120, 40, articles(10), withRenderer(countingRenderer{n: &renders}),
		func(o *Options) { o.FollowDelay, o.RenderDelay = time.Millisecond, time.Millisecond })
	if renders != 1 {
		t.Fatalf("first article: %d renders", renders)
	}
	down := keyMsg(hs.keys.Down.Keys()[0])
	// Three quick presses: the commands run only afterwards, as when the
	// key repeats faster than the delays.
	var cmds []tea.Cmd
	for i := 0; i < 3; i++ {
		_, cmd := hs.m.Update(down)
		cmds = append(cmds, cmd)
	}
	if strings.Contains(hs.view(), "Body of story 3.") {
		t.Fatal("detail followed before its delay")
	}
	for _, c := range cmds {
		hs.run(c)
	}
	if renders != 2 {
		t.Fatalf("%d renders after passing two articles quickly, want 2", renders)
	}
	if !strings.Contains(hs.view(), "Body of story 3.") {
		t.Fatalf("detail does not show where the cursor rests:\n%s", hs.view())
	}
}
