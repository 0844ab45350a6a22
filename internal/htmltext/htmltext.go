// Package htmltext turns an HTML body into Markdown, for the articles of a
// site whose body is HTML rather than Markdown (a sample's download page,
// an e-mail): the reader and `herald show` then print paragraphs, lists
// and numbered links, never raw tags. The conversion is
// github.com/JohannesKaufmann/html-to-markdown/v2, which reader mode's
// page extraction uses too.
package htmltext

import (
	"strings"

	htmltomarkdown "github.com/JohannesKaufmann/html-to-markdown/v2"
	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
)

// MaxBytes caps the HTML converted: more is cut (the parser closes what
// the cut leaves open). Article bodies are a few KiB; the cap keeps a
// hostile one from costing more than a bounded conversion.
const MaxBytes = 256 << 10

// blockTags are the elements an HTML body starts with. Markdown may hold
// inline HTML (a <span>, an <img>); a body that opens with one of these is
// a document or a block of HTML, which Markdown renders as raw tags.
var blockTags = map[string]bool{
	"!doctype": true, "html": true, "body": true, "div": true, "p": true, "section": true,
	"article": true, "header": true, "main": true, "table": true, "ul": true, "ol": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "blockquote": true,
	"figure": true, "center": true, "font": true, "style": true, "meta": true, "head": true,
}

// IsHTML reports whether body is HTML rather than Markdown: it starts,
// after blank space and comments, with a block-level or document tag and
// closes some tag. It looks at the text only, never at where the file is.
func IsHTML(body string) bool {
	s := strings.TrimLeft(body, " \t\r\n")
	for strings.HasPrefix(s, "<!--") {
		end := strings.Index(s, "-->")
		if end < 0 {
			return false
		}
		s = strings.TrimLeft(s[end+3:], " \t\r\n")
	}
	if len(s) < 3 || s[0] != '<' {
		return false
	}
	name := s[1:]
	if i := strings.IndexAny(name, " \t\r\n>/"); i >= 0 {
		name = name[:i]
	}
	return blockTags[strings.ToLower(name)] && strings.Contains(s, "</")
}

// ToMarkdown converts an HTML body to Markdown, links made absolute
// against base (the article's URL; "" leaves them as they are). cut
// reports that the body was over MaxBytes and only its start converted.
// The result is untrusted text still: sanitise it before showing it.
func ToMarkdown(body, base string) (md string, cut bool, err error) {
	if len(body) > MaxBytes {
		body, cut = body[:MaxBytes], true
	}
	var opts []converter.ConvertOptionFunc
	if base != "" {
		opts = append(opts, converter.WithDomain(base))
	}
	md, err = htmltomarkdown.ConvertString(body, opts...)
	return strings.TrimSpace(md), cut, err
}
