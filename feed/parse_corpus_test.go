package feed

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/herald-reader/herald/internal/e2e"
)

// parseOracle is what a real file holds, read by plain yaml.v3 decoding into a
// struct: independent of both of Herald's decoders.
type parseOracle struct {
	Title     string    `yaml:"title"`
	Published time.Time `yaml:"publishedDateTime"`
	Provider  struct {
		Name   string `yaml:"name"`
		Domain string `yaml:"domain"`
	} `yaml:"provider"`
	Topics  []string `yaml:"topics"`
	Quality int32    `yaml:"quality"`
	Related []struct {
		Title  string `yaml:"title"`
		WebURL string `yaml:"webUrl"`
	} `yaml:"related"`
}

// oracleFrontMatter is the text between a real file's "---" lines, found
// without Herald's decoders: the corpus's files are plain (LF, no BOM).
func oracleFrontMatter(data []byte) []byte {
	_, rest, _ := bytes.Cut(data, []byte("---\n"))
	fm, _, _ := bytes.Cut(rest, []byte("\n---"))
	return fm
}

// Every real file parses with what the file holds, and both decoders agree
// on it (frontmatter's TestDecodeCorpus checks the fast path takes it).
func TestParseCorpus(t *testing.T) {
	dir := e2e.SharedCorpus(t)
	n := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		n++
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		t.Run(filepath.Base(path), func(t *testing.T) {
			a, err := parseBoth(t, path, data)
			if err != nil {
				t.Fatal(err)
			}
			if len(a.Warnings()) > 0 {
				t.Errorf("warnings: %q", a.Warnings())
			}
			var want parseOracle
			if err := yaml.Unmarshal(oracleFrontMatter(data), &want); err != nil {
				t.Fatal(err)
			}
			var titles []string
			for _, r := range want.Related {
				titles = append(titles, r.Title)
			}
			got := []any{a.Title, a.Published, a.Provider.Name, a.Provider.Domain, a.Topics, a.Quality, int(a.RelatedCount), a.RelatedTitles().List()}
			exp := []any{want.Title, want.Published, want.Provider.Name, want.Provider.Domain, want.Topics, want.Quality, len(want.Related), titles}
			if !reflect.DeepEqual(got, exp) {
				t.Errorf("got  %q\nwant %q", got, exp)
			}
			if a.ID == "" || a.ID != URLID(a.URL()) || len(a.RelatedIDList()) != len(want.Related) {
				t.Errorf("ID %q, %d related IDs", a.ID, len(a.RelatedIDList()))
			}
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != 92 {
		t.Errorf("%d corpus files, want 92", n)
	}
}
