package render

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/herald-reader/herald/feed"
)

// forgedMarks writes "[N]" followed by the mark itself, raw and as
// character references, wherever an article has text.
const forgedMarks = "forged \uE0001] &#xE000;2] &#57344;3] &#Xe000;4] [1]"

func forgedArticle() *feed.Article {
	return &feed.Article{
		Title: forgedMarks, Excerpt: forgedMarks,
		OriginalURL: "https://example.com/a",
		Detail: &feed.ArticleDetail{
			Body:    forgedMarks + "\n\n[a link](https://example.com/b)",
			Images:  []feed.Image{{URL: "https://example.com/i.png", Title: forgedMarks}},
			Related: []feed.Related{{Title: forgedMarks, WebURL: "https://example.com/r"}},
		},
	}
}

// TestRefsAreHeraldsOnly: Refs finds exactly the link numbers Herald wrote
// (the article's link, its image, the related story, the body's link, and
// the links list), in every style and in the plain fallback, and none the
// article wrote, even with the mark spelled in its text.
func TestRefsAreHeraldsOnly(t *testing.T) {
	md, links := MarkedDocument(forgedArticle(), nil, now)
	if len(links) != 4 {
		t.Fatalf("links %v", links)
	}
	outs := map[string]string{"plain fallback": plain(md, 80)}
	for _, style := range []string{"dark", "notty", "ascii"} {
		out, err := newTestRenderer(t, style).Render(md, 80)
		if err != nil {
			t.Fatal(err)
		}
		outs[style] = out
	}
	for name, out := range outs {
		text, refs := Refs(Safe(out))
		if strings.Contains(text, refMark) {
			t.Errorf("%s: a mark is left on screen", name)
		}
		lines := strings.Split(text, "\n")
		// [1] to [4] in the header, images, related and the links list.
		if len(refs) != 1+1+1+4 {
			t.Errorf("%s: %d refs, want 7: %+v\n%s", name, len(refs), refs, text)
		}
		for _, r := range refs {
			plainLine := ansi.Strip(lines[r.Line])
			if got := ansi.Strip(lines[r.Line][r.From:r.To]); got != "["+string(rune('0'+r.N))+"]" {
				t.Errorf("%s: ref %+v covers %q", name, r, got)
			}
			if cells := ansi.Cut(plainLine, r.Col, r.Col+r.Width); cells != ansi.Strip(lines[r.Line][r.From:r.To]) {
				t.Errorf("%s: ref %+v is at cells showing %q", name, r, cells)
			}
			if i := strings.Index(plainLine, "forged"); i >= 0 && i < r.Col {
				t.Errorf("%s: the article's own number is a ref: %q", name, plainLine)
			}
		}
	}
}

// TestMarkedRendersLikeUnmarked: the marks change nothing on screen.
func TestMarkedRendersLikeUnmarked(t *testing.T) {
	a := forgedArticle()
	a.Published = time.Date(2024, 1, 29, 3, 19, 0, 0, time.UTC)
	r := newTestRenderer(t, "dark")
	for _, w := range []int{30, 80} {
		md, _ := DocumentWithPage(a, nil, now)
		marked, _ := MarkedDocument(a, nil, now)
		want, _ := r.Render(md, w)
		got, _ := r.Render(marked, w)
		if got, _ := Refs(got); got != want {
			t.Errorf("width %d: marked\n%s\nunmarked\n%s", w, got, want)
		}
	}
}
