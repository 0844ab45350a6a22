package textsafe

import "testing"

// BenchmarkSanitizeCleanText: clean text, nearly all that is loaded, is
// returned as it is. Target: 0 allocs/op.
func BenchmarkSanitizeCleanText(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = Sanitize(cleanText)
		_ = Line(cleanText)
	}
}
