package feed

import (
	"context"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"
)

// countingFS counts the articles opened, and cancels the load when the
// cancelAt-th is opened.
type countingFS struct {
	fstest.MapFS
	mu          sync.Mutex
	opened      int
	cancelAt    int
	cancel      func()
	afterCancel int
}

func (c *countingFS) Open(name string) (fs.File, error) {
	if strings.HasSuffix(name, ".md") {
		c.mu.Lock()
		c.opened++
		switch {
		case c.opened == c.cancelAt:
			c.cancel()
		case c.opened > c.cancelAt:
			c.afterCancel++
		}
		c.mu.Unlock()
	}
	return c.MapFS.Open(name)
}

// TestCancelStopsOpeningFiles: a load cancelled halfway opens no more
// files than the workers had in hand. A loader that ignores cancellation
// once started opens the rest of the library here.
func TestCancelStopsOpeningFiles(t *testing.T) {
	const n, workers = 1200, 2
	fsys := fstest.MapFS{}
	for i := range n {
		name := fmt.Sprintf("2020/%02d/2020-%02d-%02d-s%04d.md", i%12+1, i%12+1, i%28+1, i)
		fsys[name] = &fstest.MapFile{Data: []byte(article(fmt.Sprintf("Story number %04d", i), "", ""))}
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c := &countingFS{MapFS: fsys, cancelAt: n / 4, cancel: cancel}
	ch := Stream(ctx, []Source{FS(c, "lib")}, Options{Workers: workers}).Batches()
	deadline := time.After(time.Minute)
	for done := false; !done; {
		select {
		case _, ok := <-ch:
			done = !ok
		case <-deadline:
			t.Fatal("the stream was not closed after cancelling")
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.opened < c.cancelAt {
		t.Fatalf("only %d files opened; the load never reached the cancel at %d", c.opened, c.cancelAt)
	}
	if c.afterCancel > workers {
		t.Errorf("%d files opened after cancelling (of %d left), want at most %d (one per worker in flight)",
			c.afterCancel, n-c.cancelAt, workers)
	}
}

// listingFS counts the directories listed, and cancels the load when the
// cancelAt-th is listed.
type listingFS struct {
	fstest.MapFS
	mu          sync.Mutex
	listed      int
	cancelAt    int
	cancel      func()
	afterCancel int
}

func (c *listingFS) ReadDir(name string) ([]fs.DirEntry, error) {
	c.mu.Lock()
	c.listed++
	switch {
	case c.listed == c.cancelAt:
		c.cancel()
	case c.listed > c.cancelAt:
		c.afterCancel++
	}
	c.mu.Unlock()
	return c.MapFS.ReadDir(name)
}

// TestCancelStopsTheWalk: a load cancelled while the directories are
// still being listed lists no further directory, and the stream ends
// without a batch.
func TestCancelStopsTheWalk(t *testing.T) {
	fsys := fstest.MapFS{}
	for i := range 1000 {
		fsys[fmt.Sprintf("d%04d/2020-01-01-s%04d.md", i, i)] = &fstest.MapFile{Data: []byte(article(fmt.Sprintf("Story number %04d", i), "", ""))}
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c := &listingFS{MapFS: fsys, cancelAt: 100, cancel: cancel}
	var batches int
	for range Stream(ctx, []Source{FS(c, "lib")}, Options{Workers: 2}).Batches() {
		batches++
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.afterCancel > 0 || batches > 0 {
		t.Errorf("after cancelling: %d more directories listed (of %d), %d batches sent; want none", c.afterCancel, 1001-c.cancelAt, batches)
	}
}
