package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-reader/herald/internal/state"
)

// unwatched is the real store without its watch, which the harness would
// wait on for ever (it runs every Cmd to completion).
type unwatched struct{ *state.Store }

func (unwatched) Path() string { return "" }

func unreadCount(st Store, hs *harness) int {
	n := 0
	for _, a := range hs.m.lib.arts {
		if !st.IsRead(a.ID) {
			n++
		}
	}
	return n
}

// TestUndoSeveralStepsThroughTheLog: a star, a read mark and a whole
// mark-all are undone one by one, newest first, by appending the inverse
// events to the real state log: a second store opened on the same log
// sees every step.
func TestUndoSeveralStepsThroughTheLog(t *testing.T) {
	dir := t.TempDir()
	st, err := state.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	hs := newHarness(t, 120, 40, articles(6), withStore(unwatched{st}))
	arts := hs.m.lib.arts
	hs.press(hs.keys.ToggleStar) // story 0 starred
	hs.press(hs.keys.Down)
	hs.press(hs.keys.ToggleRead) // story 1 read
	hs.press(hs.keys.MarkAllRead)
	hs.press(hs.keys.Confirm) // the other 5 read
	if n := unreadCount(st, hs); n != 0 {
		t.Fatalf("%d unread after mark all", n)
	}
	logBefore, _ := os.ReadFile(filepath.Join(dir, state.LogName))

	hs.press(hs.keys.Undo)
	if n := unreadCount(st, hs); n != 5 || !st.IsRead(arts[1].ID) {
		t.Fatalf("after one undo: %d unread, story 1 read %v; want the mark-all undone only", n, st.IsRead(arts[1].ID))
	}
	if got := lastLines(hs.view(), 2); !strings.Contains(got, "Undone: Marked 5 articles read.") {
		t.Errorf("status after undo:\n%s", got)
	}
	hs.press(hs.keys.Undo)
	if st.IsRead(arts[1].ID) || !st.IsStarred(arts[0].ID) {
		t.Fatalf("second undo: story 1 read %v, story 0 starred %v", st.IsRead(arts[1].ID), st.IsStarred(arts[0].ID))
	}
	hs.press(hs.keys.Undo)
	if st.IsStarred(arts[0].ID) {
		t.Fatal("third undo left the star")
	}
	hs.press(hs.keys.Undo)
	if got := lastLines(hs.view(), 2); !strings.Contains(got, "Nothing to undo.") {
		t.Errorf("fourth undo:\n%s", got)
	}

	// Append-only: the log grew, and another instance reads the undone
	// marks from it.
	if logAfter, _ := os.ReadFile(filepath.Join(dir, state.LogName)); len(logBefore) == 0 || !strings.HasPrefix(string(logAfter), string(logBefore)) || len(logAfter) <= len(logBefore) {
		t.Errorf("undo did not append to the log (%d -> %d bytes)", len(logBefore), len(logAfter))
	}
	other, err := state.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	for _, a := range arts {
		if other.IsRead(a.ID) || other.IsStarred(a.ID) {
			t.Errorf("another instance sees %s read %v starred %v after every undo", a.Title, other.IsRead(a.ID), other.IsStarred(a.ID))
		}
	}
}

func TestNextAndPreviousUnread(t *testing.T) {
	hs, st := stateHarness(t, 8)
	arts := hs.m.lib.arts
	for _, i := range []int{0, 1, 2, 4, 6} {
		st.read[arts[i].ID] = true
	}
	hs.press(hs.keys.NextUnread)
	if got := hs.selected(); got != "Story number 3" {
		t.Fatalf("next unread from the top: %q", got)
	}
	hs.press(hs.keys.NextUnread)
	if got := hs.selected(); got != "Story number 5" {
		t.Fatalf("next unread: %q", got)
	}
	hs.press(hs.keys.NextUnread)
	hs.press(hs.keys.NextUnread)
	if got := hs.selected(); got != "Story number 7" {
		t.Fatalf("past the last unread: %q", got)
	}
	if got := lastLines(hs.view(), 2); !strings.Contains(got, "No unread article below.") {
		t.Errorf("status:\n%s", got)
	}
	hs.press(hs.keys.PrevUnread)
	if got := hs.selected(); got != "Story number 5" {
		t.Fatalf("previous unread: %q", got)
	}
}

func TestOpenMarksRead(t *testing.T) {
	for _, on := range []bool{false, true} {
		hs, st := stateHarness(t, 3, func(o *Options) { o.OpenMarksRead = on })
		a := hs.m.lib.arts[0]
		hs.press(hs.keys.OpenBrowser)
		if len(hs.opener.urls()) != 1 || st.IsRead(a.ID) != on {
			t.Fatalf("open_marks_read %v: opened %v, read %v", on, hs.opener.urls(), st.IsRead(a.ID))
		}
	}
	// A browser that did not launch marks nothing.
	hs, st := stateHarness(t, 3, func(o *Options) {
		o.OpenMarksRead = true
		o.Opener = &fakeOpener{refuse: func(string) error { return os.ErrNotExist }}
	})
	hs.press(hs.keys.OpenBrowser)
	if st.IsRead(hs.m.lib.arts[0].ID) {
		t.Fatal("a failed launch marked the article read")
	}
}
