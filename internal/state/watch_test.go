package state

import (
	"context"
	"testing"
	"time"
)

// TestWatchTellsAnotherStoresMarksAndEndsOnClose: a second Store on the
// directory marks an article; the first one's watch says so, and Refresh
// shows the mark. Closing the Store closes the channel.
func TestWatchTellsAnotherStoresMarksAndEndsOnClose(t *testing.T) {
	dir := t.TempDir()
	mine, err := OpenWith(dir, Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	other, err := OpenWith(dir, Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	changes, err := mine.Watch(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if err := other.SetStarred("0123456789ab", true); err != nil {
		t.Fatal(err)
	}
	select {
	case <-changes:
	case <-time.After(10 * time.Second):
		t.Fatal("no change reported")
	}
	if err := mine.Refresh(); err != nil || !mine.IsStarred("0123456789ab") {
		t.Fatalf("after the change: starred %v, err %v", mine.IsStarred("0123456789ab"), err)
	}

	mine.Close()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case _, ok := <-changes:
			if !ok {
				return
			}
		case <-deadline:
			t.Fatal("the watch outlived Close")
		}
	}
}

// TestWatchEndsWithItsContext: cancelling the context closes the channel.
func TestWatchEndsWithItsContext(t *testing.T) {
	s, err := OpenWith(t.TempDir(), Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx, cancel := context.WithCancel(context.Background())
	changes, err := s.Watch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	select {
	case _, ok := <-changes:
		if ok {
			t.Fatal("a change reported for nothing")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the watch outlived its context")
	}
}
