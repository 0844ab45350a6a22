package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestTmuxRealBinary drives the real herald binary in tmux on the shared
// corpus: it waits for the load to finish ("49 articles"), opens an
// article, follows a related story that is in the library and comes back,
// then quits and checks the exit status. Skipped when tmux or the corpus
// is absent, and in -short mode.
func TestTmuxRealBinary(t *testing.T) {
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
	// The pane outlives herald so its exit status can be read.
	home := filepath.Join(tmp, "home")
	cmd := "env HERALD_NO_CACHE=1 BROWSER=true XDG_CONFIG_HOME=" + home + " XDG_STATE_HOME=" + home +
		" " + bin + " " + corpus + "; echo HERALD_EXIT=$?; sleep 60"
	tmux("new-session", "-d", "-s", "herald", "-x", "120", "-y", "40", "-e", "TERM=xterm-256color", cmd)
	t.Cleanup(func() { exec.Command("tmux", "-S", sock, "kill-server").Run() })

	screen := func() string { return tmux("capture-pane", "-p", "-t", "herald") }
	waitFor := func(what string) string {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for {
			s := screen()
			if strings.Contains(s, what) {
				return s
			}
			if time.Now().After(deadline) || (strings.Contains(s, "HERALD_EXIT=") && !strings.Contains(what, "HERALD_EXIT")) {
				t.Fatalf("waiting for %q; screen:\n%s", what, s)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	keys := func(k ...string) { tmux(append([]string{"send-keys", "-t", "herald"}, k...)...) }

	waitFor("49 articles")
	keys("Enter")
	waitFor("links ·")
	keys("l")
	picker := waitFor("Links")
	m := regexp.MustCompile(`(?m)^\S*\s+(\d) \[in Herald\] Related: (.+?)\s*$`).FindStringSubmatch(picker)
	if m == nil {
		t.Fatalf("no related story in the library among the first article's links:\n%s", picker)
	}
	keys(m[1])
	s := waitFor("goes back")
	if title := strings.TrimRight(m[2], "…"); !strings.Contains(s, title[:min(len(title), 30)]) {
		t.Errorf("related story %q not shown:\n%s", m[2], s)
	}
	keys("b")
	waitFor("Back:")
	keys("q")
	waitFor("HERALD_EXIT=0")
}
