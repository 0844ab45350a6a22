package feed

import (
	"testing"

	"github.com/herald-reader/herald/feed/internal/seedlike"
)

// BenchmarkParse compares the ways to parse seed-like articles (~8 KB of
// front matter with eight related stories, see seedlike.File):
//
//	Parse, ParseSummary  the API (fast decoder)
//	Parse-yaml           Parse forced through the yaml.v3 path
//
// The decoders alone, and yaml.v3's own cost for reference, are
// frontmatter's BenchmarkDecode.
//
// go test -run '^$' -bench BenchmarkParse ./feed/
func BenchmarkParse(b *testing.B) {
	files := make([][]byte, 64)
	var total int
	for i := range files {
		files[i] = seedlike.File(i)
		total += len(files[i])
	}
	run := func(name string, f func(i int) error) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(total / len(files)))
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if err := f(i % len(files)); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
	run("Parse", func(i int) error {
		_, err := Parse("2024-01-29-x.md", files[i])
		return err
	})
	run("ParseSummary", func(i int) error {
		_, err := ParseSummary("2024-01-29-x.md", files[i])
		return err
	})
	run("Parse-yaml", func(i int) error {
		_, err := parse("2024-01-29-x.md", files[i], parseOptions{full: true, noFast: true})
		return err
	})
}
