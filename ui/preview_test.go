package ui

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/feed"
)

// slowMatcher stands for a search at a million articles: it hands its
// preview over at once, then waits for release before its result.
type slowMatcher struct {
	preview, result []*feed.Article
	release         chan struct{}
}

func (s *slowMatcher) match(ctx context.Context, _ string, preview func([]*feed.Article)) ([]*feed.Article, error) {
	preview(s.preview)
	select {
	case <-s.release:
		return s.result, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// typeSlowly types key into the filter with m searching through a
// slowMatcher whose result is arts reversed (the oldest first, so the
// result is told from the unfiltered list) and whose preview is its first
// three, and delivers the preview. It returns the matcher and the Cmd
// that brings the result.
func typeSlowly(t *testing.T, hs *harness, arts []*feed.Article, key string) (*slowMatcher, tea.Cmd) {
	t.Helper()
	result := make([]*feed.Article, len(arts))
	for i, a := range arts {
		result[len(arts)-1-i] = a
	}
	s := &slowMatcher{preview: result[:3], result: result, release: make(chan struct{})}
	hs.m.filter.search = func() Matcher { return s.match }
	_, cmd := hs.m.Update(keyMsg(key))
	var next tea.Cmd
	for _, msg := range collect(cmd) {
		if r, ok := msg.(filterResultMsg); ok && r.preview {
			next, r.next = r.next, nil // delivered, not run: it waits for release
			hs.send(r)
		}
	}
	if next == nil {
		t.Fatal("no preview came from a search that sent one")
	}
	return s, next
}

// TestPreviewShowsFirstRowsWhileSearching: a long search's first rows are
// on the screen before it ends, the cursor on the first, and the status
// line says it is still searching rather than count the preview's rows;
// the result then replaces them and counts.
func TestPreviewShowsFirstRowsWhileSearching(t *testing.T) {
	arts := articles(20)
	hs := newHarness(t, 120, 40, arts)
	hs.press(hs.keys.Filter)
	s, next := typeSlowly(t, hs, arts, "s")
	v := hs.view()
	if hs.m.list.Len() != 3 || hs.selected() != "Story number 19" {
		t.Fatalf("preview: %d rows, cursor on %q; want its 3 rows, cursor on the first", hs.m.list.Len(), hs.selected())
	}
	if !strings.Contains(v, "searching") || strings.Contains(v, "3 shown") {
		t.Fatalf("preview: want searching in the status line, not a count:\n%s", v)
	}
	close(s.release)
	hs.run(next)
	v = hs.view()
	if hs.m.list.Len() != 20 || hs.selected() != "Story number 19" {
		t.Fatalf("result: %d rows, cursor on %q; want 20, cursor on the best match", hs.m.list.Len(), hs.selected())
	}
	if strings.Contains(v, "searching") || !strings.Contains(v, "20 shown") {
		t.Fatalf("result: want its count, no searching:\n%s", v)
	}
}

// TestResultKeepsTheRowChosenInThePreview: a user who moved down the
// preview's rows stays on the article chosen when the result lands.
func TestResultKeepsTheRowChosenInThePreview(t *testing.T) {
	arts := articles(20)
	hs := newHarness(t, 120, 40, arts)
	hs.press(hs.keys.Filter)
	s, next := typeSlowly(t, hs, arts, "s")
	hs.send(keyMsg("down"))
	if hs.selected() != "Story number 18" {
		t.Fatalf("down in the preview: cursor on %q", hs.selected())
	}
	close(s.release)
	hs.run(next)
	if hs.m.list.Len() != 20 || hs.selected() != "Story number 18" {
		t.Fatalf("result: %d rows, cursor on %q; want 20, cursor where the user put it", hs.m.list.Len(), hs.selected())
	}
}

// TestPreviewOfASearchTypedPastIsDropped: a preview that comes after the
// user typed on neither shows nor waits for its search's result.
func TestPreviewOfASearchTypedPastIsDropped(t *testing.T) {
	arts := articles(20)
	hs := newHarness(t, 120, 40, arts)
	hs.press(hs.keys.Filter)
	s := &slowMatcher{preview: arts[5:6], result: arts[5:6], release: make(chan struct{})}
	hs.m.filter.search = func() Matcher { return s.match }
	_, first := hs.m.Update(keyMsg("x"))
	msgs := collect(first) // the preview, before the next key
	hs.m.filter.search = hs.m.queryMatcher
	hs.typeText("y") // "xy": nothing matches
	for _, msg := range msgs {
		_, cmd := hs.m.Update(msg)
		if cmd != nil {
			t.Fatalf("a stale preview asked for more: %T", cmd())
		}
	}
	if hs.m.list.Len() != 0 {
		t.Fatalf("a stale preview replaced the result of xy: %d rows", hs.m.list.Len())
	}
	close(s.release)
}

// TestTypingOnAfterAPreviewShowsTheNewBestFirst: the row chosen in one
// query's preview says nothing of the next query, whose results come
// best first.
func TestTypingOnAfterAPreviewShowsTheNewBestFirst(t *testing.T) {
	arts := articles(20)
	hs := newHarness(t, 120, 40, arts)
	hs.press(hs.keys.Filter)
	s, _ := typeSlowly(t, hs, arts, "s")
	hs.send(keyMsg("down"))
	hs.m.filter.search = hs.m.queryMatcher
	hs.typeText("t") // "st": a quick search, no preview
	close(s.release)
	if hs.m.list.Len() != 20 || hs.m.list.list.Index() != 0 {
		t.Fatalf("st: %d rows, cursor on row %d (%q); want the best match, the first row", hs.m.list.Len(), hs.m.list.list.Index(), hs.selected())
	}
}
