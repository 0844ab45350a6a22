package e2e_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/herald-reader/herald/internal/e2e"
)

// TestTmuxSearchOpensTheBestMatch is the case on the shared
// corpus: /hugging, Enter, o opens the one story with Hugging Face in its
// title, although newer stories mention it in a related story's title
// and, by date, come first.
func TestTmuxSearchOpensTheBestMatch(t *testing.T) {
	corpus := e2e.SharedCorpus(t, "everyday-cc-ai", "_news")
	browser, opened := recordingBrowser(t)
	home := t.TempDir()
	cmd := e2e.HeraldCommand(herald.Path(t), []string{"HERALD_NO_CACHE=1", "BROWSER=" + browser, "XDG_CONFIG_HOME=" + home, "XDG_STATE_HOME=" + home}, corpus)
	tm := e2e.StartTmux(t, cmd, 120, 40)
	const exited = e2e.Exited

	// The count the reader must reach: a count alone would be met by the
	// results of a letter typed on the way ("h" shows all 49).
	list := exec.Command(herald.Path(t), "list", "--format", "count", "--query", "hugging", corpus)
	list.Env = append(os.Environ(), "HERALD_NO_CACHE=1", "XDG_CONFIG_HOME="+home, "XDG_STATE_HOME="+home)
	out, err := list.Output()
	if err != nil {
		t.Fatalf("herald list: %v", err)
	}
	n, _, _ := strings.Cut(string(out), " ")
	tm.WaitFor(exited, "49 articles")
	tm.Type("/hugging")
	tm.Keys("Enter")
	// "best match" shows as soon as the query has words; " N shown" once
	// the results of the whole word are in the list (the search runs in a
	// Cmd).
	s := tm.WaitFor(exited, "best match", " "+n+" shown")
	if row := selectedRow(s); !strings.Contains(row, "Hugging Face") {
		t.Fatalf("first result %q, want the Hugging Face story:\n%s", row, s)
	}
	tm.Keys("o")
	const want = "https://www.forbes.com/sites/janakirammsv/2024/01/28/google-and-hugging-face-partner-to-advance-generative-ai-with-open-models/\n"
	var got []byte
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if got, _ = os.ReadFile(opened); len(got) > 0 {
			break
		}
	}
	if string(got) != want {
		t.Fatalf("browser got %q, want %q", got, want)
	}
	tm.Keys("q")
	tm.WaitFor("", e2e.Exited+"0")
}
