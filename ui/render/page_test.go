package render

import (
	"strings"
	"testing"
	"time"

	"github.com/herald-reader/herald/feed/page"
)

// The fetched page's text follows the article's fields under "Full text",
// its links and images are numbered after the article's own, and nothing
// in it can escape into Markdown outside its section.
func TestDocumentWithPage(t *testing.T) {
	a := seedArticle()
	p := &page.Page{
		Byline:    "Mara *Okafor*",
		Published: time.Date(2024, 1, 28, 0, 0, 0, 0, time.UTC),
		Image:     "https://img.example/lead.jpg",
		Text:      "The cranes came back. See [the council](https://council.example/minutes).\n\n![A crane](https://img.example/crane.jpg)\n\n```\nan unclosed fence",
	}
	md, links := DocumentWithPage(a, p, now)
	plain, plainLinks := Document(a, now)
	head := plain[:strings.Index(plain, "## Images")]
	if !strings.HasPrefix(md, head) {
		t.Errorf("the article's own document must come first, unchanged:\n%s", md)
	}
	ft := strings.Index(md, "## Full text")
	if ft < 0 || !strings.Contains(md[ft:], "The cranes came back.") || !strings.Contains(md[ft:], `Mara \*Okafor\*`) {
		t.Errorf("full text section missing or its byline not escaped:\n%s", md)
	}
	if !strings.Contains(md, "\n## Links") || strings.Index(md, "\n## Links") < ft {
		t.Errorf("the links list must survive after the page's unclosed fence:\n%s", md)
	}
	n := len(plainLinks)
	for i := range plainLinks {
		if links[i] != plainLinks[i] {
			t.Errorf("link %d changed when the page came: %+v, was %+v", i+1, links[i], plainLinks[i])
		}
	}
	if len(links) != n+3 || links[n].URL != "https://img.example/lead.jpg" || links[n].Label != "Image: Lead image" || links[n+1].URL != "https://council.example/minutes" || links[n+2].Label != "Image: A crane" {
		t.Errorf("page links not numbered after the article's: %+v", links[n:])
	}
	if !strings.Contains(md, "![Lead image](<https://img.example/lead.jpg>)") {
		t.Errorf("lead image missing:\n%s", md)
	}
}
