package e2e_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/herald-reader/herald/internal/e2e"
)

// TestTmuxRealBinary drives the real herald binary in tmux on the shared
// corpus: it waits for the load to finish ("49 articles"), opens an
// article, follows a related story that is in the library and comes back,
// then quits and checks the exit status. Skipped when tmux or the corpus
// is absent, and in -short mode.
func TestTmuxRealBinary(t *testing.T) {
	corpus := e2e.SharedCorpus(t, "everyday-cc-ai", "_news")
	bin := herald.Path(t)
	home := t.TempDir()
	// The pane outlives herald so its exit status can be read.
	cmd := e2e.HeraldCommand(bin, []string{"HERALD_NO_CACHE=1", "BROWSER=true", "XDG_CONFIG_HOME=" + home, "XDG_STATE_HOME=" + home}, corpus)
	tm := e2e.StartTmux(t, cmd, 120, 40)
	const exited = e2e.Exited

	tm.WaitFor(exited, "49 articles")
	tm.Keys("Enter")
	tm.WaitFor(exited, "links ·")
	tm.Keys("l")
	picker := tm.WaitFor(exited, "Links")
	m := regexp.MustCompile(`(?m)^\S*\s+(\d+) \[in Herald\] Related: (.+?)\s*$`).FindStringSubmatch(picker)
	if m == nil {
		t.Fatalf("no related story in the library among the first article's links:\n%s", picker)
	}
	tm.Keys(m[1], "Enter") // a count, then enter: link N
	s := tm.WaitFor(exited, "goes back")
	if title := strings.TrimRight(m[2], "…"); !strings.Contains(s, title[:min(len(title), 30)]) {
		t.Errorf("related story %q not shown:\n%s", m[2], s)
	}
	tm.Keys("b")
	tm.WaitFor(exited, "Back:")
	tm.Keys("q")
	tm.WaitFor("", e2e.Exited+"0")
}
