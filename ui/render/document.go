package render

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/feed/page"
	"github.com/herald-reader/herald/ui/browser"
)

// Link is a numbered link of the detail pane: N is the number shown as
// "[N]" (1-based, equal to its index in the slice plus one), Label says
// what it is (plain text, one line), URL passed browser.CheckURL.
type Link struct {
	N     int
	Label string
	URL   string
}

// Caps on what Document shows, so that a hostile file cannot make the
// document unbounded.
const (
	maxTitle    = 300  // runes
	maxExcerpt  = 2000 // runes
	maxImages   = 20
	maxRelated  = 50
	maxTopics   = 20
	maxLinks    = 200
	labelRunes  = 120
	maxURLShown = 2048 // bytes; longer accepted URLs are listed as text
)

// Document returns the detail pane's Markdown for a and its numbered
// links. The article's own URL (originalUrl, else webUrl) is [1] when it is
// acceptable, then come the images, the related stories and the links in
// the body, each URL numbered once. Article text is escaped so that it
// cannot build Markdown structure, HTML or entities; the body is Markdown
// by design, but contained so that it cannot swallow the sections after
// it. now is the reference for relative dates.
func Document(a *feed.Article, now time.Time) (md string, links []Link) {
	return DocumentWithPage(a, nil, now)
}

// DocumentWithPage is Document with reader mode's full text of the
// article's web page (nil: none) after the article's own body, under a
// "Full text" heading, rendered like a body: its links are numbered after
// the body's and its images show as links.
func DocumentWithPage(a *feed.Article, p *page.Page, now time.Time) (md string, links []Link) {
	return document(a, p, now, false)
}

// MarkedDocument is DocumentWithPage with Herald's own link numbers marked
// for Refs, which finds them in the rendered text and unmarks it: only
// those numbers are links, never a "[3]" the article writes itself.
func MarkedDocument(a *feed.Article, p *page.Page, now time.Time) (md string, links []Link) {
	return document(a, p, now, true)
}

func document(a *feed.Article, p *page.Page, now time.Time, marked bool) (md string, links []Link) {
	if a == nil {
		return "", nil
	}
	d := &doc{seen: map[string]int{}, marked: marked}
	d.header(a, now)
	deadline := time.Now().Add(PrepareDeadline)
	text := "" // a summary has no body (see feed.Article)
	if a.Detail != nil {
		text = a.Detail.Body
	}
	body, bodyLinks := containBody(text, deadline)
	if body != "" {
		d.printf("---\n\n%s\n\n", body)
	}
	if p != nil {
		pageText := p.Text
		if p.Image != "" && !strings.ContainsAny(p.Image, "<>\n") {
			// First in the text, so it is numbered as the page's first
			// link, after all of the article's own: their numbers do not
			// change when a page is fetched.
			pageText = "![Lead image](<" + p.Image + ">)\n\n" + pageText
		}
		text, pageLinks := containBody(pageText, deadline)
		d.printf("## Full text\n\n")
		if by := pageByline(p, now); by != "" {
			d.printf("*%s*\n\n", by)
		}
		d.printf("%s\n\n", text)
		bodyLinks = append(bodyLinks, pageLinks...)
	}
	if det := a.Detail; det != nil { // a summary has neither
		d.images(det.Images)
		d.related(det.Related, now)
	}
	fromBody := len(d.links) // links numbered after this come from the body
	for _, l := range bodyLinks {
		if l.label == "" {
			l.label = host(l.url)
		}
		d.number(l.label, l.url)
	}
	d.linkList(fromBody)
	return strings.TrimRight(d.b.String(), "\n") + "\n", d.links
}

type doc struct {
	b      strings.Builder
	links  []Link
	seen   map[string]int // URL -> N
	marked bool           // link numbers carry refMark (MarkedDocument)
}

func (d *doc) printf(format string, args ...any) { fmt.Fprintf(&d.b, format, args...) }

// number gives url a link number, reusing the number of an identical URL,
// or returns 0 when url is refused (or too many links are listed).
func (d *doc) number(label, url string) int {
	if n, ok := d.seen[url]; ok {
		return n
	}
	if browser.CheckURL(url) != nil || len(d.links) >= maxLinks {
		return 0
	}
	n := len(d.links) + 1
	d.seen[url] = n
	d.links = append(d.links, Link{N: n, Label: oneLine(label, labelRunes), URL: url})
	return n
}

// ref is link number n as Markdown, with the space after it. In a
// MarkedDocument refMark stands for its '[', so that the number can be
// told from one in the article.
func (d *doc) ref(n int) string {
	if d.marked {
		return refMark + strconv.Itoa(n) + `\] `
	}
	return `\[` + strconv.Itoa(n) + `\] `
}

func (d *doc) header(a *feed.Article, now time.Time) {
	title := mdText(a.Title, maxTitle)
	if title == "" {
		title = "(untitled)"
	}
	d.printf("# %s\n\n", title)

	var meta []string
	if p := providerLine(a.Provider); p != "" {
		meta = append(meta, p)
	}
	if when := dateLine(a.Published, now); when != "" {
		meta = append(meta, when)
	}
	var kind []string
	if t := mdText(a.Type, 40); t != "" {
		kind = append(kind, t)
	}
	if len(a.Topics) > 0 {
		topics := make([]string, 0, min(len(a.Topics), maxTopics))
		for _, t := range a.Topics[:min(len(a.Topics), maxTopics)] {
			if t = mdText(t, 60); t != "" {
				topics = append(topics, t)
			}
		}
		if len(topics) > 0 {
			kind = append(kind, "Topics: "+strings.Join(topics, ", "))
		}
	}
	if len(kind) > 0 {
		meta = append(meta, strings.Join(kind, " · "))
	}
	if u := articleURL(a); u != "" {
		n := d.number("Article: "+a.Title, u)
		meta = append(meta, d.ref(n)+mdText(host(u), 100))
	} else if u := a.URL(); u != "" {
		meta = append(meta, "*link not opened: "+mdText(browser.CheckURL(u).Error(), 100)+"*")
	}
	for _, m := range meta {
		d.printf("- %s\n", m)
	}
	if len(meta) > 0 {
		d.printf("\n")
	}
	// A plain paragraph, not a block quote: glamour wraps a quote's text at
	// the full width before adding its "│ " prefix, which pushed the last
	// word of most lines onto a line of its own.
	if ex := mdText(a.Excerpt, maxExcerpt); ex != "" {
		d.printf("%s\n\n", ex)
	}
}

// pageByline is the page's author and date line, "" when it gives
// neither.
func pageByline(p *page.Page, now time.Time) string {
	var parts []string
	if by := mdText(p.Byline, 200); by != "" {
		parts = append(parts, by)
	}
	if when := dateLine(p.Published, now); when != "" {
		parts = append(parts, when)
	}
	return strings.Join(parts, " · ")
}

// articleURL is the article's own link: originalUrl, else webUrl, when
// browser.CheckURL accepts it (a refused originalUrl falls back to webUrl).
func articleURL(a *feed.Article) string {
	for _, u := range []string{a.OriginalURL, a.WebURL} {
		if u != "" && browser.CheckURL(u) == nil {
			return u
		}
	}
	return ""
}

func providerLine(p feed.Provider) string {
	name, domain := mdText(p.Name, 100), mdText(p.Domain, 100)
	switch {
	case name != "" && domain != "" && !strings.EqualFold(p.Name, p.Domain):
		return "**" + name + "** · " + domain
	case name != "":
		return "**" + name + "**"
	}
	return domain
}

// dateLine is "Mon, 29 Jan 2024 03:19 UTC · 2 days ago", or "".
func dateLine(t, now time.Time) string {
	if t.IsZero() {
		return ""
	}
	return escape(Date(t) + " · " + Relative(t, now))
}

// host is the host of an accepted URL, shown next to its number.
func host(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

func (d *doc) images(imgs []feed.Image) {
	if len(imgs) == 0 {
		return
	}
	d.printf("## Images\n\n")
	for _, img := range imgs[:min(len(imgs), maxImages)] {
		label := oneLine(img.Title, 100)
		if label == "" {
			label = "Image"
		}
		if img.Width > 0 && img.Height > 0 {
			label += fmt.Sprintf(" · %dx%d", img.Width, img.Height)
		}
		if n := d.number(label, img.URL); n > 0 {
			d.printf("- %s%s · %s\n", d.ref(n), escape(label), mdText(host(img.URL), 100))
		} else {
			d.printf("- %s *(no usable link)*\n", escape(label))
		}
	}
	if len(imgs) > maxImages {
		d.printf("- *and %d more*\n", len(imgs)-maxImages)
	}
	d.printf("\n")
}

func (d *doc) related(rel []feed.Related, now time.Time) {
	if len(rel) == 0 {
		return
	}
	d.printf("## Related stories\n\n")
	for _, r := range rel[:min(len(rel), maxRelated)] {
		title := mdText(r.Title, maxTitle)
		if title == "" {
			title = "(untitled)"
		}
		u := firstNonEmpty(r.WebURL, r.AmpWebURL, r.CDNAmpWebURL)
		if n := d.number("Related: "+r.Title, u); n > 0 {
			title = d.ref(n) + title
		}
		d.printf("### %s\n\n", title)
		var meta []string
		if p := mdText(r.Provider.Name, 100); p != "" {
			meta = append(meta, "**"+p+"**")
		}
		if when := dateLine(r.Published, now); when != "" {
			meta = append(meta, when)
		}
		if len(meta) > 0 {
			d.printf("%s\n\n", strings.Join(meta, " · "))
		}
		if ex := mdText(r.Excerpt, maxExcerpt); ex != "" {
			d.printf("%s\n\n", ex)
		}
	}
	if len(rel) > maxRelated {
		d.printf("*and %d more related stories*\n\n", len(rel)-maxRelated)
	}
}

// linkList ends the document with every numbered link and its URL. Links
// first numbered in the body (from index fromBody on) also show their
// text, because the body shows them without their number.
func (d *doc) linkList(fromBody int) {
	if len(d.links) == 0 {
		return
	}
	d.printf("## Links\n\n")
	for i, l := range d.links {
		if i >= fromBody && l.Label != "" && l.Label != host(l.URL) {
			d.printf("- %s%s: %s\n", d.ref(l.N), escape(l.Label), urlText(l.URL))
			continue
		}
		d.printf("- %s%s\n", d.ref(l.N), urlText(l.URL))
	}
}

// urlText shows an accepted URL as an autolink when Markdown allows it and
// the Renderer will not break it (Limits.MaxWord; a few real image URLs
// are longer), else as escaped text.
func urlText(u string) string {
	u = unmark(u)
	if len(u)+2 <= DefaultLimits().MaxWord && !strings.ContainsAny(u, "<>") {
		return "<" + u + ">"
	}
	return escape(oneLine(u, maxURLShown))
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
