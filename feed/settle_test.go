package feed

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"
)

// TestLoaderLetsGoOfTheSnapshotBeforeItsLastBatch: once every file was
// looked up, the previous snapshot (its entries and their paths: 14 MB at
// 100,000 files) and the index of interned values are let go while
// batches are still to be sent, not when the last one is in and the
// reader's live heap is at its highest. What it decided on the way
// (unchanged: nothing to write) still holds.
func TestLoaderLetsGoOfTheSnapshotBeforeItsLastBatch(t *testing.T) {
	dir, cdir := t.TempDir(), t.TempDir()
	files := map[string]string{}
	for i := range 600 { // batches of 100, 400 and 100 files
		files[fmt.Sprintf("2021-%02d-%02d-s%d.md", 1+i%12, 1+i%28, i)] = article(fmt.Sprintf("Story %d", i),
			fmt.Sprintf("https://example.com/%d", i), "2021-01-01T00:00:00Z")
	}
	write(t, dir, files)
	opt := Options{Cache: OpenCache(cdir)}
	mustLoad(t, opt, Dir(dir))
	snap := (&cacheFixture{t: t, cdir: cdir}).snapshotFile()
	before, err := os.Stat(snap)
	if err != nil {
		t.Fatal(err)
	}

	l := newStreamLoader(context.Background(), []Source{Dir(dir)}, opt, false)
	ld := startLoader(l, opt)
	batches := []Batch{<-ld.Batches()}
	deadline := time.Now().Add(10 * time.Second)
	for l.cache.old.Load() != nil || !snapshotWasRead(l.cache) {
		if time.Now().After(deadline) {
			t.Fatal("the previous snapshot was still held with batches left to send")
		}
		time.Sleep(time.Millisecond)
	}
	if l.shared != nil { // set to nil before the snapshot was let go
		t.Error("the index of interned values was still held with batches left to send")
	}
	after := 0
	for b := range ld.Batches() {
		batches = append(batches, b)
		after++
	}
	<-ld.Done()
	if after < 2 { // the one in the channel's buffer, and one sent since
		t.Errorf("only %d batches came after the snapshot was let go: it was let go at the end", after)
	}
	n := 0
	for _, b := range batches {
		n += len(b.Articles)
	}
	if n != 600 {
		t.Errorf("%d articles loaded, want 600", n)
	}
	if fi, err := os.Stat(snap); err != nil || !fi.ModTime().Equal(before.ModTime()) {
		t.Errorf("an unchanged library's snapshot was written again (%v)", err)
	}
}

// snapshotWasRead reports whether the cache run has read its previous
// snapshot (old is nil before that too).
func snapshotWasRead(r *cacheRun) bool {
	select {
	case <-r.loaded:
		return true
	default:
		return false
	}
}
