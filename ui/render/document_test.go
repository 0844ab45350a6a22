package render

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/ui/render/rendertest"
)

func TestDocumentSeed(t *testing.T) {
	md, _ := Document(seedArticle(), now)
	golden.RequireEqual(t, md)
}

func TestDocumentSparse(t *testing.T) {
	a := &feed.Article{
		Title:  "*Not* [a link](https://evil.example) <b>bold</b> # 1. AT&T &#27;[2J ~~x~~ | y |",
		WebURL: "https://example.com/only-web-url",
		Detail: &feed.ArticleDetail{
			Related: []feed.Related{
				{Title: "No link, no date"},
				{Title: "", WebURL: "file:///etc/passwd"},
			},
			Images: []feed.Image{{URL: "https://example.com/no-size.png"}},
		},
	}
	md, _ := Document(a, now)
	golden.RequireEqual(t, md)
}

func TestDocumentLinks(t *testing.T) {
	_, links := Document(seedArticle(), now)
	want := []Link{
		{1, "Article: Google And Hugging Face Partner To Advance Generative AI With Open Models", "https://www.forbes.com/sites/janakirammsv/2024/01/28/google-and-hugging-face-partner-to-advance-generative-ai-with-open-models/"},
		{2, "Image · 1218x600", "https://imageio.forbes.com/specials-images/imageserve/65b725f69acb5f69d91e1e6d/0x0.jpg?format=jpg&height=900&width=1600&fit=bounds"},
		{3, "Related: Five Techniques To Ensure Reliable And Honest Use Of Generative AI", "https://www.forbes.com/sites/forbestechcouncil/2024/01/26/five-techniques-to-ensure-reliable-and-honest-use-of-generative-ai/"},
		{4, "Related: Generative AI: value, risk and regulation", "https://businessmirror.com.ph/2024/01/29/generative-ai-value-risk-and-regulation/"},
		{5, "Related: The generative AI smartphone age is here", "https://www.aol.com/finance/generative-ai-smartphone-age-201110917.html"},
		{6, "Hugging Face", "https://huggingface.co/"},
		{7, "cloud.google.com", "https://cloud.google.com/blog"},
		{8, "Image: chart", "https://example.com/chart.png"},
	}
	if !reflect.DeepEqual(links, want) {
		t.Errorf("links:\n got %+v\nwant %+v", links, want)
	}
}

// TestDocumentRefusedURLs: a URL that browser.CheckURL refuses gets no
// number and never appears as a link, but the reader learns why.
func TestDocumentRefusedURLs(t *testing.T) {
	a := hostileArticle()
	md, links := Document(a, now)
	for _, l := range links {
		if strings.Contains(l.URL, "javascript") || strings.Contains(l.URL, "data:") ||
			strings.Contains(l.URL, "file:") || strings.Contains(l.URL, "@") {
			t.Errorf("refused URL numbered: %+v", l)
		}
	}
	if len(links) == 0 || links[0].URL != "https://example.com/ok" {
		t.Errorf("a refused originalUrl must fall back to webUrl as [1], got %+v", links)
	}
	if !strings.Contains(md, "no usable link") {
		t.Error("an image with a refused URL should say it has no usable link")
	}
	for i, l := range links {
		if l.N != i+1 {
			t.Errorf("link %d numbered %d", i, l.N)
		}
	}
}

func TestDocumentRefusedArticleURL(t *testing.T) {
	md, links := Document(&feed.Article{Title: "x", OriginalURL: "javascript:alert(1)"}, now)
	if len(links) != 0 {
		t.Errorf("links = %+v, want none", links)
	}
	if !strings.Contains(md, `link not opened: scheme "javascript" refused`) {
		t.Errorf("document does not say why the link is not offered:\n%s", md)
	}
}

func TestDocumentDedupe(t *testing.T) {
	a := seedArticle()
	a.Detail.Body = "See [the same story](" + a.OriginalURL + ") and [again](" + a.OriginalURL + ")."
	_, links := Document(a, now)
	n := 0
	for _, l := range links {
		if l.URL == a.OriginalURL {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the article URL is numbered %d times, want once", n)
	}
}

// TestDocumentTextIsLiteral renders text fields that look like Markdown,
// HTML and entities and checks that the reader sees them as written.
func TestDocumentTextIsLiteral(t *testing.T) {
	r := newTestRenderer(t, "notty")
	for _, s := range []string{
		"*stars* and _under_ and **bold**",
		"[link](https://evil.example) and ![img](https://evil.example/x.png)",
		"<b>tag</b> <script>alert(1)</script> <!-- c -->",
		"# not a heading",
		"1. not a list",
		"- not a bullet",
		"> not a quote",
		"AT&T &amp; &#27;[2J &#x1b;]0;t&#7; &lt;",
		"~~not struck~~ and `not code`",
		"| not | a | table |",
		`back\slash \* kept`,
		"https://not-linkified.example/x_y_z",
	} {
		a := &feed.Article{Title: s, Excerpt: s,
			Provider: feed.Provider{Name: s},
			Detail:   &feed.ArticleDetail{Related: []feed.Related{{Title: s, Excerpt: s}}}}
		want := 5
		if len(s) <= 40 { // type and topics are cut at 40 and 60 runes
			a.Type, a.Topics = s, []string{s}
			want = 7
		}
		md, _ := Document(a, now)
		out, err := r.Render(md, 200)
		if err != nil {
			t.Fatalf("Render: %v", err)
		}
		visible := rendertest.Strip(out)
		if got := strings.Count(visible, s); got != want {
			t.Errorf("%q is shown literally %d times, want %d (title, provider, excerpt, related title and excerpt, type and topic):\n%s", s, got, want, visible)
		}
		rendertest.AssertOnlySGR(t, s, out)
	}
}

// TestDocumentContainsBody: a body that leaves a block open must not
// swallow the sections after it.
func TestDocumentContainsBody(t *testing.T) {
	for _, body := range []string{
		"```go\nfunc main() {",
		"````\n```\nstill code",
		"~~~~~\ncode",
		"  ```\nindented fence",
		"<pre>\nunclosed pre",
		"<script>\nalert(1)",
		"<!-- unclosed comment",
		"<?php echo 1;",
		"<![CDATA[ data",
		"<!DOCTYPE html",
		"<div>\nhtml block",
		"> ```\n> quoted fence",
		"- ```\n  fence in list",
		"| a | b |\n|---|---|\n| c | d",
		"[ref]: https://example.com/ \"unclosed title",
	} {
		a := seedArticle()
		a.Detail.Body = body
		md, _ := Document(a, now)
		src := []byte(md)
		doc := parser().Parser().Parse(text.NewReader(src))
		var headings []string
		for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
			if h, ok := n.(*ast.Heading); ok && h.Level == 2 {
				headings = append(headings, string(h.Lines().Value(src)))
			}
		}
		if want := []string{"Images", "Related stories", "Links"}; !reflect.DeepEqual(headings, want) {
			t.Errorf("body %q: top-level sections %q, want %q", body, headings, want)
		}
	}
}

func TestDocumentBodyTruncated(t *testing.T) {
	a := seedArticle()
	a.Detail.Body = strings.Repeat("word ", MaxBodyBytes)
	md, links := Document(a, now)
	if len(md) > MaxBodyBytes+8<<10 {
		t.Errorf("document is %d bytes for a capped body", len(md))
	}
	if !strings.Contains(md, "body truncated") || !strings.Contains(md, "## Related stories") {
		t.Error("a long body must be cut with a note, keeping the sections after it")
	}
	if len(links) != 5 {
		t.Errorf("links = %d, want the 5 outside the body", len(links))
	}
}

func TestDocumentNil(t *testing.T) {
	if md, links := Document(nil, now); md != "" || links != nil {
		t.Errorf("Document(nil) = %q, %v", md, links)
	}
}

func TestRelative(t *testing.T) {
	base := time.Date(2024, 1, 31, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		ago  time.Duration
		want string
	}{
		{0, "just now"},
		{59 * time.Second, "just now"},
		{time.Minute, "1 minute ago"},
		{45 * time.Minute, "45 minutes ago"},
		{time.Hour, "1 hour ago"},
		{23 * time.Hour, "23 hours ago"},
		{24 * time.Hour, "1 day ago"},
		{2*24*time.Hour + 8*time.Hour, "2 days ago"},
		{13 * 24 * time.Hour, "13 days ago"},
		{14 * 24 * time.Hour, "2 weeks ago"},
		{59 * 24 * time.Hour, "8 weeks ago"},
		{60 * 24 * time.Hour, "2 months ago"},
		{364 * 24 * time.Hour, "12 months ago"},
		{365 * 24 * time.Hour, "1 year ago"},
		{3 * 365 * 24 * time.Hour, "3 years ago"},
		{-2 * time.Hour, "in 2 hours"},
		{-30 * time.Second, "just now"},
	}
	for _, tt := range tests {
		if got := Relative(base.Add(-tt.ago), base); got != tt.want {
			t.Errorf("Relative(now-%v) = %q, want %q", tt.ago, got, tt.want)
		}
	}
	if got := Relative(time.Time{}, base); got != "" {
		t.Errorf("Relative(zero) = %q, want empty", got)
	}
}

func TestDate(t *testing.T) {
	paris := time.FixedZone("CET", 3600)
	if got, want := Date(time.Date(2024, 1, 29, 4, 19, 0, 0, paris)), "Mon, 29 Jan 2024 03:19 UTC"; got != want {
		t.Errorf("Date = %q, want %q", got, want)
	}
	if Date(time.Time{}) != "" {
		t.Error("Date(zero) should be empty")
	}
}

// newTestRenderer gives tests a renderer with a deadline of a minute, so a
// test that asserts on a successful render cannot fail on a slow machine
// (-race, a loaded CI box); tests of the deadline pass their own short one,
// which overrides it.
func newTestRenderer(t testing.TB, style string, opts ...Option) *Renderer {
	t.Helper()
	base := []Option{WithColorProfile(termenv.Ascii), WithDeadline(time.Minute)}
	r, err := NewRenderer(style, append(base, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
