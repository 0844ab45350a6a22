package ui

import (
	"runtime"
	"strings"
	"testing"

	"github.com/muesli/termenv"

	"github.com/herald-reader/herald/ui/render"
)

// TestRenderBombsKeepMemoryBounded is the hostile-archive acceptance test:
// 300 small articles that each render to far more than their size (glamour
// pads every line to the width and colours every cell), browsed one after
// the other with the real renderer, leave the heap within the render
// cache's byte budget plus a margin, where keeping every render would
// hold many times that.
func TestRenderBombsKeepMemoryBounded(t *testing.T) {
	const budget = 2 << 20
	r, err := render.NewRenderer("dark", render.WithColorProfile(termenv.TrueColor))
	if err != nil {
		t.Fatal(err)
	}
	arts := articles(300)
	bomb := strings.Repeat("x\n\n", 40) // 120 bytes
	for _, a := range arts {
		a.Detail.Body = bomb
	}
	hs := newHarness(t, 200, 40, arts, withRenderer(r), func(o *Options) { o.RenderCacheBytes = budget })
	one := len(hs.m.detail.body)
	if one*len(arts) < 8*budget {
		t.Fatalf("one render is %d bytes: not a bomb (300 of them fit %d times in the budget)", one, budget)
	}
	before := heapAfterGC()
	for range len(arts) - 1 {
		hs.press(hs.keys.Down)
		if !hs.m.detail.ready {
			t.Fatal("the render did not land")
		}
	}
	if hs.m.detail.cached > budget {
		t.Errorf("the render cache holds %d MB, over its %d MB budget", hs.m.detail.cached>>20, budget>>20)
	}
	grown := int64(heapAfterGC()) - int64(before)
	runtime.KeepAlive(hs) // the model is what is measured
	t.Logf("one render %d KB, 300 would be %d MB; the heap grew %d MB", one>>10, one*len(arts)>>20, grown>>20)
	if limit := int64(budget + 12<<20); grown > limit {
		t.Errorf("browsing 300 render bombs grew the heap by %d MB, over the %d MB budget plus 12 MB", grown>>20, budget>>20)
	}
}

func heapAfterGC() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}
