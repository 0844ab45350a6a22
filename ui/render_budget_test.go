package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestRenderCacheBudgetInBytes: renders of hostile size are evicted by
// bytes, not only by count: browsing 300 articles that render to 3 MB
// each keeps the cache within its budget (256 of them were 768 MB).
func TestRenderCacheBudgetInBytes(t *testing.T) {
	d := newDetailPane(nil, time.Now, nil)
	big := strings.Repeat(strings.Repeat("x", 99)+"\n", 30_000) // 3 MB
	for i := range 300 {
		d.store(renderKey{id: fmt.Sprint(i), width: 80}, rendered{content: big})
		if d.cached > renderCacheBytes {
			t.Fatalf("after %d renders the cache holds %d MB, over its %d MB budget", i+1, d.cached>>20, renderCacheBytes>>20)
		}
	}
	total := 0
	for _, r := range d.cache {
		total += len(r.content)
	}
	if total != d.cached || len(d.cache) != len(d.order) || len(d.cache) == 0 {
		t.Errorf("cache holds %d bytes in %d renders (%d in order), counted %d", total, len(d.cache), len(d.order), d.cached)
	}
}

// TestRenderedArticleCapped: one render past maxRenderedBytes is cut at a
// line and says so; what is kept is whole lines.
func TestRenderedArticleCapped(t *testing.T) {
	line := "\x1b[1m" + strings.Repeat("y", 90) + "\x1b[0m\n"
	content := strings.Repeat(line, maxRenderedBytes/len(line)+1000)
	got := capRendered(content, maxRenderedBytes)
	if len(got) > maxRenderedBytes || !strings.HasSuffix(got, "(truncated)") {
		t.Fatalf("capped to %d bytes (limit %d), ends %q", len(got), maxRenderedBytes, got[len(got)-20:])
	}
	if body := strings.TrimSuffix(got, truncatedNote); strings.Count(body, line) != strings.Count(body, "\n") {
		t.Error("the cut is not at a line break")
	}
	if short := "fits\n"; capRendered(short, maxRenderedBytes) != short {
		t.Error("a render that fits was changed")
	}
}

// TestRenderCacheBudgetSetting: render_cache_mb reaches the cache.
func TestRenderCacheBudgetSetting(t *testing.T) {
	hs := newHarness(t, 80, 24, articles(1), func(o *Options) { o.RenderCacheBytes = 10 << 20 })
	if hs.m.detail.budget != 10<<20 {
		t.Errorf("budget %d, want the 10 MB asked for", hs.m.detail.budget)
	}
	if hs := newHarness(t, 80, 24, articles(1)); hs.m.detail.budget != renderCacheBytes {
		t.Errorf("default budget %d, want %d", hs.m.detail.budget, renderCacheBytes)
	}
}
