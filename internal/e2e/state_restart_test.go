package e2e_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-reader/herald/internal/e2e"
)

// TestTmuxStateSurvivesRestart runs the real binary in tmux on the shared
// corpus with its state in a temporary XDG_STATE_HOME: it marks the first
// article read and the second starred, quits, starts again, and checks on
// the screen that both marks are there. Skipped when tmux or the corpus is
// absent, and in -short mode.
func TestTmuxStateSurvivesRestart(t *testing.T) {
	corpus := e2e.SharedCorpus(t, "everyday-cc-ai", "_news")
	bin := herald.Path(t)
	tmp := t.TempDir()
	home, state := filepath.Join(tmp, "home"), filepath.Join(tmp, "state")
	run := "env HERALD_NO_CACHE=1 BROWSER=true XDG_CONFIG_HOME=" + home + " XDG_STATE_HOME=" + state + " " + bin + " " + corpus
	// Two runs, one after the other, in the same pane.
	tm := e2e.StartTmux(t, run+"; echo FIRST_EXIT=$?; "+run+"; echo SECOND_EXIT=$?; sleep 60", 120, 40)
	waitFor := func(ok func(string) bool, what string) string {
		t.Helper()
		return tm.WaitUntil("SECOND_EXIT=", what, ok)
	}
	has := func(texts ...string) func(string) bool {
		return func(s string) bool {
			for _, x := range texts {
				if !strings.Contains(s, x) {
					return false
				}
			}
			return true
		}
	}
	keys := tm.Keys

	waitFor(has("49 articles · 49 unread · 0 starred"), "the first run")
	keys("m")
	waitFor(has("48 unread", "Marked read."), "m")
	// One key per send: bytes that arrive together are one key message.
	keys("j")
	waitFor(func(s string) bool { return !strings.HasPrefix(strings.Split(s, "\n")[1], "▌") }, "j")
	keys("s")
	first := waitFor(has("48 unread · 1 starred", "Starred."), "s")
	keys("q")
	// The second run has the marks from the start: no status message, the
	// same counts, the star on the second row, no dot on the first.
	s := waitFor(func(s string) bool {
		return has("49 articles · 48 unread · 1 starred")(s) && !strings.Contains(s, "Starred.")
	}, "the second run with both marks")
	rows := strings.Split(s, "\n")
	if len(rows) < 4 || strings.Contains(rows[1], "●") || !strings.Contains(rows[3], "★") {
		t.Fatalf("row marks after restart (first run:\n%s)\nsecond run:\n%s", first, s)
	}
	keys("q")
	waitFor(has("SECOND_EXIT=0"), "the exit")
}
