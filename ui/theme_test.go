package ui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	"github.com/herald-reader/herald/config"
)

// withColor lets lipgloss write 256 colours for one test (TestMain pins
// no colour for every other snapshot).
func withColor(t *testing.T) {
	lipgloss.SetColorProfile(termenv.ANSI256)
	t.Cleanup(func() { lipgloss.SetColorProfile(termenv.Ascii) })
}

// themeScene draws what every theme setting colours: marks (one read, one
// starred), a query whose words are highlighted in the list and the
// detail, the cursor on a row, and then the part the scene is for.
func themeScene(t *testing.T, theme config.Theme, plain bool, part string) string {
	t.Helper()
	st := newFakeStore()
	arts := goldenArticles()
	st.read[arts[0].ID], st.starred[arts[3].ID] = true, true
	hs := newHarness(t, 100, 24, arts, withStore(st), func(o *Options) {
		o.Styles = NewStyles(theme, config.Appearance{Plain: plain, Color: !plain})
	})
	hs.press(hs.keys.Filter)
	hs.typeText("models")
	hs.press(hs.keys.Open)
	switch part {
	case "rendering": // the header drawn before the article is rendered
		_, cmd := hs.m.Update(keyMsg(hs.keys.Down.Keys()[0]))
		hs.m.Update(cmd().(cursorMovedMsg))
	case "links":
		hs.press(hs.keys.LinkPicker)
	case "error":
		hs.send(openedMsg{url: "https://x.example/", err: errors.New("open link: firefox: not found")})
	}
	v := hs.view()
	checkScreen(t, v, 100, 24)
	return v
}

// themeSettings are the documented colour settings, each with the scene
// that shows it.
var themeSettings = []struct {
	name, part string
	set        func(*config.Theme)
}{
	{"accent", "", func(t *config.Theme) { t.Accent = "196" }},
	{"list.title", "", func(t *config.Theme) { t.List.Title = "196" }},
	{"list.meta", "", func(t *config.Theme) { t.List.Meta = "196" }},
	{"list.selected", "", func(t *config.Theme) { t.List.Selected = "196" }},
	{"list.unread", "", func(t *config.Theme) { t.List.Unread = "196" }},
	{"list.starred", "", func(t *config.Theme) { t.List.Starred = "196" }},
	{"list.match", "", func(t *config.Theme) { t.List.Match = "196" }},
	{"detail.title", "rendering", func(t *config.Theme) { t.Detail.Title = "196" }},
	{"detail.meta", "rendering", func(t *config.Theme) { t.Detail.Meta = "196" }},
	{"detail.link", "links", func(t *config.Theme) { t.Detail.Link = "196" }},
	{"detail.border", "", func(t *config.Theme) { t.Detail.Border = "196" }},
	{"status.text", "", func(t *config.Theme) { t.Status.Text = "196" }},
	{"status.background", "", func(t *config.Theme) { t.Status.Background = "196" }},
	{"status.error", "error", func(t *config.Theme) { t.Status.Error = "196" }},
}

// TestGoldenThemeSettings: each documented colour setting changes the
// screen that shows it (compared with the default theme), and only with
// colour; a golden pins each.
func TestGoldenThemeSettings(t *testing.T) {
	withColor(t)
	for _, c := range themeSettings {
		t.Run(c.name, func(t *testing.T) {
			theme := config.Default().Theme
			base := themeScene(t, theme, false, c.part)
			c.set(&theme)
			v := themeScene(t, theme, false, c.part)
			if v == base {
				t.Fatalf("theme.%s changes nothing on the screen", c.name)
			}
			if !strings.Contains(v, "196") {
				t.Errorf("theme.%s: colour 196 not written", c.name)
			}
			if plain := themeScene(t, theme, true, c.part); plain != themeScene(t, config.Default().Theme, true, c.part) {
				t.Errorf("theme.%s changes the plain screen", c.name)
			}
			golden.RequireEqual(t, v)
		})
	}
}

// TestGoldenHighlight: the query's words are highlighted in list titles
// and in the detail pane's text, in colour; plain shows the same text
// without any escape.
func TestGoldenHighlight(t *testing.T) {
	for _, plain := range []bool{false, true} {
		t.Run(fmt.Sprintf("plain-%v", plain), func(t *testing.T) {
			if !plain {
				withColor(t)
			}
			hs := newHarness(t, 120, 30, goldenArticles(), withRenderer(realRenderer(t)), func(o *Options) {
				o.Styles = NewStyles(config.Default().Theme, config.Appearance{Plain: plain, Color: !plain})
			})
			hs.press(hs.keys.Filter)
			hs.typeText(`models "small language" -reuters`)
			hs.press(hs.keys.Open)
			v := hs.view()
			checkScreen(t, v, 120, 30)
			match := NewStyles(config.Default().Theme, config.Appearance{Color: true}).Match
			on, _, _ := strings.Cut(match.Render("x"), "x")
			if !plain && on == "" {
				t.Fatal("no SGR for the match style")
			}
			if got := strings.Count(v, on+"models"); !plain && got < 2 {
				t.Errorf("%q highlighted %d times in list and detail, want 2 or more", "models", got)
			}
			if !plain && !strings.Contains(v, on+"small language") {
				t.Error("the phrase is not highlighted")
			}
			if plain && strings.Contains(v, "\x1b[1m") {
				t.Error("highlighting escapes in plain mode")
			}
			golden.RequireEqual(t, v)
		})
	}
}
