package search

import (
	"context"
	"runtime"
	"testing"
	"time"

	"github.com/herald-reader/herald/feed"
)

// BenchmarkTypingPreview1M types "generative" into the filter over a
// million articles, newest first and ranked, with the preview the reader
// asks for (ui's previewAfter and previewRows): each keystroke narrows the
// one before. It reports per keystroke the mean wall time to the first
// rows (the preview, or the result when it came first), which is the
// filter keystroke the user waits for, and to the whole result.
func BenchmarkTypingPreview1M(b *testing.B) {
	arts := benchArticles(1_000_000, 0)
	SortArticles(arts, SortNewest) // the reader's order
	ix := NewIndex()
	ix.Add(arts)
	arts = nil
	ix.PrepareOrder(SortNewest) // as the reader does once the load settles
	runtime.GC()
	const word = "generative"
	var first, whole time.Duration
	keys := 0
	for b.Loop() {
		ix.recentMu.Lock()
		ix.recent = nil
		ix.recentMu.Unlock()
		for n := 1; n <= len(word); n++ {
			q, err := ParseQuery(word[:n], time.Time{})
			if err != nil {
				b.Fatal(err)
			}
			start := time.Now()
			var shown time.Duration
			p := Preview{After: 40 * time.Millisecond, Rows: 256, Show: func([]*feed.Article) { shown = time.Since(start) }}
			if _, err := ix.SearchPreviewed(context.Background(), q, nil, SortRelevance, p); err != nil {
				b.Fatal(err)
			}
			took := time.Since(start)
			if shown == 0 {
				shown = took
			}
			first, whole, keys = first+shown, whole+took, keys+1
		}
	}
	b.ReportMetric(float64(first.Microseconds())/1e3/float64(keys), "first-rows-ms/key")
	b.ReportMetric(float64(whole.Microseconds())/1e3/float64(keys), "result-ms/key")
}
