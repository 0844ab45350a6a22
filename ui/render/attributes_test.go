package render

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/muesli/termenv"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/internal/textsafe"
)

// entityAttacks are bodies whose character references decode to escape
// sequences (blink, conceal, a colour) or to invisible characters.
var entityAttacks = []string{
	"blink &#27;[5mnow&#27;[0m and conceal &#x1b;[8msecret&#x1B;[28m done",
	"red &#0027;[38;2;255;0;0mtext&#27;[m done",
	"c1 &#155;5mnow&#x9b;8m done",
	"zero&#x200b;width&ZeroWidthSpace;word&NoBreak;s &#xfeff;&#173;&shy; done",
	"[link &#27;[5m](https://example.com/a) done",
	"~~struck &#27;[5m~~ and `code &#27;[8m` done",
	"split &#x1b;&#x5b;5m and &#27;&#91;&#53;&#109;blink done",
}

var sgrSeq = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// TestBodyEntitiesAddNoAttributes checks that an entity in a body cannot
// add an SGR sequence the same document without it does not have.
func TestBodyEntitiesAddNoAttributes(t *testing.T) {
	r := newTestRenderer(t, "dark", WithColorProfile(termenv.TrueColor))
	theme := func(body string) []string {
		md, _ := Document(&feed.Article{Title: "T", Detail: &feed.ArticleDetail{Body: body}}, now)
		out, err := r.Render(md, 80)
		if err != nil {
			t.Fatal(err)
		}
		return sgrSeq.FindAllString(out, -1)
	}
	for _, body := range entityAttacks {
		allowed := theme("plain words [link](https://example.com/a) ~~struck~~ `code` done")
		for _, seq := range theme(body) {
			if !slices.Contains(allowed, seq) {
				t.Errorf("body %q put %q on screen, which the theme never writes", body, seq)
			}
		}
	}
}

// TestNoColourWritesNoSGR: without colours (--plain, NO_COLOR) nothing
// from a body, and nothing from glamour, sets an attribute.
func TestNoColourWritesNoSGR(t *testing.T) {
	r := newTestRenderer(t, "dark", WithColorProfile(termenv.Ascii))
	for _, body := range entityAttacks {
		md, _ := Document(&feed.Article{Title: "T", Detail: &feed.ArticleDetail{Body: "**bold** " + body}}, now)
		out, err := r.Render(md, 80)
		if err != nil {
			t.Fatal(err)
		}
		if i := strings.IndexByte(out, 0x1b); i >= 0 {
			t.Errorf("body %q: an escape sequence without colours: %q", body, out[i:min(len(out), i+12)])
		}
	}
}

// TestInvisibleCharactersRemoved: no textsafe.Invisible character but the
// joiners reaches the screen, written as characters or as entities.
func TestInvisibleCharactersRemoved(t *testing.T) {
	r := newTestRenderer(t, "dark", WithColorProfile(termenv.TrueColor))
	for _, body := range append(entityAttacks, "raw zero\u200bwidth\u2060 and \ufeffbom\u00ad done") {
		md, _ := Document(&feed.Article{Title: "T", Detail: &feed.ArticleDetail{Body: body}}, now)
		out, err := r.Render(md, 80)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range sgrSeq.ReplaceAllString(out, "") {
			if c != '\n' && textsafe.Invisible(c) {
				t.Errorf("body %q: invisible %U on screen", body, c)
			}
		}
		if !strings.Contains(out, "done") {
			t.Errorf("body %q: the text around it is lost", body)
		}
	}
}
