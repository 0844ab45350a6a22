package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestTmuxStateSurvivesRestart runs the real binary in tmux on the shared
// corpus with its state in a temporary XDG_STATE_HOME: it marks the first
// article read and the second starred, quits, starts again, and checks on
// the screen that both marks are there. Skipped when tmux or the corpus is
// absent, and in -short mode.
func TestTmuxStateSurvivesRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux not installed")
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	corpus := filepath.Join(root, "..", "shared", "corpus", "everyday-cc-ai", "_news")
	if _, err := os.Stat(corpus); err != nil {
		t.Skip("shared corpus not present")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "bin", "herald")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	sock := filepath.Join(tmp, "tmux.sock")
	tmux := func(args ...string) string {
		t.Helper()
		out, err := exec.Command("tmux", append([]string{"-S", sock, "-f", "/dev/null"}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	home, state := filepath.Join(tmp, "home"), filepath.Join(tmp, "state")
	run := "env HERALD_NO_CACHE=1 BROWSER=true XDG_CONFIG_HOME=" + home + " XDG_STATE_HOME=" + state + " " + bin + " " + corpus
	// Two runs, one after the other, in the same pane.
	cmd := run + "; echo FIRST_EXIT=$?; " + run + "; echo SECOND_EXIT=$?; sleep 60"
	tmux("new-session", "-d", "-s", "herald", "-x", "120", "-y", "40", "-e", "TERM=xterm-256color", cmd)
	t.Cleanup(func() { exec.Command("tmux", "-S", sock, "kill-server").Run() })

	screen := func() string { return tmux("capture-pane", "-p", "-t", "herald") }
	waitFor := func(ok func(string) bool, what string) string {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for {
			s := screen()
			if ok(s) {
				return s
			}
			if time.Now().After(deadline) || strings.Contains(s, "SECOND_EXIT=") {
				t.Fatalf("waiting for %s; screen:\n%s", what, s)
			}
			time.Sleep(50 * time.Millisecond)
		}
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
	keys := func(k ...string) { tmux(append([]string{"send-keys", "-t", "herald"}, k...)...) }

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
