package render

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/muesli/termenv"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/ui/render/rendertest"
)

// hostile are texts that try to reach the terminal as control sequences,
// or to make glamour slow.
var hostile = map[string]string{
	"osc 52 clipboard":   "copy \x1b]52;c;cm0gLXJmIH4K\x07 done",
	"osc 52 st":          "copy \x1b]52;c;cm0gLXJmIH4K\x1b\\ done",
	"osc 0 title":        "title \x1b]0;owned\x07 done",
	"osc 8 hyperlink":    "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\ done",
	"csi clear":          "clear \x1b[2J\x1b[H done",
	"csi query":          "query \x1b[6n \x1b[c \x1b[>q done",
	"c1 csi":             "c1 \u009b6n \u009d0;t\u009c done",
	"bidi":               "bidi \u202eexe.txt\u202c \u2066x\u2069 done",
	"entity osc 52":      "entity &#27;]52;c;aGk=&#7; done",
	"entity hex":         "entity &#x1b;[2J &#x1B;]0;t&#x07; done",
	"entity c1":          "entity &#155;6n &#x9b;6n &#x9d;0;t&#x9c; done",
	"entity bidi":        "entity &#x202e;txt.exe done",
	"html entity in tag": "<span title='&#27;[2J'>&#27;]0;x&#7;</span> done",
	"code span entity":   "`&#27;[2J` and ```&#27;]52;c;aGk=&#7;``` done",
	"nested quotes":      strings.Repeat(">", 86) + " done",
	"nested spaced":      strings.Repeat("> ", 100) + "done",
	"nested list":        nestedList(50) + "done",
	"nested mixed":       strings.Repeat("- > 1. ", 40) + "done",
	"long line":          strings.Repeat("x", 30<<10) + " done",
	"long line entities": strings.Repeat("&#27;[2J", 1000) + " done",
	"brackets":           strings.Repeat("[", 4000) + " done",
	"emphasis":           strings.Repeat("*a _b ", 1000) + " done",
	"unclosed fence":     "```\n&#27;]52;c;aGk=&#7;\n\x1b]0;t\x07 done",
}

// TestHostileThroughPipeline puts each hostile text in every place an
// article carries text, runs Document and Render, and checks that only
// text and SGR reach the terminal and that Render finished or gave up at
// its deadline, never later.
func TestHostileThroughPipeline(t *testing.T) {
	renderers := map[string]*Renderer{}
	for _, style := range []string{"dark", "notty"} {
		r, err := NewRenderer(style, WithColorProfile(termenv.TrueColor), WithDeadline(300*time.Millisecond))
		if err != nil {
			t.Fatal(err)
		}
		renderers[style] = r
	}
	for name, s := range hostile {
		t.Run(name, func(t *testing.T) {
			a := &feed.Article{
				Title: s, Excerpt: s, Type: s, Topics: []string{s},
				Published:   time.Date(2024, 1, 29, 3, 19, 0, 0, time.UTC),
				OriginalURL: "https://example.com/" + s,
				Provider:    feed.Provider{Name: s, Domain: s},
				Detail: &feed.ArticleDetail{
					Body:    s,
					Images:  []feed.Image{{URL: s, Title: s, Width: 1, Height: 1}},
					Related: []feed.Related{{Title: s, Excerpt: s, WebURL: s, Provider: feed.Provider{Name: s}}},
				},
			}
			md, links := Document(a, now)
			for _, l := range links {
				rendertest.AssertOnlySGR(t, "link label", l.Label)
				rendertest.AssertOnlySGR(t, "link URL", l.URL)
			}
			for _, c := range []struct {
				style string
				w     int
			}{{"dark", 40}, {"dark", 80}, {"notty", 60}} {
				style, w, r := c.style, c.w, renderers[c.style]
				{
					out, err := r.Render(md, w)
					if err != nil && !errors.Is(err, ErrDeadline) {
						t.Errorf("%s/%d: %v", style, w, err)
					}
					rendertest.AssertOnlySGR(t, style, out)
					assertWidth(t, out, w)
					if !strings.Contains(rendertest.Strip(out), "done") {
						t.Errorf("%s/%d: the text around the attack is lost", style, w)
					}
				}
			}
		})
	}
}

// TestHostileBodyDirect renders hostile Markdown without Document, as a
// caller rendering its own Markdown would.
func TestHostileBodyDirect(t *testing.T) {
	r := newTestRenderer(t, "dark", WithDeadline(300*time.Millisecond))
	for name, s := range hostile {
		out, err := r.Render(s, 60)
		if err != nil && !errors.Is(err, ErrDeadline) {
			t.Errorf("%s: %v", name, err)
		}
		rendertest.AssertOnlySGR(t, name, out)
		assertWidth(t, out, 60)
	}
}

// TestFallbackIsSafe forces the plain-text path on every hostile text.
func TestFallbackIsSafe(t *testing.T) {
	for name, s := range hostile {
		out := plain(DefaultLimits().apply(s), 40)
		rendertest.AssertOnlySGR(t, name, out)
		assertWidth(t, out, 40)
	}
}
