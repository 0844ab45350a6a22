package render

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	xansi "github.com/charmbracelet/x/ansi"

	"github.com/herald-reader/herald/ui/render/rendertest"
)

func TestNewRendererStyles(t *testing.T) {
	for _, s := range []string{"dark", "light", "notty", "ascii", "dracula"} {
		if _, err := NewRenderer(s); err != nil {
			t.Errorf("NewRenderer(%q): %v", s, err)
		}
	}
	for _, s := range []string{"auto", ""} {
		if _, err := NewRenderer(s); err == nil {
			t.Errorf("NewRenderer(%q) succeeded; auto style would query the terminal", s)
		}
	}
	missing := filepath.Join(t.TempDir(), "nope.json")
	if _, err := NewRenderer(missing); err == nil || !strings.Contains(err.Error(), "nope.json") {
		t.Errorf("NewRenderer(missing file) = %v, want an error naming the file", err)
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte(`{"document": `), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := NewRenderer(bad); err == nil || !strings.Contains(err.Error(), "bad.json") {
		t.Errorf("NewRenderer(bad JSON) = %v, want an error naming the file", err)
	}
}

func TestJSONStyle(t *testing.T) {
	path := filepath.Join(t.TempDir(), "style.json")
	style := `{"heading": {"color": "9", "bold": true}, "h1": {"prefix": "=> "}}`
	if err := os.WriteFile(path, []byte(style), 0o600); err != nil {
		t.Fatal(err)
	}
	r := newTestRenderer(t, path)
	out, err := r.Render("# Title\n\ntext", 40)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(rendertest.Strip(out), "=> Title") {
		t.Errorf("JSON style not applied:\n%s", out)
	}
}

// TestRenderSeed checks what a reader sees at several widths: the text,
// numbered links, no line wider than the pane, only SGR.
func TestRenderSeed(t *testing.T) {
	md, _ := Document(seedArticle(), now)
	for _, style := range []string{"dark", "light", "notty", "ascii"} {
		r := newTestRenderer(t, style)
		for _, w := range []int{20, 40, 80, 120, 200} {
			out, err := r.Render(md, w)
			if err != nil {
				t.Fatalf("%s/%d: %v", style, w, err)
			}
			rendertest.AssertOnlySGR(t, style, out)
			assertWidth(t, out, w)
			if w > 20 {
				if narrow, _ := r.Render(md, w/4); len(narrow) > 0 {
					assertWidth(t, narrow, w/4) // below MinWidth: glamour's lines broken to fit
				}
			}
			visible := strings.Join(strings.Fields(rendertest.Strip(out)), " ")
			if style == "ascii" {
				// ASCII only, and text rather than Markdown markup.
				visible = strings.ReplaceAll(visible, " - ", " · ")
				for i := 0; i < len(out); i++ {
					if out[i] >= 0x80 {
						t.Fatalf("ascii/%d: non-ASCII byte at %d: %q", w, i, out[max(0, i-20):min(len(out), i+20)])
					}
				}
				if strings.Contains(visible, "**") || strings.Contains(visible, "# ") {
					t.Errorf("ascii/%d: Markdown markup shown:\n%s", w, out)
				}
			}
			for _, want := range []string{"Google And Hugging Face", "Mon, 29 Jan 2024 03:19 UTC", "2 days ago",
				"[1] forbes.com", "[2] Image · 1218x600", "[3] Five Techniques", "Related stories", "What changes"} {
				if !strings.Contains(visible, want) {
					t.Errorf("%s/%d: %q not shown:\n%s", style, w, want, out)
				}
			}
		}
	}
}

func assertWidth(t *testing.T, out string, width int) {
	t.Helper()
	for i, l := range strings.Split(out, "\n") {
		if w := xansi.StringWidth(l); w > width {
			t.Errorf("line %d is %d columns wide, pane is %d: %q", i+1, w, width, rendertest.Strip(l))
			return
		}
	}
}

// TestRenderDeadline uses a glamour input that takes far longer than the
// deadline when the limits are off (nested quotes at a narrow width), so
// Render must give up and return plain text.
func TestRenderDeadline(t *testing.T) {
	r := newTestRenderer(t, "dark", WithLimits(Limits{}), WithDeadline(10*time.Millisecond))
	md := "# Title \\*with\\* escapes &amp; more\n\n" + strings.Repeat(">", 30) + " deep &#27;]52;c;aGk=&#7;\x1b]0;t\x07"
	out, err := r.Render(md, 20)
	if !errors.Is(err, ErrDeadline) {
		t.Fatalf("Render = %v, want ErrDeadline", err)
	}
	rendertest.AssertOnlySGR(t, "plain fallback", out)
	assertWidth(t, out, 20)
	if got := strings.Join(strings.Fields(out), " "); !strings.HasPrefix(got, "# Title *with* escapes & more") {
		t.Errorf("plain fallback should show the text without Markdown escapes:\n%s", out)
	}
}

// TestLimitsBoundGlamour: with the default limits the same input renders
// completely, with no deadline to hide behind.
func TestLimitsBoundGlamour(t *testing.T) {
	r := newTestRenderer(t, "dark", WithDeadline(time.Minute))
	for _, tt := range []struct{ name, md, word string }{
		{"quotes", strings.Repeat(">", 86) + " deep", "deep"},
		{"spaced", strings.Repeat("> ", 60) + "deep", "deep"},
		{"list", nestedList(60), "level"},
		{"mixed", strings.Repeat("> - 1. ", 30) + "deep", "deep"},
		{"long word", strings.Repeat("x", 30<<10), "xxxx"},
		{"indentation", strings.Repeat(" ", 200) + "- deep", "deep"},
	} {
		out, err := r.Render(tt.md, 20)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
		}
		if !strings.Contains(out, tt.word) {
			t.Errorf("%s: text lost:\n%s", tt.name, out)
		}
		assertWidth(t, out, 20)
	}
}

func TestRenderConcurrent(t *testing.T) {
	r := newTestRenderer(t, "dark")
	md, _ := Document(seedArticle(), now)
	want, err := r.Render(md, 60)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if got, err := r.Render(md, 60); err != nil || got != want {
				t.Errorf("concurrent Render differs (err %v)", err)
			}
		})
	}
	wg.Wait()
}

func TestRenderTruncates(t *testing.T) {
	r := newTestRenderer(t, "notty", WithLimits(Limits{MaxBytes: 1000}))
	out, err := r.Render(strings.Repeat("line of text\n", 500), 80)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "(article truncated)") || strings.Count(out, "line of text") > 100 {
		t.Errorf("a document over MaxBytes must be cut with a note:\n%s", out)
	}
}

// TestRenderClosesColour: SGR smuggled in through an entity must not leave
// a colour on at the end of a line, where it would bleed into the rest of
// the screen.
func TestRenderClosesColour(t *testing.T) {
	r := newTestRenderer(t, "notty")
	out, err := r.Render("&#27;[41;5mred blinking "+strings.Repeat("word ", 40), 30)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "\x1b[41;5m") {
		t.Skip("glamour no longer decodes the entity; nothing to close")
	}
	for i, l := range strings.Split(out, "\n") {
		if !endsReset(l) {
			t.Errorf("line %d leaves a colour on: %q", i+1, l)
		}
	}
}
