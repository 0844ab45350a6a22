package feed

import (
	"path/filepath"
	"testing"

	"github.com/herald-reader/herald/feed/internal/seedlike"
)

// FuzzParse checks, for any bytes: Parse never panics; an error is a short,
// clean *ParseError; an article holds no control characters; and the fast
// decoder, whenever it accepts the front matter, gives exactly the article
// the yaml.v3 path gives (frontmatter's FuzzDecode compares the trees, from
// the same seeds). The seeds are corpus-like files, the fixtures and the
// hazard classes.
//
//	go test -run '^$' -fuzz '^FuzzParse$' -fuzztime 30s ./feed/
func FuzzParse(f *testing.F) {
	for _, data := range seedlike.FuzzSeeds(filepath.Join("testdata", "parse")) {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := parseBoth(t, "2024-01-29-fuzz.md", data) // agreement, clean strings, error form
		if err == nil && a.Title == "" {
			t.Errorf("article without a title")
		}
	})
}
