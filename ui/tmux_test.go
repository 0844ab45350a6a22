package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/herald-reader/herald/internal/heraldtest"
)

// TestTmuxRealBinary drives the real herald binary in tmux on the shared
// corpus: it waits for the load to finish ("49 articles"), opens an
// article, follows a related story that is in the library and comes back,
// then quits and checks the exit status. Skipped when tmux or the corpus
// is absent, and in -short mode.
func TestTmuxRealBinary(t *testing.T) {
	corpus := sharedNews(t)
	bin := heraldtest.Build(t)
	home := t.TempDir()
	// The pane outlives herald so its exit status can be read.
	cmd := "env HERALD_NO_CACHE=1 BROWSER=true XDG_CONFIG_HOME=" + home + " XDG_STATE_HOME=" + home +
		" " + bin + " " + corpus + "; echo HERALD_EXIT=$?; sleep 60"
	tm := heraldtest.StartTmux(t, cmd, 120, 40)
	const exited = "HERALD_EXIT="

	tm.WaitFor(exited, "49 articles")
	tm.Keys("Enter")
	tm.WaitFor(exited, "links ·")
	tm.Keys("l")
	picker := tm.WaitFor(exited, "Links")
	m := regexp.MustCompile(`(?m)^\S*\s+(\d) \[in Herald\] Related: (.+?)\s*$`).FindStringSubmatch(picker)
	if m == nil {
		t.Fatalf("no related story in the library among the first article's links:\n%s", picker)
	}
	tm.Keys(m[1])
	s := tm.WaitFor(exited, "goes back")
	if title := strings.TrimRight(m[2], "…"); !strings.Contains(s, title[:min(len(title), 30)]) {
		t.Errorf("related story %q not shown:\n%s", m[2], s)
	}
	tm.Keys("b")
	tm.WaitFor(exited, "Back:")
	tm.Keys("q")
	tm.WaitFor("", "HERALD_EXIT=0")
}

// sharedNews is ../shared/corpus/everyday-cc-ai/_news beside the
// repository; the test skips when it is absent, as on a user's machine.
func sharedNews(t *testing.T) string {
	t.Helper()
	corpus := filepath.Join(heraldtest.RepoRoot(), "..", "shared", "corpus", "everyday-cc-ai", "_news")
	if _, err := os.Stat(corpus); err != nil {
		t.Skip("shared corpus not present")
	}
	return corpus
}
