package feed

import (
	"testing"
	"unsafe"

	"gopkg.in/yaml.v3"
)

// BenchmarkParse compares the ways to parse seed-like articles (~8 KB of
// front matter with eight related stories, see seedLike):
//
//	Parse, ParseSummary  the API (fast decoder)
//	Parse-yaml           Parse forced through the yaml.v3 path
//	decode-fast          the fast decoder alone (front matter to tree, in place
//	                     as Parse runs it)
//	decode-yaml          the yaml.v3 path alone
//	yaml.v3-map          yaml.Unmarshal into map[string]any: the reference
//	                     cost (~620us) the performance target is set against
//
// go test -run '^$' -bench BenchmarkParse ./feed/
func BenchmarkParse(b *testing.B) {
	files := make([][]byte, 64)
	fms := make([][]byte, len(files))
	var total int
	for i := range files {
		files[i] = seedLike(i)
		total += len(files[i])
		fm, _, err := splitFrontMatter(files[i])
		if err != nil {
			b.Fatal(err)
		}
		fms[i] = fm
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
	run("decode-fast", func(i int) error {
		if _, _, ok := parseFast(unsafe.String(unsafe.SliceData(fms[i]), len(fms[i])), fmFirstLine, false); !ok {
			b.Fatal("fast decoder declined a seed-like file")
		}
		return nil
	})
	run("decode-yaml", func(i int) error {
		src, _ := prepareSource(fms[i])
		if _, err := parseYAML(src, fmFirstLine); err != nil {
			return err
		}
		return nil
	})
	run("yaml.v3-map", func(i int) error {
		var m map[string]any
		return yaml.Unmarshal(fms[i], &m)
	})
}
