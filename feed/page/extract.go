package page

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"strings"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2"
	htmltomarkdown "github.com/JohannesKaufmann/html-to-markdown/v2"
	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"golang.org/x/net/html"

	"github.com/herald-reader/herald/internal/textsafe"
)

// minReadable is the least text, in letters, an extraction must yield to
// count as the article: less is a teaser, a paywall stub or a cookie wall,
// and showing it as "the full text" would mislead. Readability's own
// threshold for a candidate is the same 500 characters.
const minReadable = 500

// Extract finds the readable article in an HTML document (UTF-8) fetched
// from pageURL and returns it as Markdown with its title, byline, date and
// lead image. Scripts are never run: the document is only parsed. Links
// and images are made absolute against pageURL. A page with too little
// text is ErrUnreadable.
func Extract(doc io.Reader, pageURL *url.URL) (Page, error) {
	root, err := html.Parse(doc)
	if err != nil {
		return Page{}, fmt.Errorf("%w: %v", ErrUnreadable, err)
	}
	unlazyImages(root)
	parser := readability.NewParser()
	art, err := parser.ParseDocument(root, pageURL)
	if err != nil {
		return Page{}, fmt.Errorf("%w: %v", ErrUnreadable, err)
	}
	if art.Node == nil {
		return Page{}, ErrUnreadable
	}
	md, err := htmltomarkdown.ConvertNode(art.Node, converter.WithDomain(pageURL.String()))
	if err != nil {
		return Page{}, fmt.Errorf("%w: %v", ErrUnreadable, err)
	}
	text := strings.TrimSpace(textsafe.Sanitize(string(bytes.ToValidUTF8(md, []byte("\uFFFD")))))
	if readableLetters(text) < minReadable {
		return Page{}, ErrUnreadable
	}
	p := Page{
		URL:    pageURL.String(),
		Title:  textsafe.Line(art.Title()),
		Byline: textsafe.Line(art.Byline()),
		Text:   text,
	}
	if t, err := art.PublishedTime(); err == nil {
		p.Published = t.UTC()
	}
	if img := art.ImageURL(); img != "" {
		if u, err := pageURL.Parse(img); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
			p.Image = textsafe.Line(u.String())
		}
	}
	return p, nil
}

// readableLetters counts the runes of text outside Markdown link targets,
// so a page of links (a navigation or a paywall's buttons) does not pass
// for an article.
func readableLetters(md string) int {
	n := 0
	for len(md) > 0 {
		if i := strings.Index(md, "]("); i >= 0 {
			n += utf8.RuneCountInString(md[:i])
			j := strings.IndexByte(md[i:], ')')
			if j < 0 {
				return n
			}
			md = md[i+j+1:]
			continue
		}
		return n + utf8.RuneCountInString(md)
	}
	return n
}

// lazySources are the attributes lazy-loading scripts read an image's real
// address from. No script runs here, so the address is moved into src,
// over the placeholder, before extraction.
var lazySources = [...]string{"data-src", "data-lazy-src", "data-original", "data-url"}

func unlazyImages(n *html.Node) {
	if n.Type == html.ElementNode && n.Data == "img" {
		for _, name := range lazySources {
			if v := attr(n, name); v != "" {
				setAttr(n, "src", v)
				break
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		unlazyImages(c)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

func setAttr(n *html.Node, key, val string) {
	for i := range n.Attr {
		if n.Attr[i].Key == key && n.Attr[i].Namespace == "" {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val})
}
