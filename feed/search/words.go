package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/herald-reader/herald/feed"
)

// Qualifier values (title:learn, p:fox) match the words of a field as
// people type them: a match must start a word, and a quoted value must
// also end one ("Machine Learning" has learn, not earn; title:"open
// model" finds no "open models").

// word is a qualifier value prepared to look for in one article's fields.
type word struct {
	n     *needle
	a     anchor
	ok    bool // a is set (see needle.pick)
	exact bool // the match must end a word too
}

// in reports whether h has a match of w that starts a word (and ends one
// when w.exact).
func (w word) in(h string) bool {
	for from := 0; ; {
		start, end := w.n.find(h, from, w.a, w.ok)
		if start < 0 {
			return false
		}
		if w.bounded(h, start, end) {
			return true
		}
		from = start + 1
	}
}

// bounded reports whether the match h[start:end] starts a word, and when
// w.exact ends one. A needle that starts (ends) with a character that is
// not part of a word has its own boundary.
func (w word) bounded(h string, start, end int) bool {
	s := w.n.s
	if isWordByte(s[0]) && !wordStart(h, start) {
		return false
	}
	return !w.exact || !isWordByte(s[len(s)-1]) || wordEnd(h, end)
}

// inAny reports whether any of l has w (related: is the only
// qualifier with a list).
func (w word) inAny(l feed.Titles) bool {
	for s := range l.All() {
		if w.in(s) {
			return true
		}
	}
	return false
}

// isWordByte reports whether folded needle byte c is part of a word (a
// letter or digit, or a byte of a non-ASCII letter).
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= utf8.RuneSelf
}

// wordStart reports whether a word starts at h[i]: nothing before it that
// belongs to a word.
func wordStart(h string, i int) bool {
	if i == 0 {
		return true
	}
	if c := h[i-1]; c < utf8.RuneSelf {
		return !isWordByte(toLower(c))
	}
	r, _ := utf8.DecodeLastRuneInString(h[:i])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// wordEnd reports whether a word ends before h[j].
func wordEnd(h string, j int) bool {
	if j == len(h) {
		return true
	}
	if c := h[j]; c < utf8.RuneSelf {
		return !isWordByte(toLower(c))
	}
	r, _ := utf8.DecodeRuneInString(h[j:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// siteValue is the host part of a site: value, so that a pasted URL
// works too: site:https://www.nytimes.com/section is www.nytimes.com.
func siteValue(v string) string {
	if _, rest, ok := strings.Cut(v, "://"); ok {
		v = rest
	}
	if i := strings.IndexAny(v, "/?#"); i >= 0 {
		v = v[:i]
	}
	return strings.Trim(v, ".")
}

// urlHost is the host of an http(s) URL, without user or port; "" when
// there is none.
func urlHost(u string) string {
	_, rest, ok := strings.Cut(u, "://")
	if !ok {
		return ""
	}
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.LastIndexByte(rest, '@'); i >= 0 {
		rest = rest[i+1:]
	}
	if i := strings.LastIndexByte(rest, ':'); i >= 0 && !strings.Contains(rest[i:], "]") {
		rest = rest[:i]
	}
	return rest
}

// onSite reports whether host, or a domain above it, starts with the
// folded value n (site:nyt finds www.nytimes.com); exact: is it
// (site:nytimes.com finds www.nytimes.com, not nytimes.com.evil).
func onSite(host string, n *needle, exact bool) bool {
	v := n.s
	for d := host; ; {
		if len(d) >= len(v) && strings.EqualFold(d[:len(v)], v) && (!exact || len(d) == len(v)) {
			return true
		}
		i := strings.IndexByte(d, '.')
		if i < 0 {
			return false
		}
		d = d[i+1:]
	}
}
