package frontmatter

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-reader/herald/internal/e2e"
)

// Every real file of the shared corpus (next to the repository; the test
// skips without it) takes the fast path, and yaml.v3 builds the same tree.
// feed's TestParseCorpus checks the articles.
func TestDecodeCorpus(t *testing.T) {
	err := filepath.WalkDir(e2e.SharedCorpus(t), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		t.Run(filepath.Base(path), func(t *testing.T) {
			fmb, _, _ := splitFrontMatter(data)
			if _, _, ok := parseFast(string(fmb), startLine, false); !ok {
				t.Error("the fast decoder declined a real file")
			}
			checkSameTree(t, string(fmb))
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
