package e2e_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/herald-reader/herald/internal/e2e"
	"github.com/herald-reader/herald/internal/sitetest"
)

// TestTmuxSiteNewestFirst runs the real binary in tmux on a whole site
// checkout (see sitetest): news named otherwise than dated, learning
// material named without a date, records that are not articles, 800 JSON
// folders. The first rows are the newest by publishedDateTime, not by
// file name, once the load is done; the status line counts what was
// skipped and warned about (issue 11).
func TestTmuxSiteNewestFirst(t *testing.T) {
	site := t.TempDir()
	if err := sitetest.Write(site); err != nil {
		t.Fatal(err)
	}
	home := t.TempDir()
	cmd := "env BROWSER=true XDG_CONFIG_HOME=" + home + " XDG_STATE_HOME=" + home + " XDG_CACHE_HOME=" + home +
		" " + herald.Path(t) + " " + site + "; echo HERALD_EXIT=$?; sleep 60"
	tm := e2e.StartTmux(t, cmd, 120, 40)
	const exited = "HERALD_EXIT="
	s := tm.WaitFor(exited, "15 articles", "3 skipped", "3 warnings")
	var rows []string
	for _, l := range strings.Split(s, "\n")[1:] {
		// Rows are a title line and a meta line in the list pane, left
		// of "│": the cursor mark, the unread dot, "+N" when a story
		// holds more saves (the two copies of the launch are one).
		title, _, _ := strings.Cut(l, "│")
		title = strings.TrimSpace(strings.TrimPrefix(title, "▌"))
		title = strings.TrimSpace(strings.TrimPrefix(title, "●"))
		if strings.HasPrefix(title, "+1 ") {
			title = title[3:]
		}
		rows = append(rows, title)
	}
	want := slices.DeleteFunc(slices.Clone(sitetest.NewestFirst), func(s string) bool { return s == "Launch day" })
	for i, want := range want[:5] {
		if got := rows[2*i]; got != want {
			t.Fatalf("row %d is %q, want %q (newest by publishedDateTime):\n%s", i+1, got, want, s)
		}
	}
	tm.Keys("q")
	tm.WaitFor("", "HERALD_EXIT=0")
}
