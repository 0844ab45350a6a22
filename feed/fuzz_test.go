package feed

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// FuzzParse checks, for any bytes: Parse never panics; an error is a short,
// clean *ParseError; an article holds no control characters; and the fast
// decoder, whenever it accepts the front matter, gives exactly what the
// yaml.v3 path gives (tree and article). The seeds are corpus-like files,
// the fixtures and the hazard classes.
//
//	go test -run '^$' -fuzz '^FuzzParse$' -fuzztime 30s ./feed/
func FuzzParse(f *testing.F) {
	for i := 0; i < 3; i++ {
		f.Add(seedLike(i))
	}
	f.Add(seedLike(3)[:1500])
	fixtures, _ := filepath.Glob(filepath.Join("testdata", "parse", "*.md"))
	for _, p := range fixtures {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"---\ntitle: t\nrelated:\n  - title: r\n    quality: 5\n---\nbody",
		"---\r\ntitle: \"\\e[31m\\u009b\"\r\n---\r\n",
		"\ufeff---\na:\n- x\n-\n  y: 1\n- - z\n...\n",
		"---\n? {}\n<<: {}\n---\n",
		"---\na: &a [x,x]\nb: [*a,*a]\ntitle: *a\n---\n",
		"---\ntitle: a\ntitle: b\n---\n",
		"---\ntitle: !!binary G1sySg==\n---\n",
		"---\ntitle: 'it''s' # c\nquality: 0x1F\n---\n",
		"---\ntitle: |\n  block\n---\n",
		"---\n" + strings.Repeat("[", 50) + "\n---\n",
		"---\ntitle: caf\xe9\x00\n---\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := parseBoth(t, "2024-01-29-fuzz.md", data) // agreement, clean strings, error form
		if err == nil && a.Title == "" {
			t.Errorf("article without a title")
		}
		fmb, _, perr := splitFrontMatter(data)
		if perr != nil || len(fmb) > maxFrontMatter {
			return
		}
		src, _ := prepareSource(fmb)
		fast, ok := parseFast(src, fmFirstLine)
		if !ok {
			return
		}
		slow, perr := parseYAML(src, fmFirstLine)
		if perr != nil || !reflect.DeepEqual(fast, slow) {
			t.Fatalf("fast decoder accepted %q:\nfast %+v\nyaml %+v %v", src, fast, slow, perr)
		}
	})
}
