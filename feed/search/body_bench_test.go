package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/feed/internal/seedlike"
)

// BenchmarkBodySearch searches the bodies of 2,000 articles loaded from
// files (seed-like front matter of ~8 KB, then about 2 KB of body made of
// the same sentences), cold (no
// earlier result to narrow): a word, a phrase every body holds and one
// no body does. A summary keeps its body's words: a word is answered
// from them; a phrase whose words are all there is checked against the
// body read again from its file.
func BenchmarkBodySearch(b *testing.B) {
	dir := b.TempDir()
	rng := rand.New(rand.NewPCG(7, 7))
	sentences := fillerSentences()
	for i := range 2000 {
		var body strings.Builder
		for body.Len() < 2000 {
			body.WriteString(sentences[rng.IntN(len(sentences))])
			body.WriteString("\n\n")
		}
		src := append(seedlike.File(i), body.String()...)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("2024-01-01-story-%d.md", i)), src, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	lib, err := feed.Load(context.Background(), []feed.Source{feed.Dir(dir)}, feed.Options{})
	if err != nil {
		b.Fatal(err)
	}
	ix := NewIndex()
	ix.Add(lib.Articles())
	runtime.GC()
	now := time.Date(2024, 9, 1, 0, 0, 0, 0, time.UTC)
	for _, text := range []string{"accountability", `"raises difficult questions"`, `body:"difficult questions"`, `"difficult answers"`} {
		q, err := ParseQuery(text, now)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(text, func(b *testing.B) {
			n := 0
			cpu := cpuTime()
			for b.Loop() {
				hits, _, _ := ix.search(context.Background(), q, nil, false, nil, nil)
				n = len(hits)
			}
			b.ReportMetric(float64(n), "hits")
			b.ReportMetric(float64(cpuTime()-cpu)/1e6/float64(b.N), "cpu-ms/op")
		})
	}
}
