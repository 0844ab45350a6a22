package frontmatter

import (
	"testing"
	"unsafe"

	"gopkg.in/yaml.v3"

	"github.com/herald-reader/herald/feed/internal/seedlike"
)

// BenchmarkDecode compares the decoders on seed-like articles (~8 KB of
// front matter with eight related stories, see seedlike.File); MB/s count
// the whole file, as feed's BenchmarkParse does:
//
//	decode-fast  the fast decoder alone (front matter to tree, in place
//	             as Parse runs it)
//	decode-yaml  the yaml.v3 path alone
//	yaml.v3-map  yaml.Unmarshal into map[string]any: the reference cost
//	             (~620us) the performance target is set against
//
// go test -run '^$' -bench BenchmarkDecode ./feed/internal/frontmatter/
func BenchmarkDecode(b *testing.B) {
	fms := make([][]byte, 64)
	var total int
	for i := range fms {
		file := seedlike.File(i)
		total += len(file)
		fm, _, err := splitFrontMatter(file)
		if err != nil {
			b.Fatal(err)
		}
		fms[i] = fm
	}
	run := func(name string, f func(i int) error) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(total / len(fms)))
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if err := f(i % len(fms)); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
	run("decode-fast", func(i int) error {
		if _, _, ok := parseFast(unsafe.String(unsafe.SliceData(fms[i]), len(fms[i])), startLine, false); !ok {
			b.Fatal("fast decoder declined a seed-like file")
		}
		return nil
	})
	run("decode-yaml", func(i int) error {
		src, _ := prepareSource(fms[i])
		if _, err := parseYAML(src, startLine); err != nil {
			return err
		}
		return nil
	})
	run("yaml.v3-map", func(i int) error {
		var m map[string]any
		return yaml.Unmarshal(fms[i], &m)
	})
}
