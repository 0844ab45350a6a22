package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/feed"
)

// collect runs cmd and the commands of its batches and returns their
// messages, without delivering them: the test decides when each lands.
func collect(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, collect(c)...)
		}
		return out
	default:
		return []tea.Msg{msg}
	}
}

// only returns the one message of type T among msgs.
func only[T tea.Msg](t *testing.T, msgs []tea.Msg) T {
	t.Helper()
	var found []T
	for _, m := range msgs {
		if v, ok := m.(T); ok {
			found = append(found, v)
		}
	}
	if len(found) != 1 {
		var zero T
		t.Fatalf("%d messages of type %T in %v, want 1", len(found), zero, msgs)
	}
	return found[0]
}

// asyncRows is a clustered harness whose every grouping runs in a Cmd, as
// at 100,000 articles.
func asyncRows(t *testing.T) (*harness, []*feed.Article) {
	arts := nearDuplicates(3, 3)
	hs := newHarness(t, 120, 40, arts, withClustering)
	hs.m.rows.asyncFrom = 0
	return hs, arts
}

// filterResult is the result of matching the current query, as the
// filter's Cmd would return it, delivered to Update; it returns the
// messages of the commands Update returned, not yet delivered.
func (hs *harness) filterResult(arts []*feed.Article) []tea.Msg {
	_, cmd := hs.m.Update(filterResultMsg{gen: hs.m.filter.gen, articles: arts})
	return collect(cmd)
}

func TestFilterResultRowsLandFromACmdWithTheCursorKept(t *testing.T) {
	hs, arts := asyncRows(t)
	hs.press(hs.keys.Filter)
	hs.typeText("eastern")
	hs.press(hs.keys.Open) // leave the input, so keys move the cursor
	if got := rowTitles(hs); len(got) != 2 || !strings.HasPrefix(got[0], "+2 Council approves the eastern") {
		t.Fatalf("rows for eastern:\n%s", strings.Join(got, "\n"))
	}
	hs.press(hs.keys.Down)
	weather := hs.m.list.Selected()
	if weather != arts[7] {
		t.Fatalf("cursor on %q, want the eastern weather report", hs.selected())
	}

	msgs := hs.filterResult(arts)
	rows := only[rowsMsg](t, msgs)
	if got := rowTitles(hs); len(got) != 2 {
		t.Errorf("rows changed before the grouping landed:\n%s", strings.Join(got, "\n"))
	}
	hs.send(rows)
	got := rowTitles(hs)
	if len(got) != 6 || !strings.HasPrefix(got[0], "+2 Council approves the northern") {
		t.Fatalf("rows after the result:\n%s", strings.Join(got, "\n"))
	}
	if hs.m.list.Selected() != weather || hs.m.list.list.Index() != 3 {
		t.Errorf("cursor on %q (row %d), want the eastern weather report (row 3)", hs.selected(), hs.m.list.list.Index())
	}
	if v := hs.view(); !strings.Contains(v, "+2 Council approves the southern") {
		t.Errorf("no +N row on screen:\n%s", v)
	}
}

func TestCursorMovedWhileGroupingStaysWhereTheUserPutIt(t *testing.T) {
	hs, arts := asyncRows(t)
	hs.press(hs.keys.Filter)
	hs.typeText("council")
	hs.press(hs.keys.Open) // leave the input, so keys move the cursor
	rows := only[rowsMsg](t, hs.filterResult(arts))
	hs.press(hs.keys.Down)
	hs.press(hs.keys.Down) // the southern story, on the old rows
	if !strings.Contains(hs.selected(), "southern") {
		t.Fatalf("cursor on %q", hs.selected())
	}
	sel := hs.m.list.Selected()
	hs.send(rows)
	if hs.m.list.Selected() != sel {
		t.Errorf("cursor on %q once the rows landed, want %q", hs.selected(), sel.Title)
	}
}

func TestOlderGroupingIsDropped(t *testing.T) {
	for _, order := range []string{"newer first", "older first"} {
		t.Run(order, func(t *testing.T) {
			hs, arts := asyncRows(t)
			hs.press(hs.keys.Filter)
			hs.typeText("weather")
			older := only[rowsMsg](t, hs.filterResult(arts)) // all 12: 6 rows

			// The user types on: "weathe" matches the 3 reports.
			_, cmd := hs.m.Update(tea.KeyMsg{Type: tea.KeyBackspace})
			newer := only[rowsMsg](t, hs.filterResult(only[filterResultMsg](t, collect(cmd)).articles))

			first, second := newer, older
			if order == "older first" {
				first, second = older, newer
			}
			// The rows shown before and after are the 3 reports: the
			// older grouping (every article) must never show.
			for _, msg := range []rowsMsg{first, second} {
				hs.send(msg)
				if got := rowTitles(hs); len(got) != 3 || !strings.HasPrefix(got[0], "Unrelated northern weather") {
					t.Fatalf("rows:\n%s\nwant the 3 weather reports of the newer query", strings.Join(got, "\n"))
				}
			}
		})
	}
}

func TestExpandWhileGroupingIsKept(t *testing.T) {
	hs, arts := asyncRows(t)
	hs.press(hs.keys.Filter)
	hs.typeText("council")
	hs.press(hs.keys.Open)
	hs.press(hs.keys.Down) // the eastern story
	stale := only[rowsMsg](t, hs.filterResult(arts))

	_, cmd := hs.m.Update(keyMsg(hs.keys.Expand.Keys()[0]))
	fresh := only[rowsMsg](t, collect(cmd))
	hs.send(stale) // grouped before the story was expanded
	if n := len(rowTitles(hs)); n != 3 {
		t.Errorf("%d rows after the stale grouping, want it dropped (3 rows)", n)
	}
	hs.send(fresh)
	got := rowTitles(hs)
	if len(got) != 8 || !strings.HasPrefix(got[2], "+2 Council approves the eastern") ||
		!strings.HasPrefix(got[3], "  Council approves the eastern") {
		t.Fatalf("rows:\n%s\nwant every article, the eastern story expanded", strings.Join(got, "\n"))
	}
	if hs.m.list.Selected() != arts[4] {
		t.Errorf("cursor on %q, want the eastern story's row", hs.selected())
	}
}
