package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/feed"
)

// hostile are strings an article may carry to attack the terminal: a
// clipboard write (OSC 52), a window title, screen clearing and cursor
// movement, a terminal query whose reply would arrive as keystrokes, C1
// controls, bidi overrides, and the same escapes spelled as HTML entities,
// which glamour decodes into real bytes after any input sanitising.
var hostile = []string{
	"\x1b]52;c;SGVsbG8gd29ybGQ=\x07",
	"\x1b]0;pwned title\x07",
	"\x1b[2J\x1b[H\x1b[31mred",
	"\x1b[6n\x1b[c",
	"\u009b31m\u009d0;c1 title\u009c",
	"evil \u202egnp.exe\u202c \u2066isolate\u2069",
	"&#27;]52;c;SGVsbG8=&#7; &#x1b;[2J &#155;31m",
	"\x1bP+q544e\x1b\\",
}

// deeplyNested is Markdown that takes glamour (unbounded) tens of seconds.
var deeplyNested = strings.Repeat(">", 300) + " deep\n\n" + strings.Repeat("- ", 200) + "list\n\n" +
	strings.Repeat("*", 500) + "emph" + strings.Repeat("*", 500) + "\n\n" + strings.Repeat("x", 30000) + "\n"

// TestHostileArticleStructs feeds hostile text straight into article
// fields (as if sanitising on ingest had been skipped) and checks that
// nothing but SGR reaches the screen, in every pane and overlay.
func TestHostileArticleStructs(t *testing.T) {
	var arts []*feed.Article
	for i, h := range hostile {
		a := article(i, "Title "+h)
		a.Excerpt = "Excerpt " + h
		a.Provider.Name = "Prov " + h
		a.Topics = []string{"Topic " + h}
		a.Detail.Body = "Body " + h + "\n\n" + deeplyNested
		a.Detail.Related = []feed.Related{{Title: "Rel " + h, WebURL: "https://rel.example/" + h, Excerpt: h}}
		a.Detail.Images = []feed.Image{{URL: "https://img.example/" + h, Title: h}}
		arts = append(arts, a)
	}
	hs := newHarness(t, 120, 40, arts, withRenderer(realRenderer(t)))
	for i := range arts {
		checkScreen(t, hs.view(), 120, 40)
		for _, step := range []func(){
			func() { hs.press(hs.keys.LinkPicker) },
			func() { hs.press(hs.keys.Back) },
			func() { hs.press(hs.keys.Focus); hs.press(hs.keys.Bottom) },
			func() { hs.press(hs.keys.Focus) },
		} {
			step()
			checkScreen(t, hs.view(), 120, 40)
		}
		if !hs.m.detail.ready {
			t.Fatalf("article %d: render did not finish", i)
		}
		hs.press(hs.keys.Down)
	}
	hs.press(hs.keys.Filter)
	hs.typeText(hostile[0])
	checkScreen(t, hs.view(), 120, 40)
}

// TestHostileFilesThroughLoader writes hostile article files and loads
// them the way herald does (feed.Stream, feed.Detail, the real renderer),
// asserting each render finishes within its deadline and the screen holds
// no control sequence other than SGR.
func TestHostileFilesThroughLoader(t *testing.T) {
	dir := t.TempDir()
	for i, h := range hostile {
		q := strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(h)
		doc := "---\n" +
			`title: "Title ` + q + "\"\n" +
			`excerpt: "Excerpt ` + q + "\"\n" +
			"publishedDateTime: 2025-02-28T10:00:00Z\n" +
			`webUrl: "https://hostile.example/` + string(rune('a'+i)) + "\"\n" +
			"provider:\n  name: \"Prov " + q + "\"\n" +
			"topics:\n  - \"" + q + "\"\n" +
			"relatedStories:\n  - title: \"Rel " + q + "\"\n    webUrl: \"https://rel.example/x\"\n" +
			"---\n" + "Body " + h + "\n\n" + deeplyNested
		name := filepath.Join(dir, "2025-02-28-hostile-"+string(rune('a'+i))+".md")
		if err := os.WriteFile(name, []byte(doc), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	ch := feed.Stream(context.Background(), []feed.Source{feed.Dir(dir)}, feed.Options{}).Batches()
	hs := newHarness(t, 100, 30, nil, withLoader(ch), withRenderer(realRenderer(t)),
		func(o *Options) { o.Detail = feed.Detail })
	if got := hs.m.lib.Len(); got != len(hostile) {
		t.Fatalf("loaded %d of %d hostile files; skipped: %v", got, len(hostile), hs.m.lib.Skipped())
	}
	for i := range hostile {
		// How long a render may take is BenchmarkRenderDetail's target, not
		// a unit test's; a render that never ends fails the test run.
		hs.send(tea.WindowSizeMsg{Width: 100 + i, Height: 30}) // a fresh render
		if !hs.m.detail.ready {
			t.Fatalf("file %d: not rendered", i)
		}
		checkScreen(t, hs.view(), 100+i, 30)
		hs.press(hs.keys.Skipped)
		checkScreen(t, hs.view(), 100+i, 30)
		hs.press(hs.keys.Skipped)
		hs.press(hs.keys.Down)
	}
}
