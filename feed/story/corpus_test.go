package story

import (
	"context"
	"path"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/internal/e2e"
)

// corpusClusters are the stories of the shared corpus told more than once,
// by file name (newest first). The first seven are Library.Finish's saves
// of one article (one title on two days, twice by two outlets); the last two are
// the same story from two outlets that list each other as related. What is
// not here must stay alone: in particular the Google Maps, LLMOps and
// Google and Hugging Face articles of 2024-01-29..02-01 list each other as
// related but are three stories, and the two 2019-12-17/18 articles on
// cities curbing face recognition are two.
var corpusClusters = []string{
	"2024-01-29-google-and-hugging-face-partner-to-advance-generative-ai-with-open-models.md + 2024-01-29-google-and-hugging-face-partner-to-advance-generative-ai-with-open-models.md",
	"2021-03-10-synopsys-arc-ev-processor-enables-kyocera-document-solutions-to-launch-ai-enabled-multifunctional-printer-soc.md + 2021-03-09-synopsys-arc-ev-processor-enables-kyocera-document-solutions-to-launch-ai-enabled-multifunctional-printer-soc.md",
	"2021-03-06-artificial-intelligence-reveals-current-drugs-that-may-help-combat-alzheimers-disease.md + 2021-03-04-artificial-intelligence-reveals-current-drugs-that-may-help-combat-alzheimers-disease.md",
	"2019-12-25-google-cloud-team-releases-automl-natural-language.md + 2019-12-24-google-cloud-team-releases-automl-natural-language.md",
	"2019-12-23-artificial-intelligence-tracks-down-leukemia.md + 2019-12-20-artificial-intelligence-tracks-down-leukemia.md",
	"2019-12-21-computer-vision-and-the-ccpa-what-you-need-to-know.md + 2019-12-20-computer-vision-and-the-ccpa-what-you-need-to-know.md",
	"2019-12-18-the-global-machine-translation-market-at-a-cagr-of-over-19-during-the-forecast-period.md + 2019-12-17-the-global-machine-translation-market-at-a-cagr-of-over-19-during-the-forecast-period.md",
	"2023-03-27-artificial-intelligence-in-indian-healthcare-system-icmr-releases-first-ethical-guidelines.md + 2023-03-26-icmr-releases-first-ethical-guidelines-for-ai-in-healthcare.md",
	"2021-08-04-intels-ai-degree-program-expands-to-18-additional-community-colleges-in-11-states.md + 2021-08-04-intel-expands-college-ai-training-programme-to-11-us-states.md",
}

func fileClusters(cs []Story) []string {
	var out []string
	for _, c := range cs {
		if len(c.Members) < 2 {
			continue
		}
		var names []string
		for _, a := range c.Members {
			names = append(names, path.Base(a.Rel()))
		}
		out = append(out, strings.Join(names, " + "))
	}
	slices.Sort(out)
	return out
}

func TestStoriesCorpus(t *testing.T) {
	lib := mustLoad(t, e2e.SharedCorpus(t))
	want := slices.Sorted(slices.Values(corpusClusters))
	cs := Group(lib.Articles(), Options{})
	if got := fileClusters(cs); !slices.Equal(got, want) {
		t.Errorf("corpus clusters:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	n := 0
	for _, c := range cs {
		n += len(c.Members)
	}
	if n != lib.Len() {
		t.Errorf("clusters hold %d articles, the library %d", n, lib.Len())
	}

	// The rules find the saves themselves: without Library.Finish's
	// FirstSaveID the stories are the same.
	var bare []*feed.Article
	for _, a := range lib.Articles() {
		c := *a
		c.FirstSaveID = ""
		bare = append(bare, &c)
	}
	if got := fileClusters(Group(bare, Options{})); !slices.Equal(got, want) {
		t.Errorf("without story groups:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func mustLoad(t testing.TB, dir string) *feed.Library {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	lib, err := feed.Load(ctx, []feed.Source{feed.Dir(dir)}, feed.Options{})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return lib
}
