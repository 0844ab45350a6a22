//go:build linux

package feed

import (
	"context"
	"fmt"
	"os"
	"testing"
)

// TestLoadClosesDirectories: the directories the walk keeps open for
// statEntry are closed when the load ends, finished or cancelled early.
func TestLoadClosesDirectories(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for i := range keepDirMin + 10 {
		files[fmt.Sprintf("sub/2020-01-01-story-%d.md", i)] = article(fmt.Sprintf("Story %d of many", i), "", "")
	}
	write(t, dir, files)
	openFDs := func() int {
		ents, err := os.ReadDir("/proc/self/fd")
		if err != nil {
			t.Skip("no /proc/self/fd")
		}
		return len(ents)
	}
	before := openFDs()
	for range 3 {
		if lib := mustLoad(t, Options{}, Dir(dir)); lib.Len() != keepDirMin+10 {
			t.Fatalf("loaded %d", lib.Len())
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	ch := Stream(ctx, []Source{Dir(dir)}, Options{Workers: 1}).Batches()
	<-ch
	cancel()
	for range ch {
	}
	if after := openFDs(); after > before {
		t.Errorf("%d descriptors open after the loads, %d before", after, before)
	}
}
