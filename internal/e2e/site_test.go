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
	cmd := e2e.HeraldCommand(herald.Path(t), []string{"BROWSER=true", "XDG_CONFIG_HOME=" + home, "XDG_STATE_HOME=" + home, "XDG_CACHE_HOME=" + home}, site)
	tm := e2e.StartTmux(t, cmd, 120, 40)
	const exited = e2e.Exited
	want := slices.DeleteFunc(slices.Clone(sitetest.NewestFirst), func(s string) bool { return s == "Launch day" })[:5]
	// The counts come with the last batch; the stories (the two copies of
	// the launch folded into one row) are grouped a moment later, in a
	// Cmd. So wait for the rows in order: a screen that never shows them
	// so fails after 30 s, printed whole.
	tm.WaitFor(exited, "15 articles", "3 skipped", "3 warnings")
	tm.WaitUntil(exited, "the five newest rows by publishedDateTime, in order", func(screen string) bool {
		rows := listTitles(screen)
		for i, w := range want {
			if 2*i >= len(rows) || rows[2*i] != w {
				return false
			}
		}
		return true
	})
	tm.Keys("q")
	tm.WaitFor("", e2e.Exited+"0")
}

// listTitles is the list pane's lines below the header: a title line and
// a meta line per row, left of "│", without the cursor mark, the unread
// dot and the "+N" of a story holding more saves.
func listTitles(screen string) []string {
	var rows []string
	for _, l := range strings.Split(screen, "\n")[1:] {
		title, _, _ := strings.Cut(l, "│")
		title = strings.TrimSpace(strings.TrimPrefix(title, "▌"))
		title = strings.TrimSpace(strings.TrimPrefix(title, "●"))
		if strings.HasPrefix(title, "+1 ") {
			title = title[3:]
		}
		rows = append(rows, title)
	}
	return rows
}
