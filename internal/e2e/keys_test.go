package e2e_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/herald-reader/herald/internal/e2e"
)

// keysCorpus writes five articles, newest first Alpha to Echo; Delta has
// 15 numbered links (its own URL is 1, body links 2 to 15); Echo's body
// holds longURL.
func keysCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for i, title := range []string{"Alpha", "Bravo", "Charlie", "Delta", "Echo"} {
		var body strings.Builder
		if title == "Delta" {
			for n := 2; n <= 15; n++ {
				fmt.Fprintf(&body, "Source [number %d](https://src%d.example/page).\n\n", n, n)
			}
		}
		if title == "Bravo" {
			body.WriteString("## Café “naïve” — 東京\n\nIt’s **bold** and *new*… • ok → done.\n\n- one\n- two\n")
		}
		if title == "Echo" {
			body.WriteString("The full report: " + longURL + " has the details.\n")
		}
		day := 20 - i
		doc := fmt.Sprintf("---\ntitle: %q\nexcerpt: \"About %s.\"\npublishedDateTime: 2025-03-%02dT10:00:00Z\n"+
			"webUrl: \"https://news.example/%s\"\ntype: article\nprovider: {name: Wire, domain: news.example}\n---\n%s",
			title+" story", title, day, strings.ToLower(title), body.String())
		name := fmt.Sprintf("2025-03-%02d-%s.md", day, strings.ToLower(title))
		if err := os.WriteFile(filepath.Join(dir, name), []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// longURL is wider than the detail pane, with hyphens and dots where a
// word wrap would break it.
const longURL = "https://long.example/2025/03/01/a-very-long-path-with-many-words/and-more-of-it/and-still-more-of-the-same/final-report.html"

// recordingBrowser is a browser command that appends each URL it is given
// to a file, one per line.
func recordingBrowser(t *testing.T) (cmd, log string) {
	t.Helper()
	dir := t.TempDir()
	log = filepath.Join(dir, "opened")
	cmd = filepath.Join(dir, "browser")
	script := "#!/bin/sh\necho \"$1\" >> " + log + "\n"
	if err := os.WriteFile(cmd, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return cmd, log
}

// selectedRow is the list row under the cursor (marked ▌).
func selectedRow(screen string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.HasPrefix(l, "▌") {
			return l
		}
	}
	return ""
}

// TestTmuxKeysTypedTogether: "jjj" arriving in one write moves three rows,
// and 1, 2, o on an article with 15 links opens link 12, once.
func TestTmuxKeysTypedTogether(t *testing.T) {
	corpus := keysCorpus(t)
	browser, opened := recordingBrowser(t)
	home := t.TempDir()
	cmd := e2e.HeraldCommand(herald.Path(t), []string{"HERALD_NO_CACHE=1", "BROWSER=" + browser, "XDG_CONFIG_HOME=" + home, "XDG_STATE_HOME=" + home}, corpus)
	tm := e2e.StartTmux(t, cmd, 120, 40)
	const exited = e2e.Exited

	tm.WaitFor(exited, "5 articles")
	tm.Type("jjj")
	s := tm.WaitUntil(exited, "Delta selected", func(s string) bool {
		return strings.Contains(selectedRow(s), "Delta story") && strings.Contains(s, "15 links")
	})
	if row := selectedRow(s); !strings.Contains(row, "Delta") {
		t.Fatalf("jjj selected %q:\n%s", row, s)
	}
	tm.Keys("1")
	tm.Keys("2")
	tm.WaitFor(exited, "12: o opens link 12")
	tm.Keys("o")
	tm.WaitFor(exited, "Opened https://src12.example/page")
	var got []byte
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if got, _ = os.ReadFile(opened); len(got) > 0 {
			break
		}
	}
	time.Sleep(300 * time.Millisecond) // a second, unwanted launch would show by now
	got, _ = os.ReadFile(opened)
	if string(got) != "https://src12.example/page\n" {
		t.Fatalf("browser got %q, want link 12 once", got)
	}
	tm.Keys("q")
	tm.WaitFor("", e2e.Exited+"0")
}

// TestTmuxBrowserFallback: with BROWSER naming a failing command then a
// working one, the working one gets the URL and the status line names
// the failure.
func TestTmuxBrowserFallback(t *testing.T) {
	corpus := keysCorpus(t)
	good, opened := recordingBrowser(t)
	bad := filepath.Join(t.TempDir(), "bad-browser")
	if err := os.WriteFile(bad, []byte("#!/bin/sh\necho 'Error: no DISPLAY' >&2\nexit 3\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	home := t.TempDir()
	cmd := e2e.HeraldCommand(herald.Path(t), []string{"HERALD_NO_CACHE=1", "BROWSER=" + bad + ":" + good, "XDG_CONFIG_HOME=" + home, "XDG_STATE_HOME=" + home}, corpus)
	tm := e2e.StartTmux(t, cmd, 120, 40)
	const exited = e2e.Exited

	tm.WaitFor(exited, "5 articles")
	tm.Keys("o")
	tm.WaitFor(exited, "after bad-browser: exit status 3: Error: no DISPLAY")
	if got, _ := os.ReadFile(opened); string(got) != "https://news.example/alpha\n" {
		t.Errorf("working browser got %q", got)
	}
	tm.Keys("q")
	tm.WaitFor("", e2e.Exited+"0")
}

// TestTmuxLongURLUnbroken: a URL wider than the detail pane is on one
// screen line, shortened in the middle, its start and end both shown.
func TestTmuxLongURLUnbroken(t *testing.T) {
	corpus := keysCorpus(t)
	home := t.TempDir()
	cmd := e2e.HeraldCommand(herald.Path(t), []string{"HERALD_NO_CACHE=1", "BROWSER=true", "XDG_CONFIG_HOME=" + home, "XDG_STATE_HOME=" + home}, corpus)
	tm := e2e.StartTmux(t, cmd, 120, 40)
	const exited = e2e.Exited

	tm.WaitFor(exited, "5 articles")
	tm.Keys("G")
	s := tm.WaitFor(exited, "The full report:")
	lines := 0
	for _, l := range strings.Split(s, "\n") {
		if !strings.Contains(l, "https://long.example/") {
			continue
		}
		lines++
		if !strings.Contains(l, "final-report.html") || !strings.Contains(l, "…") {
			t.Errorf("URL not whole and shortened on its line: %q", l)
		}
	}
	if lines == 0 {
		t.Fatalf("URL not shown:\n%s", s)
	}
	tm.Keys("q")
	tm.WaitFor("", e2e.Exited+"0")
}

// TestTmuxPlainIsASCII: under --plain every byte on the screen is ASCII,
// the detail pane of an article full of typography included, and the
// reader stays on the main screen.
func TestTmuxPlainIsASCII(t *testing.T) {
	corpus := keysCorpus(t)
	home := t.TempDir()
	cmd := e2e.HeraldCommand(herald.Path(t), []string{"HERALD_NO_CACHE=1", "BROWSER=true", "XDG_CONFIG_HOME=" + home, "XDG_STATE_HOME=" + home}, "--plain", corpus)
	tm := e2e.StartTmux(t, cmd, 120, 40)
	const exited = e2e.Exited

	tm.WaitFor(exited, "5 articles")
	tm.Keys("j")
	s := tm.WaitFor(exited, "Cafe \"naive\" -- ??")
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			t.Fatalf("non-ASCII byte %#x at %d: %q\n%s", s[i], i, s[max(0, i-30):min(len(s), i+30)], s)
		}
	}
	if strings.Contains(s, "**") || strings.Contains(s, "## ") {
		t.Errorf("Markdown markup on the plain screen:\n%s", s)
	}
	if tm.AlternateScreen() {
		t.Error("plain mode switched to the alternate screen")
	}
	tm.Keys("q")
	tm.WaitFor("", e2e.Exited+"0")
}
