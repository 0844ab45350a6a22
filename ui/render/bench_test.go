package render

import (
	"testing"
	"time"

	"github.com/muesli/termenv"
)

// BenchmarkRenderSeed is the detail pane's cost for a seed-sized article
// at 80 columns, in true colour as on a real terminal. Target: well under
// 100 ms.
func BenchmarkRenderSeed(b *testing.B) {
	r, err := NewRenderer("dark", WithColorProfile(termenv.TrueColor), WithDeadline(time.Minute))
	if err != nil {
		b.Fatal(err)
	}
	md, _ := Document(seedArticle(), now)
	b.SetBytes(int64(len(md)))
	for b.Loop() {
		if _, err := r.Render(md, 80); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDocumentSeed is building the Markdown (and finding the links).
func BenchmarkDocumentSeed(b *testing.B) {
	a := seedArticle()
	for b.Loop() {
		Document(a, now)
	}
}

// BenchmarkPlainFallback is what the caller pays after a deadline: the
// plain-text view of a document at the size cap.
func BenchmarkPlainFallback(b *testing.B) {
	md := DefaultLimits().apply(hostile["long line"] + "\n\n" + hostile["emphasis"] + "\n\n" + hostile["nested list"])
	b.SetBytes(int64(len(md)))
	for b.Loop() {
		plain(md, 80)
	}
}
