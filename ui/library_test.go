package ui

import (
	"testing"

	"github.com/herald-reader/herald/feed"
)

// savedTwice is two saves of one story (the same title a day apart): the
// library links the older as the first save of both.
func savedTwice() (newer, older *feed.Article) {
	newer, older = article(0, "Council approves the harbour bridge budget"), article(24, "Council approves the harbour bridge budget")
	newer.FirstSaveID, older.FirstSaveID = newer.ID, older.ID
	return newer, older
}

// TestLoadLinksSavesInACmd: the end of the load links the saves of one
// article off the Update goroutine; Update only writes what the Cmd found.
func TestLoadLinksSavesInACmd(t *testing.T) {
	newer, older := savedTwice()
	hs := newLoadingHarness(t)
	_, cmd := hs.m.Update(batchMsg{batch: feed.Batch{Articles: []*feed.Article{newer, older}, Found: 2, Done: true}})
	if newer.FirstSaveID != newer.ID {
		t.Fatalf("Update linked the saves itself: FirstSaveID %q", newer.FirstSaveID)
	}
	linked := only[linkedMsg](t, collect(cmd))
	if newer.FirstSaveID != newer.ID {
		t.Fatalf("the Cmd wrote to an article: FirstSaveID %q", newer.FirstSaveID)
	}
	hs.send(linked)
	if newer.FirstSaveID != older.ID {
		t.Errorf("after the Cmd's result: FirstSaveID %q, want the older save's %q", newer.FirstSaveID, older.ID)
	}
}

// TestChangeMergesInACmd: a file change is merged into the library by a
// Cmd, not by Update, and shown when its result lands.
func TestChangeMergesInACmd(t *testing.T) {
	hs := newHarness(t, 120, 40, articles(3))
	_, cmd := hs.m.Update(changeMsg{change: feed.Change{Added: []*feed.Article{article(-1, "Brand new")}}})
	if hs.m.lib.Len() != 3 || hs.m.lib.feed.Len() != 3 {
		t.Fatalf("Update merged the change: %d articles shown, %d in the library", hs.m.lib.Len(), hs.m.lib.feed.Len())
	}
	hs.send(only[appliedMsg](t, collect(cmd)))
	if hs.m.lib.Len() != 4 || hs.m.list.Len() != 4 {
		t.Errorf("after the merge: %d articles, %d rows, want 4", hs.m.lib.Len(), hs.m.list.Len())
	}
}

// TestIndexFromBeforeAReorderIsDropped: an index built for articles that
// were reordered since (a Newer batch) is not taken; the next one is
// built over the new order.
func TestIndexFromBeforeAReorderIsDropped(t *testing.T) {
	arts := articles(4)
	l := newLibrary(true, false, nil, nil)
	l.add(feed.Batch{Articles: arts[2:]})
	stale := l.reindex()().(indexedMsg)
	l.add(feed.Batch{Articles: arts[:2], Newer: true})
	if l.indexed(stale) {
		t.Fatal("took an index from before the reorder")
	}
	fresh := l.reindex()().(indexedMsg)
	if !l.indexed(fresh) || l.index.Len() != 4 || l.index == stale.ix {
		t.Errorf("rebuilt index: taken with %d articles", l.index.Len())
	}
}
