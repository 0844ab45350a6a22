package feed

import (
	"fmt"
	"slices"
	"strings"

	"github.com/herald-reader/herald/feed/internal/frontmatter"
)

// MaxBodyWords caps a summary's BodyWords, in bytes. A summary of a body
// with more distinct words keeps the first of them in sorted order, cut,
// so that a hostile body (1 MiB of distinct words) costs at most this
// much per summary, not the body's size. 32 KiB is about 4,000 distinct
// words: a long read of 6,000 words fits whole.
const MaxBodyWords = 32 << 10

// bodyWords returns a body's distinct words as BodyWords returns them: runs
// of characters between ASCII white space, ASCII letters lower-cased
// (search ignores their case), sorted, joined by single spaces, cut to
// MaxBodyWords (cut true) at a word boundary.
func bodyWords(body string) (words string, cut bool) {
	list := strings.FieldsFunc(lowerASCII(body), isASCIISpace)
	slices.Sort(list)
	list = slices.Compact(list)
	n := -1
	for i, w := range list {
		if n+1+len(w) > MaxBodyWords {
			list, cut = list[:i], true
			break
		}
		n += 1 + len(w)
	}
	return strings.Join(list, " "), cut
}

// packedWords is the body's words as a summary keeps them (see
// Article.words).
func packedWords(body string) string {
	words, cut := bodyWords(body)
	if cut {
		return words + " "
	}
	return words
}

// isASCIISpace is the white space a search's space matches (a phrase
// across a line break): search finds a word never across it.
func isASCIISpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v'
}

// lowerASCII is s with its ASCII letters lower-cased; s itself when it
// has none.
func lowerASCII(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return r >= 'A' && r <= 'Z' })
	if i < 0 {
		return s
	}
	b := []byte(s)
	for j := i; j < len(b); j++ {
		if c := b[j]; c >= 'A' && c <= 'Z' {
			b[j] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// ReadBody returns an article's body: Detail.Body for a full article, ""
// for a summary of an empty body, else the body read again from the file,
// as Detail would return it, for what its words cannot answer (see
// BodyWords). It skips decoding the front matter, which costs three
// quarters of a Detail: a search checks a phrase in many bodies.
func ReadBody(a *Article) (string, error) {
	if a.Detail != nil {
		return a.Detail.Body, nil
	}
	if a.words == "" {
		return "", nil
	}
	data, _, err := readAgain(a)
	if err != nil {
		return "", err
	}
	body, ferr := frontmatter.Body(data)
	if ferr != nil {
		return "", fmt.Errorf("parse %s: %w", a.Path, ferr)
	}
	// The HTML body of parse is made Markdown against the article's URL;
	// its warnings go to a scratch article, not to a.
	x := extractor{a: &Article{OriginalURL: a.OriginalURL, WebURL: a.WebURL}, path: a.Path}
	return x.markdownBody(body), nil
}
