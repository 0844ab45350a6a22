package render

import (
	"strings"
	"testing"
	"time"

	xansi "github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/herald-reader/herald/feed"
)

const longURL = "https://www.example-news-site.com/2025/03/01/section/subsection/a-very-long-article-slug-that-goes-on-and-on/index.html?utm_source=feed"

// TestLongURLStaysOnOneLine: at every width, a URL wider than the line is
// shown whole on one line, shortened in the middle, never broken; the
// link keeps the full URL.
func TestLongURLStaysOnOneLine(t *testing.T) {
	a := &feed.Article{Title: "T", WebURL: longURL, Detail: &feed.ArticleDetail{Body: "Read it at " + longURL + " today.\n\nAlso [the source](" + longURL + "x)."}}
	md, links := Document(a, time.Now())
	if len(links) == 0 || links[0].URL != longURL {
		t.Fatalf("links = %+v", links)
	}
	for _, style := range []string{"dark", "ascii"} {
		r, err := NewRenderer(style, WithColorProfile(termenv.ANSI))
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range []int{40, 60, 100} {
			out, err := r.Render(md, w)
			if err != nil {
				t.Fatal(err)
			}
			shown := 0
			for _, l := range strings.Split(out, "\n") {
				text := xansi.Strip(l)
				if xansi.StringWidth(text) > w {
					t.Errorf("%s %d: line wider than the pane: %q", style, w, text)
				}
				i := strings.Index(text, "https://www.examp")
				if i < 0 {
					continue
				}
				shown++
				u := strings.Fields(text[i:])[0]
				if !strings.HasSuffix(strings.TrimRight(u, ".x"), "feed") {
					t.Errorf("%s %d: URL broken or cut at the end: %q", style, w, text)
				}
				if style == "ascii" && !isASCII(u) {
					t.Errorf("ascii %d: non-ASCII in %q", w, u)
				}
			}
			if shown < 2 {
				t.Errorf("%s %d: URL shown %d times:\n%s", style, w, shown, xansi.Strip(out))
			}
		}
	}
}

func TestShortenURLKeepsStyles(t *testing.T) {
	line := "  \x1b[4m" + longURL + "\x1b[0m tail"
	got, ok := shortenURL(line, 50, "…")
	if !ok || xansi.StringWidth(got) != 50 {
		t.Fatalf("ok %v, width %d: %q", ok, xansi.StringWidth(got), got)
	}
	want := "  \x1b[4mhttps://www.example-n….html?utm_source=feed\x1b[0m tail"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if _, ok := shortenURL("no link here but far too long for the line", 10, "…"); ok {
		t.Error("a line without URL was shortened")
	}
}
