package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/herald-reader/herald/config"
	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/ui/find"
)

// needleArticles: the first article is long, with "needle" in paragraphs
// 10, 30 (in capitals) and 50, each far from the others.
func needleArticles() []*feed.Article {
	arts := articles(3)
	var b strings.Builder
	for i := 1; i <= 60; i++ {
		switch i {
		case 10, 50:
			fmt.Fprintf(&b, "A needle in paragraph %d.\n\n", i)
		case 30:
			fmt.Fprintf(&b, "A NEEDLE in paragraph %d.\n\n", i)
		default:
			fmt.Fprintf(&b, "Paragraph %d of the story.\n\n", i)
		}
	}
	arts[0].Detail.Body = b.String()
	return arts
}

// openNeedle opens the first of needleArticles in one pane, 80x24.
func openNeedle(t *testing.T) *harness {
	t.Helper()
	hs := newHarness(t, 80, 24, needleArticles())
	hs.press(hs.keys.Open)
	if hs.m.focus != focusDetail || !hs.m.detail.ready {
		t.Fatal("the article is not open")
	}
	return hs
}

// header is the detail pane's header line (the pane fills the screen).
func header(hs *harness) string { return strings.Split(hs.view(), "\n")[0] }

// onScreen reports whether the screen shows text.
func onScreen(hs *harness, text string) bool { return strings.Contains(hs.view(), text) }

func TestArticleSearchAsYouType(t *testing.T) {
	hs := openNeedle(t)
	hs.press(hs.keys.Find)
	if !hs.m.detail.search.active || hs.m.filter.active {
		t.Fatal("find in the article opened the list's filter")
	}
	hs.typeText("nee")
	if h := header(hs); !strings.Contains(h, "/nee") || !strings.Contains(h, "match 1/3") {
		t.Errorf("header while typing: %q", h)
	}
	if !onScreen(hs, "needle in paragraph 10") {
		t.Error("the first match is not scrolled into view")
	}
	hs.typeText("dlex")
	if h := header(hs); !strings.Contains(h, "no match") {
		t.Errorf("header with no match: %q", h)
	}
	if hs.m.detail.vp.YOffset != 0 {
		t.Errorf("no match left the pane at line %d, want where it was (0)", hs.m.detail.vp.YOffset)
	}
	hs.send(keyMsg("backspace"))
	if h := header(hs); !strings.Contains(h, "match 1/3") {
		t.Errorf("header after backspace: %q", h)
	}
	// Digits and letters bound to actions are text in the prompt.
	hs.typeText(" 3q")
	if hs.quit || hs.m.detail.search.query != "needle 3q" {
		t.Errorf("typing in the prompt: quit %v, query %q", hs.quit, hs.m.detail.search.query)
	}
}

// TestArticleSearchStartsFromTheScreen: typing finds the first match from
// the top of the screen on, not from the top of the article.
func TestArticleSearchStartsFromTheScreen(t *testing.T) {
	hs := openNeedle(t)
	hs.typeText("80")
	hs.press(hs.keys.Down)
	hs.press(hs.keys.Find)
	hs.typeText("needle")
	if h := header(hs); !strings.Contains(h, "match 3/3") {
		t.Errorf("searching from line 80: %q", h)
	}
}

func TestArticleSearchNextAndPreviousWrap(t *testing.T) {
	hs := openNeedle(t)
	hs.press(hs.keys.Find)
	hs.typeText("needle")
	hs.press(hs.keys.Open)
	if hs.m.detail.search.active || hs.m.focus != focusDetail {
		t.Fatal("enter did not return to reading")
	}
	steps := []struct {
		key     string
		want    string
		shown   string
		wrapped string
	}{
		{"n", "match 2/3", "NEEDLE in paragraph 30", ""},
		{"n", "match 3/3", "needle in paragraph 50", ""},
		{"n", "match 1/3", "needle in paragraph 10", "search wrapped to the top"},
		{"N", "match 3/3", "needle in paragraph 50", "search wrapped to the bottom"},
		{"N", "match 2/3", "NEEDLE in paragraph 30", ""},
		{"2n", "match 1/3", "needle in paragraph 10", "search wrapped to the top"},
	}
	for _, st := range steps {
		hs.m.status.clear()
		count, k := st.key[:len(st.key)-1], st.key[len(st.key)-1:]
		hs.typeText(count)
		b := hs.keys.NextMatch
		if k == "N" {
			b = hs.keys.PrevMatch
		}
		hs.press(b)
		if h := header(hs); !strings.Contains(h, st.want) {
			t.Errorf("%s: header %q, want %q", st.key, h, st.want)
		}
		if !onScreen(hs, st.shown) {
			t.Errorf("%s: %q is not on screen", st.key, st.shown)
		}
		if hs.m.status.text != st.wrapped {
			t.Errorf("%s: status %q, want %q", st.key, hs.m.status.text, st.wrapped)
		}
	}
}

// TestArticleSearchStepsFromTheScreen: after scrolling away from the
// current match, n finds the first match from the top of the screen.
func TestArticleSearchStepsFromTheScreen(t *testing.T) {
	hs := openNeedle(t)
	hs.press(hs.keys.Find)
	hs.typeText("needle")
	hs.press(hs.keys.Open)
	hs.press(hs.keys.Bottom)
	hs.press(hs.keys.PrevMatch)
	if h := header(hs); !strings.Contains(h, "match 3/3") {
		t.Errorf("N from the bottom: %q", h)
	}
	hs.press(hs.keys.Top)
	hs.typeText("45")
	hs.press(hs.keys.Down)
	hs.press(hs.keys.Top) // back at the top: match 3 is off screen
	hs.press(hs.keys.NextMatch)
	if h := header(hs); !strings.Contains(h, "match 1/3") || hs.m.status.text != "" {
		t.Errorf("n from the top: %q, status %q", h, hs.m.status.text)
	}
}

func TestArticleSearchEsc(t *testing.T) {
	hs := openNeedle(t)
	hs.typeText("5")
	hs.press(hs.keys.Down)
	hs.press(hs.keys.Find)
	hs.typeText("needle in paragraph 50")
	if hs.m.detail.vp.YOffset <= 5 {
		t.Fatal("the match did not scroll the pane")
	}
	hs.press(hs.keys.Back)
	if d := hs.m.detail; d.search.active || d.search.q != nil || d.vp.YOffset != 5 || hs.m.focus != focusDetail {
		t.Errorf("esc while typing: active %v, search %v, offset %d (want 5), focus %v",
			d.search.active, d.search.q, d.vp.YOffset, hs.m.focus)
	}
	if h := header(hs); strings.Contains(h, "match") {
		t.Errorf("header after esc: %q", h)
	}

	// A kept search: esc clears it first, the next one leaves the pane.
	hs.press(hs.keys.Find)
	hs.typeText("needle")
	hs.press(hs.keys.Open)
	hs.press(hs.keys.Back)
	if hs.m.detail.search.q != nil || hs.m.focus != focusDetail {
		t.Fatalf("esc with a kept search: search %v, focus %v", hs.m.detail.search.q, hs.m.focus)
	}
	if onScreen(hs, "/needle") {
		t.Error("the cleared search is still in the header")
	}
	hs.press(hs.keys.Back)
	if hs.m.focus != focusList {
		t.Error("esc without a search did not go back to the list")
	}
}

func TestArticleSearchNoMatch(t *testing.T) {
	hs := openNeedle(t)
	hs.press(hs.keys.NextMatch)
	if want := "no search: / searches the article"; hs.m.status.text != want {
		t.Errorf("n with no search: status %q, want %q", hs.m.status.text, want)
	}
	hs.press(hs.keys.Find)
	hs.typeText("haystack")
	hs.press(hs.keys.Open)
	if h := header(hs); !strings.Contains(h, "/haystack") || !strings.Contains(h, "no match") {
		t.Errorf("header: %q", h)
	}
	hs.press(hs.keys.NextMatch)
	if want := `no match for "haystack"`; hs.m.status.text != want {
		t.Errorf("n with no match: status %q, want %q", hs.m.status.text, want)
	}
	// Enter on an empty prompt keeps no search.
	hs.press(hs.keys.Find)
	for range "haystack" {
		hs.send(keyMsg("backspace"))
	}
	hs.press(hs.keys.Open)
	if h := header(hs); hs.m.detail.search.q != nil || strings.Contains(h, "match") || strings.Contains(h, "/") {
		t.Errorf("an emptied search is kept: %q", h)
	}
}

func TestArticleSearchClearedByAnotherArticle(t *testing.T) {
	hs := newHarness(t, 120, 40, needleArticles())
	hs.press(hs.keys.Focus)
	hs.press(hs.keys.Find)
	hs.typeText("needle")
	hs.press(hs.keys.Open)
	if !strings.Contains(hs.view(), "match 1/3") {
		t.Fatal("no search to clear")
	}
	hs.press(hs.keys.Focus)
	hs.press(hs.keys.Down)
	if v := hs.view(); strings.Contains(v, "match") || strings.Contains(v, "/needle") || hs.m.detail.search.q != nil {
		t.Error("the search outlived its article")
	}
	// With the prompt open (another article comes when the shown one's
	// file changes), it stays open, keys typed go on being text, but
	// empty.
	hs.press(hs.keys.Focus)
	hs.press(hs.keys.Find)
	hs.typeText("story")
	hs.run(hs.m.detail.show(hs.m.lib.arts[2]))
	if s := hs.m.detail.search; !s.active || s.query != "" || s.input.Value() != "" || s.matches != nil {
		t.Errorf("prompt after the article changed: active %v, query %q", s.active, s.query)
	}
}

// TestArticleSearchKeepsToTheDetailPane: in the list, the key filters;
// n and N do nothing there.
func TestArticleSearchKeepsToTheDetailPane(t *testing.T) {
	hs := newHarness(t, 120, 40, needleArticles())
	hs.press(hs.keys.NextMatch)
	if hs.m.status.text != "" {
		t.Errorf("n in the list: %q", hs.m.status.text)
	}
	hs.press(hs.keys.Find)
	if !hs.m.filter.active || hs.m.detail.search.active {
		t.Error("/ in the list did not open the filter")
	}
}

// TestArticleSearchFindUnbound: with find disabled, / in the article pane
// filters the list as before.
func TestArticleSearchFindUnbound(t *testing.T) {
	keys := config.DefaultKeyMap()
	keys.Find.SetKeys()
	keys.Find.SetEnabled(false)
	hs := newHarness(t, 120, 40, needleArticles(), func(o *Options) { o.Keys = keys })
	hs.keys = keys
	hs.press(hs.keys.Focus)
	hs.press(hs.keys.Filter)
	if !hs.m.filter.active || hs.m.focus != focusList {
		t.Error("/ did not filter")
	}
}

// TestArticleSearchSurvivesRerender: a new width renders the article
// again; the search is found in the new lines.
func TestArticleSearchSurvivesRerender(t *testing.T) {
	hs := openNeedle(t)
	hs.press(hs.keys.Find)
	hs.typeText("needle")
	hs.press(hs.keys.Open)
	hs.press(hs.keys.NextMatch)
	hs.send(tea.WindowSizeMsg{Width: 90, Height: 30})
	if h := header(hs); !strings.Contains(h, "match 2/3") {
		t.Errorf("after a resize: %q", h)
	}
}

// TestArticleSearchMarks: every match is in the match style, the current
// one in its own, with the marker in its line's margin; the text is
// unchanged.
func TestArticleSearchMarks(t *testing.T) {
	withColor(t)
	hs := newHarness(t, 80, 40, needleArticles(), withRenderer(realRenderer(t)), func(o *Options) {
		o.Styles = NewStyles(config.Default().Theme, config.Appearance{Color: true})
	})
	hs.press(hs.keys.Open)
	hs.press(hs.keys.Find)
	hs.typeText("paragraph 1")
	hs.press(hs.keys.Open)
	hs.press(hs.keys.NextMatch)
	s := hs.m.styles
	on, cur := sgrOf(s.Match), sgrOf(s.CurrentMatch)
	if on == "" || cur == "" || on == cur {
		t.Fatalf("styles do not tell the current match apart: %q %q", on, cur)
	}
	v := hs.view()
	if got := strings.Count(v, cur+"paragraph 1"); got != 1 {
		t.Errorf("current match marked %d times, want 1", got)
	}
	if got := strings.Count(v, on+"Paragraph 1") + strings.Count(v, on+"paragraph 1"); got < 3 {
		t.Errorf("other matches marked %d times, want 3 or more", got)
	}
	marked := ""
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, cur) {
			marked = find.Plain(l)
		}
	}
	if !strings.HasPrefix(marked, s.MarkerGlyph+" A needle in paragraph 10.") {
		t.Errorf("current match's line: %q", marked)
	}
	for i, l := range hs.m.detail.lines {
		if strings.Contains(l, on) || strings.Contains(l, cur) {
			t.Fatalf("marks leaked into the pane's lines at %d: %q", i, l)
		}
	}
}

// TestGoldenArticleSearch: the prompt while typing, and the second of two
// matches after enter and n, its line marked in the margin.
func TestGoldenArticleSearch(t *testing.T) {
	for _, st := range []struct {
		name string
		w, h int
		keys func(hs *harness)
	}{
		{"typing-120x40", 120, 40, func(hs *harness) { hs.press(hs.keys.Find); hs.typeText("poi") }},
		{"next-80x24", 80, 24, func(hs *harness) {
			hs.press(hs.keys.Find)
			hs.typeText("point")
			hs.press(hs.keys.Open)
			hs.press(hs.keys.NextMatch)
		}},
		{"next-120x40", 120, 40, func(hs *harness) {
			hs.press(hs.keys.Find)
			hs.typeText("point")
			hs.press(hs.keys.Open)
			hs.press(hs.keys.NextMatch)
		}},
	} {
		t.Run(st.name, func(t *testing.T) {
			hs := newHarness(t, st.w, st.h, goldenArticles(), withRenderer(realRenderer(t)))
			hs.press(hs.keys.Down)
			if hs.m.layout.Split {
				hs.press(hs.keys.Focus)
			} else {
				hs.press(hs.keys.Open)
			}
			st.keys(hs)
			v := hs.view()
			checkScreen(t, v, st.w, st.h)
			golden.RequireEqual(t, v)
		})
	}
}

// TestArticleSearchRunesTogether: "/needle" read in one message (typed
// fast, over ssh) opens the prompt and searches the rest as its text.
func TestArticleSearchRunesTogether(t *testing.T) {
	hs := openNeedle(t)
	hs.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/needle")})
	if h := header(hs); !strings.Contains(h, "/needle") || !strings.Contains(h, "match 1/3") {
		t.Errorf("header: %q", h)
	}
}

// TestArticleSearchPromptHoldsTheMouse: a click in the list while the
// prompt is open does not move the cursor to another article.
func TestArticleSearchPromptHoldsTheMouse(t *testing.T) {
	hs := newHarness(t, 120, 40, needleArticles())
	hs.press(hs.keys.Focus)
	hs.press(hs.keys.Find)
	hs.typeText("needle")
	hs.send(click(3, 5))
	if hs.selected() != "Story number 0" || hs.m.detail.search.query != "needle" {
		t.Errorf("a click with the prompt open selected %q, search %q", hs.selected(), hs.m.detail.search.query)
	}
}
