package page

import (
	"errors"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"
)

func extractFixture(t *testing.T, name string) (Page, error) {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	u, _ := url.Parse("https://news.example/2026/" + name)
	return Extract(f, u)
}

// Each fixture news page: the article's paragraphs come through, its
// navigation, adverts, comments, sidebars and scripts do not.
func TestExtractNewsPages(t *testing.T) {
	cases := []struct {
		file       string
		paragraphs []string
		absent     []string
		title      string
		byline     string
		published  time.Time
		image      string
		lazyImage  string
	}{{
		file: "harbour.html",
		paragraphs: []string{
			"The three red cranes that stood over the old port",
			"City engineers said the cranes will no longer lift cargo.",
			"Not everyone is pleased.",
			"The first visitors are expected in September",
		},
		absent:    []string{"Navworld", "Navsubscribe", "Advert", "Commenter one", "Commenter two", "Sidebar story", "SCRIPT", "Footer copyright"},
		title:     "Harbour cranes return to the old port",
		byline:    "Mara Okafor",
		published: time.Date(2026, 3, 14, 8, 30, 0, 0, time.UTC),
		image:     "https://news.example/img/cranes-lead.jpg",
		lazyImage: "https://news.example/img/crane-barge.jpg",
	}, {
		file: "orchard.html",
		paragraphs: []string{
			"Growers in the upper valley woke on Saturday",
			"We lit the candles at three in the morning",
			"Lower down the valley the damage was worse.",
			"Insurers have already said that the policies",
		},
		absent:    []string{"Menuhome", "Menufarming", "Sponsored", "Reader comment", "Share on social", "analytics"},
		title:     "Late frost spares most of the valley's orchards",
		byline:    "Jonas Petrov",
		published: time.Date(2026, 4, 2, 4, 0, 0, 0, time.UTC),
		image:     "https://cdn.example/orchard.jpg",
		lazyImage: "https://cdn.example/orchard-candles.jpg",
	}}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			p, err := extractFixture(t, c.file)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range c.paragraphs {
				if !strings.Contains(p.Text, s) {
					t.Errorf("text lacks paragraph %q:\n%s", s, p.Text)
				}
			}
			for _, s := range c.absent {
				if strings.Contains(p.Text, s) {
					t.Errorf("text has %q, which is not the article:\n%s", s, p.Text)
				}
			}
			if !strings.Contains(p.Text, c.lazyImage) {
				t.Errorf("lazy image %s missing:\n%s", c.lazyImage, p.Text)
			}
			if p.Title != c.title || p.Byline != c.byline || !p.Published.Equal(c.published) || p.Image != c.image {
				t.Errorf("got title %q byline %q published %v image %q", p.Title, p.Byline, p.Published, p.Image)
			}
		})
	}
}

func TestExtractPaywallStubIsUnreadable(t *testing.T) {
	if _, err := extractFixture(t, "paywall.html"); !errors.Is(err, ErrUnreadable) {
		t.Fatalf("paywall stub: got %v, want ErrUnreadable", err)
	}
}

func TestExtractSanitises(t *testing.T) {
	para := strings.Repeat("A sentence long enough to count as the article's text. ", 12)
	doc := "<html><body><article><h1>T\x1b[31m</h1><p>" + para + "evil\x1b]52;c;aGk=\x07 tail \u202Eright</p></article></body></html>"
	u, _ := url.Parse("https://x.example/")
	p, err := Extract(strings.NewReader(doc), u)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{p.Text, p.Title} {
		if strings.ContainsAny(s, "\x1b\x07\u202E") {
			t.Errorf("control characters survived: %q", s)
		}
	}
	if !strings.Contains(p.Text, "tail") {
		t.Errorf("text lost: %q", p.Text)
	}
}
