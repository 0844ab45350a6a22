package feed

import (
	"fmt"
	"slices"
	"strings"

	"github.com/herald-reader/herald/feed/internal/frontmatter"
)

// MaxBodyWords caps a summary's BodyWords, in bytes. A summary of a body
// with more distinct words keeps those that come first in the body, cut,
// so that a hostile body (1 MiB of distinct words) costs at most this
// much per summary, not the body's size. 32 KiB is about 4,000 distinct
// words: a long read of 6,000 words fits whole.
const MaxBodyWords = 32 << 10

// bodyWords returns a body's distinct words as BodyWords returns them: runs
// of characters between ASCII white space, ASCII letters lower-cased
// (search ignores their case), sorted, joined by single spaces; cut when
// the next new word would take them over MaxBodyWords. It allocates for
// the distinct words it keeps, not for every word of the body: a load
// runs it on every body it parses.
func bodyWords(body string) (words string, cut bool) {
	if body == "" {
		return "", false
	}
	seen := map[string]struct{}{}
	var list []string
	var lower []byte
	size := -1 // of the words joined
	for i := 0; i < len(body); {
		// ASCII white space is never part of a multi-byte character: the
		// words are found byte by byte.
		for i < len(body) && isSpaceByte(body[i]) {
			i++
		}
		j := i
		for j < len(body) && !isSpaceByte(body[j]) {
			j++
		}
		if j == i {
			break
		}
		w := body[i:j]
		i = j
		if hasUpperASCII(w) {
			lower = appendLowerASCII(lower[:0], w)
			if _, ok := seen[string(lower)]; ok {
				continue
			}
			w = string(lower)
		} else if _, ok := seen[w]; ok {
			continue
		}
		if size+1+len(w) > MaxBodyWords {
			cut = true
			break
		}
		seen[w] = struct{}{}
		list = append(list, w)
		size += 1 + len(w)
	}
	slices.Sort(list)
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

// isSpaceByte reports whether c is the white space a search's space
// matches (a phrase across a line break): search finds a word never
// across it.
func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

func hasUpperASCII(s string) bool {
	for i := range len(s) {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return true
		}
	}
	return false
}

// appendLowerASCII appends s with its ASCII letters lower-cased.
func appendLowerASCII(dst []byte, s string) []byte {
	for i := range len(s) {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
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
