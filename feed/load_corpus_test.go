package feed

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/herald-reader/herald/internal/e2e"
)

// corpusFile is what yaml.v3, an independent decoder, reads from a corpus
// file: the test compares the loader's summaries with it.
type corpusFile struct {
	Title             string    `yaml:"title"`
	PublishedDateTime time.Time `yaml:"publishedDateTime"`
	Provider          struct {
		Name string `yaml:"name"`
	} `yaml:"provider"`
	Topics  []string `yaml:"topics"`
	Related []struct {
		Title string `yaml:"title"`
	} `yaml:"related"`
}

func TestCorpusLoadsFaithfully(t *testing.T) {
	dir := e2e.SharedCorpus(t)
	lib := mustLoad(t, Options{}, Dir(dir))
	if lib.Len() != 92 || len(lib.Skipped()) != 0 {
		t.Fatalf("loaded %d articles, skipped %v; want 92 and none", lib.Len(), lib.Skipped())
	}
	for _, a := range lib.Articles() {
		if !strings.HasPrefix(a.Path, dir+string(filepath.Separator)) {
			t.Errorf("path %q does not start with %q", a.Path, dir)
		}
		data, err := os.ReadFile(a.Path)
		if err != nil {
			t.Fatal(err)
		}
		fm := bytes.SplitN(data, []byte("\n---"), 2)[0]
		var want corpusFile
		if err := yaml.Unmarshal(bytes.TrimPrefix(fm, []byte("---\n")), &want); err != nil {
			t.Fatalf("%s: yaml.v3: %v", a.Path, err)
		}
		if a.Title != want.Title || a.Provider.Name != want.Provider.Name ||
			!a.Published.Equal(want.PublishedDateTime) || !slices.Equal(a.Topics, want.Topics) ||
			int(a.RelatedCount) != len(want.Related) {
			t.Errorf("%s:\n got %q %q %v %q related=%d\nwant %q %q %v %q related=%d", a.Rel(),
				a.Title, a.Provider.Name, a.Published, a.Topics, a.RelatedCount,
				want.Title, want.Provider.Name, want.PublishedDateTime, want.Topics, len(want.Related))
		}
	}
}

func TestCorpusStories(t *testing.T) {
	lib := mustLoad(t, Options{}, Dir(e2e.SharedCorpus(t)))
	byRel := map[string]*Article{}
	for _, a := range lib.Articles() {
		byRel[filepath.Base(a.Rel())] = a
	}
	sameStory := [][2]string{
		// Same title, different query strings on the URL.
		{"2019-12-20-computer-vision-and-the-ccpa-what-you-need-to-know.md", "2019-12-21-computer-vision-and-the-ccpa-what-you-need-to-know.md"},
		// Same URL saved twice.
		{"2019-12-24-google-cloud-team-releases-automl-natural-language.md", "2019-12-25-google-cloud-team-releases-automl-natural-language.md"},
		{"2019-12-20-artificial-intelligence-tracks-down-leukemia.md", "2019-12-23-artificial-intelligence-tracks-down-leukemia.md"},
	}
	for _, pair := range sameStory {
		a, b := byRel[pair[0]], byRel[pair[1]]
		if a == nil || b == nil {
			t.Fatalf("missing %v", pair)
		}
		// Copies of one URL share their ID (issue 11), other saves do not.
		if a.FirstSaveID != b.FirstSaveID || (a.ID == b.ID) != (URLID(a.URL()) == URLID(b.URL())) {
			t.Errorf("%s and %s: stories %q/%q, IDs %q/%q; want one story, IDs shared by one URL only", pair[0], pair[1], a.FirstSaveID, b.FirstSaveID, a.ID, b.ID)
		}
		if got := len(savesOf(lib, a.ID)); got != 2 {
			t.Errorf("Story(%s) has %d members, want 2", pair[0], got)
		}
	}
	other := byRel["2019-12-25-when-ibm-watson-met-david-ogilvy.md"]
	if other == nil || other.FirstSaveID != other.ID {
		t.Errorf("a story told once is grouped: %+v", other)
	}
}
