package e2e_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/herald-reader/herald/internal/e2e"
)

// TestTmuxArticleSearch: in the real binary, / in the article searches
// it as it is typed, n and N step through the matches and wrap, esc
// clears the search, a second esc goes back to the list, where / filters.
func TestTmuxArticleSearch(t *testing.T) {
	corpus := keysCorpus(t)
	home := t.TempDir()
	cmd := e2e.HeraldCommand(herald.Path(t), []string{"HERALD_NO_CACHE=1", "XDG_CONFIG_HOME=" + home, "XDG_STATE_HOME=" + home}, corpus)
	tm := e2e.StartTmux(t, cmd, 120, 20)
	const exited = e2e.Exited

	tm.WaitFor(exited, "5 articles")
	tm.Type("jjj")
	tm.WaitUntil(exited, "Delta selected", func(s string) bool {
		return strings.Contains(selectedRow(s), "Delta story") && strings.Contains(s, "15 links")
	})
	tm.Keys("Tab")
	tm.Type("/number 1")
	s := tm.WaitFor(exited, "/number 1", "match 1/", "number 10 ")
	total := regexp.MustCompile(`match 1/(\d+)`).FindStringSubmatch(s)[1]
	tm.Keys("Enter")
	tm.Keys("n")
	s = tm.WaitFor(exited, "match 2/"+total, "number 11 ")
	if strings.Contains(s, "enter keep") {
		t.Fatalf("enter did not close the prompt:\n%s", s)
	}
	tm.Keys("N")
	tm.Keys("N")
	tm.WaitFor(exited, "match "+total+"/"+total, "search wrapped to the bottom")
	tm.Keys("Escape")
	tm.WaitUntil(exited, "search cleared", func(s string) bool {
		return !strings.Contains(s, "match ") && !strings.Contains(s, "/number 1")
	})
	tm.Keys("Escape")
	tm.WaitFor(exited, "enter open") // the list's footer
	tm.Keys("/")
	tm.WaitFor(exited, "enter apply") // the list's filter
	tm.Keys("C-c")
	tm.WaitFor("", e2e.Exited+"0")
}
