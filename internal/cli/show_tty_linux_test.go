//go:build linux

package cli

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/herald-reader/herald/internal/e2e"
	"github.com/herald-reader/herald/ui/render/rendertest"
)

// onTerminal runs herald with stdout on a terminal and returns what the
// terminal received.
func onTerminal(t *testing.T, args ...string) string {
	t.Helper()
	master, tty := e2e.OpenPTY(t)
	got := make(chan []byte)
	go func() {
		b, _ := io.ReadAll(master) // ends with EIO once the terminal side is closed
		got <- b
	}()
	var errOut bytes.Buffer
	code := Run(args, tty, &errOut)
	tty.Close()
	out := string(<-got)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut.String())
	}
	return out
}

// TestShowOnTerminal: on a terminal the article is rendered with glamour
// in colour; with NO_COLOR or --plain not one escape sequence is written,
// and article text never brings its own.
func TestShowOnTerminal(t *testing.T) {
	isolate(t)
	_, normal, hostile := showLibrary(t)

	out := onTerminal(t, "show", normal)
	if !strings.Contains(out, "\x1b[") {
		t.Errorf("no colour on a colour terminal:\n%q", out)
	}
	if text := stripSGR(out); !strings.Contains(text, "Google And Hugging Face Partner") || strings.Contains(text, "**Forbes**") {
		t.Errorf("not rendered Markdown:\n%s", out)
	}
	for _, line := range strings.Split(out, "\n") {
		if w := len([]rune(stripSGR(strings.TrimRight(line, "\r")))); w > 80 {
			t.Errorf("line of %d columns on an 80-column terminal: %q", w, line)
		}
	}

	// In colour, the hostile article's own sequences are still filtered:
	// only colour (SGR) reaches the terminal.
	rendertest.AssertOnlySGR(t, "hostile article in colour", onTerminal(t, "show", hostile))

	t.Setenv("NO_COLOR", "1")
	for _, path := range []string{normal, hostile} {
		out := onTerminal(t, "show", path)
		assertNoControl(t, out)
		if !strings.Contains(out, "Partner") && !strings.Contains(out, "Evil") {
			t.Errorf("NO_COLOR output lost the title:\n%s", out)
		}
	}

	t.Setenv("NO_COLOR", "")
	assertNoControl(t, onTerminal(t, "--plain", "show", hostile))
}

// stripSGR removes colour sequences, to measure the visible width.
func stripSGR(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && s[j] != 'm' {
				j++
			}
			i = j
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
