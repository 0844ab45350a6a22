package story

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/herald-reader/herald/feed"
)

// clusterArt is an article as the loader would hand it to Clusters: ID from
// its URL, published at noon UTC on date (YYYY-MM-DD; "" for none), listing
// the related URLs.
func clusterArt(title, url, date string, related ...string) *feed.Article {
	a := &feed.Article{Title: title, WebURL: url, Provider: feed.Provider{Name: "Wire"}}
	a.ID = feed.URLID(url)
	if a.ID == "" {
		a.ID = feed.PathID(title)
	}
	if date != "" {
		d, err := time.Parse(time.DateOnly, date)
		if err != nil {
			panic(err)
		}
		a.Published = d.Add(12 * time.Hour)
	}
	var ids []string
	for _, r := range related {
		ids = append(ids, feed.URLID(r))
	}
	a.SetRelatedIDs(ids)
	return a
}

// partition renders clusters as sorted title groups, "a | b" per cluster,
// for comparing with what a reader would expect.
func partition(cs []Story) []string {
	var out []string
	for _, c := range cs {
		out = append(out, strings.Join(titles(c.Members), " | "))
	}
	return out
}

// multi returns the clusters of two or more articles, as partition does.
func multi(cs []Story) []string {
	var out []string
	for _, c := range cs {
		if len(c.Members) > 1 {
			ts := titles(c.Members)
			out = append(out, strings.Join(ts, " | "))
		}
	}
	return out
}

func TestStoriesSameURLWhateverTheDates(t *testing.T) {
	a := clusterArt("Google Cloud releases AutoML", "https://www.infoq.com/news/automl/", "2020-01-01")
	b := clusterArt("AutoML arrives", "http://infoq.com/news/automl?utm_source=feed", "2020-03-01")
	c := clusterArt("Something else entirely here", "https://example.com/other", "2020-01-01")
	c.OriginalURL = "https://example.com/canonical"
	d := clusterArt("A syndicated copy of it", "https://example.com/canonical", "2021-01-01")
	got := multi(Group([]*feed.Article{a, b, c, d}, Options{}))
	want := []string{"AutoML arrives | Google Cloud releases AutoML", "A syndicated copy of it | Something else entirely here"}
	if !slices.Equal(got, want) {
		t.Errorf("clusters = %q, want %q", got, want)
	}
}

func TestStoriesNearIdenticalTitles(t *testing.T) {
	tests := []struct {
		a, b string
		gap  int // days between them
		want bool
	}{
		{"Computer Vision and the CCPA: What You Need to Know", "computer vision and the CCPA — what you need to know", 1, true},
		{"Artificial intelligence tracks down leukemia", "Artificial Intelligence Tracks Down Leukemia", 3, true},
		{"OpenAI unveils a faster model for coding assistants", "OpenAI unveils a faster model for coding assistants - Reuters", 0, true},
		{"OpenAI unveils a faster model for coding assistants", "Exclusive: OpenAI unveils faster models for coding assistants", 2, true},
		{"Intel's new chip doubles inference speed", "Intel new chips double inference speed", 0, true},
		// Too far apart in time: a new story with an old headline.
		{"Artificial intelligence tracks down leukemia", "Artificial intelligence tracks down leukemia", 4, false},
		// The longer title adds too much: Jaccard 4/8.
		{"Nvidia earnings beat expectations", "Nvidia earnings beat expectations as data center sales soar", 0, false},
		// Numbers make different stories.
		{"How transformers work, part 1: attention", "How transformers work, part 2: attention", 0, false},
		{"Apple reports record Q3 revenue from services and wearables", "Apple reports record Q4 revenue from services and wearables", 0, false},
		{"The state of AI in 2019 explained for business leaders", "The state of AI in 2020 explained for business leaders", 0, false},
		// A word swapped is a different story, however long the title
		// (Jaccard 9/11 = 0.82 here).
		{"Microsoft brings new AI features to Office apps at Build developer conference",
			"Microsoft brings new AI features to Windows apps at Build developer conference", 0, false},
		// Too short to say which story: two content words.
		{"AI news", "AI news", 0, false},
		{"Weekly roundup", "The weekly roundup", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			day := time.Date(2021, 3, 3, 0, 0, 0, 0, time.UTC)
			a := clusterArt(tt.a, "https://one.example/a", day.Format(time.DateOnly))
			b := clusterArt(tt.b, "https://two.example/b", day.AddDate(0, 0, tt.gap).Format(time.DateOnly))
			cs := Group([]*feed.Article{a, b}, Options{})
			if got := len(cs) == 1; got != tt.want {
				t.Errorf("one story = %v, want %v (clusters %q)", got, tt.want, partition(cs))
			}
		})
	}
}

// Different stories from one outlet on one day must stay apart: the
// acceptance test of the issue. Topics, provider and date are all shared;
// the titles share words, and some list each other as related.
func TestStoriesNoFalseMergeSameProviderSameDay(t *testing.T) {
	titles := []string{
		"Google releases Gemini 2 for developers",
		"Google releases Android 15 for developers",
		"Google releases Gemini 2 for developers in Europe and Asia next month",
		"Apple reports record Q3 revenue from services and wearables",
		"Apple reports record Q4 revenue from services and wearables",
		"Microsoft brings new AI features to Office apps at Build developer conference",
		"Microsoft brings new AI features to Windows apps at Build developer conference",
		"AI tracks down leukemia in blood samples",
		"AI tracks down pneumonia in chest scans",
		"A new way to discover places with generative AI in Maps",
		"Achieve generative AI operational excellence with the LLMOps maturity model",
		"Google and Hugging Face partner to advance generative AI with open models",
		"Why some cities, states and lawmakers want to curb facial recognition technology",
		"Why some cities and states balk at face recognition tech",
		"Tesla recalls 2 million cars over Autopilot",
		"Tesla recalls 200,000 cars over Autopilot",
	}
	var arts []*feed.Article
	all := make([]string, len(titles))
	for i := range titles {
		all[i] = fmt.Sprintf("https://news.example/%d", i)
	}
	for i, title := range titles {
		// Every article lists every other one as related, both ways.
		a := clusterArt(title, all[i], "2021-03-03", all...)
		a.Provider = feed.Provider{Name: "Example News", Domain: "news.example"}
		a.Topics = []string{"AI"}
		arts = append(arts, a)
	}
	if got := multi(Group(arts, Options{})); len(got) != 0 {
		t.Errorf("different stories merged: %q", got)
	}
}

func TestStoriesMutualRelatedWithAgreeingTitles(t *testing.T) {
	icmr1, icmr2 := "https://a.example/icmr", "https://b.example/icmr-guidelines"
	intel1, intel2 := "https://c.example/intel", "https://d.example/intel-colleges"
	maps, llmops, hf := "https://g.example/maps", "https://h.example/llmops", "https://i.example/hf"
	arts := []*feed.Article{
		clusterArt("Artificial intelligence in Indian healthcare system: ICMR releases first ethical guidelines", icmr1, "2023-03-27", icmr2),
		clusterArt("ICMR releases first ethical guidelines for AI in healthcare", icmr2, "2023-03-26", icmr1),
		clusterArt("Intel's AI degree program expands to 18 additional community colleges in 11 states", intel1, "2021-08-04", intel2),
		clusterArt("Intel expands college AI training programme to 11 US states", intel2, "2021-08-04", intel1),
		// One way only: not enough, even with a fair title agreement.
		clusterArt("ICMR releases ethical guidelines on AI in medicine", "https://e.example/x", "2023-03-26", icmr1),
		// Both ways but a week apart: a follow-up, not the same story.
		clusterArt("Intel expands college AI training programme to more states", "https://f.example/later", "2021-08-12", intel1),
		// Topical neighbours listing each other, from three outlets.
		clusterArt("A new way to discover places with generative AI in Maps", maps, "2024-02-01", llmops, hf),
		clusterArt("Achieve generative AI operational excellence with the LLMOps maturity model", llmops, "2024-01-30", maps, hf),
		clusterArt("Google and Hugging Face partner to advance generative AI with open models", hf, "2024-01-29", maps, llmops),
		// Both ways, titles agree, but one outlet: two stories.
		clusterArt("Nvidia widens its college AI course to more US states", "https://j.example/1", "2021-08-04", "https://j.example/2"),
		clusterArt("Nvidia college AI course reaches more US states", "https://j.example/2", "2021-08-04", "https://j.example/1"),
	}
	for i, a := range arts {
		a.Provider.Name = fmt.Sprintf("Outlet %d", i)
	}
	arts[9].Provider.Name, arts[10].Provider.Name = "Same Outlet", "same outlet"
	// The follow-up is listed back by the first Intel article.
	arts[2].SetRelatedIDs(append(arts[2].RelatedIDList(), feed.URLID("https://f.example/later")))
	got := multi(Group(arts, Options{}))
	want := []string{
		"Artificial intelligence in Indian healthcare system: ICMR releases first ethical guidelines | ICMR releases first ethical guidelines for AI in healthcare",
		"Intel's AI degree program expands to 18 additional community colleges in 11 states | Intel expands college AI training programme to 11 US states",
	}
	if !slices.Equal(got, want) {
		t.Errorf("clusters =\n%q\nwant\n%q", got, want)
	}
	// The same two Nvidia articles from two outlets are one story.
	arts[10].Provider.Name = "Another Outlet"
	if got := multi(Group(arts, Options{})); len(got) != 3 {
		t.Errorf("two outlets: clusters = %q, want the Nvidia pair joined too", got)
	}
}

func TestStoriesKeepStoryGroups(t *testing.T) {
	a := clusterArt("Old headline of the story", "https://x.example/1", "2020-01-01")
	b := clusterArt("Totally rewritten headline", "https://x.example/2", "2020-06-01")
	a.FirstSaveID, b.FirstSaveID = a.ID, a.ID // Library.Finish linked them
	c := clusterArt("Unrelated", "https://x.example/3", "2020-01-01")
	c.FirstSaveID = c.ID
	if got := multi(Group([]*feed.Article{a, b, c}, Options{})); len(got) != 1 || got[0] != "Totally rewritten headline | Old headline of the story" {
		t.Errorf("clusters = %q", got)
	}
}

func TestStoriesOrderLeadAndCoverage(t *testing.T) {
	arts := []*feed.Article{
		clusterArt("Lone story number one here", "https://x.example/1", "2024-01-05"),
		clusterArt("Same story told twice today", "https://x.example/2", "2024-01-03"),
		clusterArt("Lone story number two here", "https://x.example/3", "2024-01-04"),
		clusterArt("Same story told twice today", "https://x.example/4", "2024-01-04"),
		clusterArt("An undated story without date", "https://x.example/5", ""),
		clusterArt("Same story told twice today", "https://x.example/4?utm_source=x", ""),
	}
	cs := Group(arts, Options{})
	got := partition(cs)
	want := []string{
		"Lone story number one here",
		// Newest first, the undated copy (same URL as x/4) last.
		"Same story told twice today | Same story told twice today | Same story told twice today",
		"Lone story number two here",
		"An undated story without date",
	}
	if !slices.Equal(got, want) {
		t.Fatalf("clusters = %q, want %q", got, want)
	}
	story := cs[1]
	if story.Lead != arts[3] || story.Members[0] != arts[3] || story.Members[1] != arts[1] || story.Members[2] != arts[5] {
		t.Errorf("members not newest first with the newest as lead: %v", story.Members)
	}
	if len(Group(nil, Options{})) != 0 {
		t.Error("clusters of nothing")
	}
}

// genNearDuplicates makes n distinct stories of random words, each saved one
// to four times with the variations of real re-saves: another URL, an
// outlet suffix or prefix, other case and punctuation, within three days.
// It returns the articles (shuffled) and each article's story number.
func genNearDuplicates(n int, seed uint64) ([]*feed.Article, map[*feed.Article]int) {
	rng := rand.New(rand.NewPCG(seed, 1))
	words := make([]string, 5000)
	for i := range words {
		words[i] = genWord(i)
	}
	base := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	var arts []*feed.Article
	story := map[*feed.Article]int{}
	for s := range n {
		k := 5 + rng.IntN(6)
		ws := make([]string, k)
		for i := range ws {
			ws[i] = words[rng.IntN(len(words))]
		}
		title := strings.Join(ws, " ")
		day := base.AddDate(0, 0, rng.IntN(60))
		for c := range 1 + rng.IntN(4) {
			t := title
			switch c {
			case 1:
				t = strings.ToUpper(t[:1]) + t[1:] + " - Reuters"
			case 2:
				t = "Exclusive: " + strings.ReplaceAll(t, " ", ", ")
			case 3:
				t = strings.ToUpper(t)
			}
			a := clusterArt(t, fmt.Sprintf("https://outlet%d.example/%d", c, s), "")
			a.Published = day.Add(time.Duration(rng.IntN(72)) * time.Hour)
			arts = append(arts, a)
			story[a] = s
		}
	}
	rng.Shuffle(len(arts), func(i, j int) { arts[i], arts[j] = arts[j], arts[i] })
	return arts, story
}

func TestStoriesGeneratedNearDuplicates(t *testing.T) {
	arts, story := genNearDuplicates(3000, 7)
	cs := Group(arts, Options{})
	seen := map[*feed.Article]bool{}
	stories := map[int]bool{}
	for _, c := range cs {
		s := story[c.Lead]
		if stories[s] {
			t.Errorf("story %d split over clusters (%q)", s, titles(c.Members))
		}
		stories[s] = true
		for _, a := range c.Members {
			if story[a] != s {
				t.Errorf("stories %d and %d merged: %q", s, story[a], titles(c.Members))
			}
			if seen[a] {
				t.Errorf("%q in two clusters", a.Title)
			}
			seen[a] = true
		}
	}
	if len(seen) != len(arts) || len(stories) != 3000 {
		t.Errorf("clusters cover %d of %d articles, %d of 3000 stories", len(seen), len(arts), len(stories))
	}

	// The input order changes the order of clusters, never the partition.
	rev := slices.Clone(arts)
	slices.Reverse(rev)
	key := func(cs []Story) []string {
		var out []string
		for _, c := range cs {
			out = append(out, fmt.Sprint(story[c.Lead], len(c.Members)))
		}
		slices.Sort(out)
		return out
	}
	if !slices.Equal(key(cs), key(Group(rev, Options{}))) {
		t.Error("reversed input gives other clusters")
	}
}

// genWord is the i-th word of a generated vocabulary: letters only (digits
// would make numbers, see nearDuplicate), ending in "x" so that no plural
// folding makes two words one.
func genWord(i int) string {
	w := []byte{'w'}
	for x := i; ; x /= 26 {
		w = append(w, byte('a'+x%26))
		if x < 26 {
			break
		}
	}
	return string(append(w, 'x'))
}

func titles(arts []*feed.Article) []string {
	out := make([]string, len(arts))
	for i, a := range arts {
		out[i] = a.Title
	}
	return out
}
