package ui

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/feed/search"
)

// fakeStore is an in-memory Store; fail makes every write fail.
type fakeStore struct {
	mu            sync.Mutex
	read, starred map[string]bool
	version       uint64
	fail          error
}

func newFakeStore() *fakeStore {
	return &fakeStore{read: map[string]bool{}, starred: map[string]bool{}}
}

func (s *fakeStore) IsRead(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.read[id]
}

func (s *fakeStore) IsStarred(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.starred[id]
}

func (s *fakeStore) SetRead(ids []string, v bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fail != nil {
		return s.fail
	}
	for _, id := range ids {
		s.read[id] = v
	}
	s.version++
	return nil
}

func (s *fakeStore) SetStarred(id string, v bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fail != nil {
		return s.fail
	}
	s.starred[id] = v
	s.version++
	return nil
}

func (s *fakeStore) Refresh() error { return nil }
func (s *fakeStore) Path() string   { return "" }
func (s *fakeStore) Watch(context.Context) (<-chan struct{}, error) {
	return nil, nil
}

// A fake log is never damaged (state_damage_test.go uses a real one).
func (s *fakeStore) Damaged() int       { return 0 }
func (s *fakeStore) Problems() []string { return nil }

func (s *fakeStore) Version() uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.version
}

func withStore(st Store) option { return func(o *Options) { o.State = st } }

func stateHarness(t *testing.T, n int, opts ...option) (*harness, *fakeStore) {
	t.Helper()
	st := newFakeStore()
	return newHarness(t, 120, 40, articles(n), append([]option{withStore(st)}, opts...)...), st
}

func TestToggleReadAndStar(t *testing.T) {
	hs, st := stateHarness(t, 5)
	if v := hs.view(); !strings.Contains(v, "5 articles · 5 unread · 0 starred") {
		t.Fatalf("counts missing:\n%s", v)
	}
	first := hs.m.list.Selected()
	hs.press(hs.keys.ToggleRead)
	if !st.IsRead(first.ID) {
		t.Fatal("m did not mark read")
	}
	v := hs.view()
	if !strings.Contains(v, "4 unread") || !strings.Contains(v, "Marked read.") {
		t.Fatalf("after m:\n%s", v)
	}
	hs.press(hs.keys.ToggleRead)
	if st.IsRead(first.ID) || !strings.Contains(hs.view(), "5 unread") {
		t.Fatalf("second m did not mark unread:\n%s", hs.view())
	}
	hs.press(hs.keys.ToggleStar)
	if !st.IsStarred(first.ID) || !strings.Contains(hs.view(), "1 starred") {
		t.Fatalf("s did not star:\n%s", hs.view())
	}
	if !strings.Contains(hs.view(), "★ Story number 0") || !strings.Contains(hs.view(), "● Story number 1") {
		t.Fatalf("row marks missing:\n%s", hs.view())
	}
	hs.press(hs.keys.ToggleStar)
	if st.IsStarred(first.ID) {
		t.Fatal("second s did not unstar")
	}
}

func TestWriteErrorInStatus(t *testing.T) {
	hs, st := stateHarness(t, 3)
	st.fail = errors.New("save state: disk full")
	hs.press(hs.keys.ToggleRead)
	if !strings.Contains(hs.view(), "save state: disk full") {
		t.Fatalf("write error not shown:\n%s", hs.view())
	}
}

func TestNoStore(t *testing.T) {
	hs := newHarness(t, 120, 40, articles(3), func(o *Options) { o.StateErr = errors.New("lock busy") })
	if !strings.Contains(hs.view(), "reading state: lock busy") {
		t.Fatalf("open error not shown:\n%s", hs.view())
	}
	hs.press(hs.keys.ToggleRead)
	if !strings.Contains(hs.view(), "No reading state") || !strings.Contains(hs.view(), "3 articles") {
		t.Fatalf("m without a store:\n%s", hs.view())
	}
}

func TestMarkAllReadConfirm(t *testing.T) {
	hs, st := stateHarness(t, 12)
	st.read[hs.m.lib.arts[0].ID] = true
	hs.press(hs.keys.MarkAllRead)
	if !strings.Contains(hs.view(), "Mark 11 articles read? y/n") {
		t.Fatalf("no question:\n%s", hs.view())
	}
	hs.send(keyMsg("n"))
	if st.IsRead(hs.m.lib.arts[1].ID) || !strings.Contains(hs.view(), "Nothing marked.") {
		t.Fatalf("n marked anyway:\n%s", hs.view())
	}
	hs.press(hs.keys.MarkAllRead)
	hs.send(keyMsg("y"))
	for _, a := range hs.m.lib.arts {
		if !st.IsRead(a.ID) {
			t.Fatalf("%s not marked", a.Title)
		}
	}
	if v := hs.view(); !strings.Contains(v, "Marked 11 articles read.") || !strings.Contains(v, "0 unread") {
		t.Fatalf("after y:\n%s", v)
	}
}

func TestMarkAllReadOnlyShown(t *testing.T) {
	hs, st := stateHarness(t, 20)
	hs.press(hs.keys.Filter)
	hs.typeText(`"number 1"`)
	hs.press(hs.keys.Open)
	hs.press(hs.keys.MarkAllRead)
	if !strings.Contains(hs.view(), "Mark 11 articles read? y/n") { // 1, 10-19
		t.Fatalf("question:\n%s", hs.view())
	}
	hs.send(keyMsg("y"))
	if st.IsRead(hs.m.lib.arts[2].ID) || !st.IsRead(hs.m.lib.arts[12].ID) {
		t.Fatal("marked the wrong articles")
	}
}

func TestUnreadAndStarredOnly(t *testing.T) {
	hs, st := stateHarness(t, 6)
	st.read[hs.m.lib.arts[0].ID], st.read[hs.m.lib.arts[1].ID] = true, true
	st.starred[hs.m.lib.arts[4].ID] = true
	hs.press(hs.keys.UnreadOnly)
	if n := hs.m.list.Len(); n != 4 {
		t.Fatalf("unread only shows %d, want 4", n)
	}
	if v := hs.view(); !strings.Contains(v, "4 shown") || !strings.Contains(v, "unread only") {
		t.Fatalf("status:\n%s", v)
	}
	hs.press(hs.keys.StarredOnly)
	if n := hs.m.list.Len(); n != 1 || hs.m.list.Selected() != hs.m.lib.arts[4] {
		t.Fatalf("unread and starred shows %d", n)
	}
	hs.press(hs.keys.UnreadOnly)
	hs.press(hs.keys.StarredOnly)
	if n := hs.m.list.Len(); n != 6 || strings.Contains(hs.view(), "shown") {
		t.Fatalf("views off shows %d:\n%s", n, hs.view())
	}
}

func TestMarkReadOnOpen(t *testing.T) {
	for _, on := range []bool{true, false} {
		hs, st := stateHarness(t, 3, func(o *Options) { o.MarkReadOnOpen = on })
		a := hs.m.list.Selected()
		hs.press(hs.keys.Open)
		if st.IsRead(a.ID) != on {
			t.Errorf("MarkReadOnOpen %v: read = %v", on, st.IsRead(a.ID))
		}
	}
}

func TestConfirmSwallowsKeys(t *testing.T) {
	hs, _ := stateHarness(t, 3)
	hs.press(hs.keys.MarkAllRead)
	hs.press(hs.keys.Quit) // answers no, does not quit
	if hs.quit || hs.m.reading.confirm != nil {
		t.Fatal("q during the question quit or left it open")
	}
	_ = tea.Quit
	_ = search.SortNewest
}

func TestJumpOutOfUnreadOnly(t *testing.T) {
	arts := articles(10)
	relate(arts[0], arts[7])
	st := newFakeStore()
	hs := newHarness(t, 120, 40, arts, withStore(st))
	st.read[arts[7].ID] = true
	hs.press(hs.keys.UnreadOnly)
	n := linkTo(t, hs, arts[7].WebURL)
	hs.openLink(n)
	if hs.selected() != "Story number 7" || hs.m.reading.unreadOnly {
		t.Fatalf("jump to a read story from unread-only selected %q (view on: %v)", hs.selected(), hs.m.reading.unreadOnly)
	}
	if hs.m.list.Len() != 10 {
		t.Fatalf("%d shown after the jump", hs.m.list.Len())
	}
}
