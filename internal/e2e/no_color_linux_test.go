//go:build linux

package e2e_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/herald-reader/herald/internal/e2e"
)

// TestTUINoColor runs the real binary on a pseudo-terminal, on the built-in
// demo: it waits for the list, opens an article (so glamour renders it) and
// quits, then checks every byte the terminal received. With NO_COLOR, or
// with --plain, not one SGR sequence may set a colour; the same run without
// them must show colour, so the assertion can fail.
func TestTUINoColor(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := herald.Path(t)
	for _, tc := range []struct {
		name      string
		env       []string
		args      []string
		wantColor bool
	}{
		{"colour terminal", nil, nil, true},
		{"NO_COLOR", []string{"NO_COLOR=1"}, nil, false},
		{"--plain", nil, []string{"--plain"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := runTUIOnTerminal(t, bin, tc.env, tc.args)
			colours := colourSGR(out)
			switch {
			case tc.wantColor && len(colours) == 0:
				t.Errorf("no colour on a colour terminal; the check below could never fail")
			case !tc.wantColor && len(colours) > 0:
				t.Errorf("%d colour sequences written, e.g. %q", len(colours), colours[0])
			}
		})
	}
}

// runTUIOnTerminal starts herald with the terminal as its controlling
// terminal, presses enter once the demo has loaded, then q, and returns
// everything herald wrote.
func runTUIOnTerminal(t *testing.T, bin string, env, args []string) string {
	t.Helper()
	s := e2e.StartOnPTY(t, bin, append([]string{"COLORTERM=truecolor"}, env...), args)
	s.WaitFor("24 articles", 30*time.Second)
	mark := s.Written()
	s.Press("\r")
	// The article pane's header counts the links ("6 links · 0%") only
	// once the article is rendered; the list shows the word "links" too,
	// so only the count after the press says the render has landed.
	s.WaitForMatch(mark, renderedHeader, 30*time.Second)
	s.Press("q")
	s.Exited(30 * time.Second)
	return s.Output()
}

var renderedHeader = regexp.MustCompile(`[0-9]+ links\D{1,8}[0-9]+%`)

var sgrPattern = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// colourSGR returns the SGR sequences in s that set a foreground or
// background colour (30-38, 40-48, 90-97, 100-107); bold, reverse and
// resets are not colour.
func colourSGR(s string) []string {
	var found []string
	for _, m := range sgrPattern.FindAllStringSubmatch(s, -1) {
		for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
			n, err := strconv.Atoi(p)
			if err != nil {
				continue
			}
			if (n >= 30 && n <= 38) || (n >= 40 && n <= 48) || (n >= 90 && n <= 97) || (n >= 100 && n <= 107) {
				found = append(found, m[0])
				break
			}
		}
	}
	return found
}
