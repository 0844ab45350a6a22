package ui

import (
	"fmt"
	"testing"
)

// BenchmarkGroupRows100k is the per-update cost of clustering in the list:
// grouping 100,000 shown articles into story rows (the clustering itself
// runs once, in a Cmd, after loading).
func BenchmarkGroupRows100k(b *testing.B) {
	arts := articles(100_000)
	for i, a := range arts {
		if i%5 == 1 {
			a.Title = arts[i-1].Title // a near-duplicate of the row above
			a.WebURL = arts[i-1].WebURL
		}
	}
	m := New(Options{Clustering: true})
	m.lib.arts = arts
	msg := m.lib.group()().(storiesMsg)
	b.ReportMetric(float64(len(msg.st.members)), "stories")
	b.ResetTimer()
	for range b.N {
		rows, _ := groupRows(msg.st, nil, arts)
		if len(rows) == 0 {
			b.Fatal(fmt.Sprint("no rows"))
		}
	}
}
