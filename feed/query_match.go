package feed

import (
	"slices"
	"strings"
)

// needle is a folded search string prepared for contains: instead of
// folding the haystack, the matcher finds candidates with strings.IndexByte
// (vectorised) on a rare byte of the needle, the anchor, and checks each
// candidate with matchAt.
type needle struct {
	grams   grams    // see Index
	s       string   // folded, white space collapsed to single spaces
	anchors []anchor // rarest first; none: try every offset
}

// anchor is a byte of the needle to scan for. A letter must be scanned for
// in both cases (two scans) unless the article has no upper-case form of
// it at all, which the index knows (doc.upper); so an article picks the
// rarest anchor it can scan for once.
type anchor struct {
	k      int  // offset in the needle
	lo, up byte // the byte in lower and upper case (equal if not a letter)
}

// allUpper is the upper-case set of an article the index has not seen.
const allUpper = 1<<26 - 1

func newNeedle(folded string) needle {
	n := needle{s: folded, grams: needleGrams(folded)}
	// An anchor must sit before the first byte that can match a haystack
	// span of another width (space, quote, dash), so that the candidate's
	// start is exactly k bytes before it.
	for k := 0; k < len(folded) && !variable(folded[k]); k++ {
		c := folded[k]
		if slices.ContainsFunc(n.anchors, func(a anchor) bool { return a.lo == c }) {
			continue
		}
		a := anchor{k: k, lo: c, up: c}
		if c >= 'a' && c <= 'z' {
			a.up = c - 'a' + 'A'
		}
		n.anchors = append(n.anchors, a)
	}
	slices.SortStableFunc(n.anchors, func(a, b anchor) int { return rarity(a.lo) - rarity(b.lo) })
	return n
}

// pick chooses the anchor for an article whose text has the upper-case
// letters in the set upper (bit i for 'A'+i).
func (n *needle) pick(upper uint32) (anchor, bool) {
	if len(n.anchors) == 0 {
		return anchor{}, false
	}
	for _, a := range n.anchors {
		if a.lo == a.up {
			return a, true
		}
		if upper&(1<<(a.lo-'a')) == 0 {
			a.up = a.lo // no upper-case form in this article: one scan
			return a, true
		}
	}
	return n.anchors[0], true
}

// variable reports whether needle byte c may match a haystack span of a
// different length (see matchAt).
func variable(c byte) bool { return c == ' ' || c == '\'' || c == '"' || c == '-' }

// rarity ranks a needle byte by how often it occurs in English news text:
// lower is rarer, hence fewer candidates to check.
func rarity(c byte) int {
	const byFrequency = "zqxjkvbpgywfmculdrhsnioate" // rarest first
	switch {
	case c >= 0x80:
		return 1 // non-ASCII text is rare in most libraries
	case c >= '0' && c <= '9':
		return 10
	case c >= 'a' && c <= 'z':
		return 2 + strings.IndexByte(byFrequency, c)
	}
	return 5 // punctuation
}

// contains reports whether h holds n (see matchAt for what matches),
// scanning for anchor a (see pick; ok false: no anchor).
func (n *needle) contains(h string, a anchor, ok bool) bool {
	if len(h) < len(n.s) { // a match is never shorter than the needle
		return false
	}
	if !ok {
		for i := 0; i+len(n.s) <= len(h); i++ {
			if _, ok := matchAt(h, i, n.s); ok {
				return true
			}
		}
		return false
	}
	k := a.k
	lim := len(h) - len(n.s) + k + 1 // anchor positions are < lim
	nl := indexFrom(h, k, lim, a.lo)
	if a.up == a.lo {
		for ; nl >= 0; nl = indexFrom(h, nl+1, lim, a.lo) {
			if _, ok := matchAt(h, nl-k, n.s); ok {
				return true
			}
		}
		return false
	}
	nu := indexFrom(h, k, lim, a.up)
	for nl >= 0 || nu >= 0 {
		var p int
		if nu < 0 || (nl >= 0 && nl < nu) {
			p, nl = nl, indexFrom(h, nl+1, lim, a.lo)
		} else {
			p, nu = nu, indexFrom(h, nu+1, lim, a.up)
		}
		if _, ok := matchAt(h, p-k, n.s); ok {
			return true
		}
	}
	return false
}

// equal reports whether all of h matches n (a topic, a provider name).
func (n *needle) equal(h string) bool {
	end, ok := matchAt(h, 0, n.s)
	return ok && end == len(h)
}

func indexFrom(h string, from, lim int, c byte) int {
	if from >= lim {
		return -1
	}
	if i := strings.IndexByte(h[from:lim], c); i >= 0 {
		return from + i
	}
	return -1
}

// matchAt matches folded needle n against h from offset i and returns
// the end of the match. h is original text whose non-ASCII characters
// need no folding (see needsFold) or a folded copy. An ASCII letter
// matches in either case; a space matches any run of ASCII white space
// (phrases across line breaks); ' " - match their typographic twins.
func matchAt(h string, i int, n string) (int, bool) {
	j := i
	for k := 0; k < len(n); k++ {
		if j >= len(h) {
			return j, false
		}
		c, hc := n[k], h[j]
		switch {
		case hc == c:
			j++
			if c == ' ' {
				for j < len(h) && isSpaceByte(h[j]) {
					j++
				}
			}
		case c >= 'a' && c <= 'z' && hc == c-'a'+'A':
			j++
		case c == ' ' && isSpaceByte(hc):
			for j < len(h) && isSpaceByte(h[j]) {
				j++
			}
		case variable(c) && j+3 <= len(h) && hc == 0xE2:
			// all twins are three bytes starting with 0xE2
			r := rune(h[j]&0x0F)<<12 | rune(h[j+1]&0x3F)<<6 | rune(h[j+2]&0x3F)
			if asciiTwin(r) != c {
				return j, false
			}
			j += 3
		default:
			return j, false
		}
	}
	return j, true
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// Match reports whether the article matches every term. st may be nil (no
// article is read or starred). For many articles use an Index, which
// prepares the folded text once.
func (q Query) Match(a *Article, st State) bool {
	var t *text
	if q.text {
		if t = foldedText(a); t == nil {
			plain := textOf(a)
			t = &plain
		}
	}
	return q.match(a, t, st, nil, allUpper)
}

// match evaluates the terms in order (cheapest first, see termKind); t is
// only read when q.text. g and upper are the article's grams and
// upper-case letters when indexed, else nil and allUpper.
func (q *Query) match(a *Article, t *text, st State, g *grams, upper uint32) bool {
	for i := range q.terms {
		if q.terms[i].eval(a, t, st, g, upper) == q.terms[i].neg {
			return false
		}
	}
	return true
}

func (tm *term) eval(a *Article, t *text, st State, g *grams, upper uint32) bool {
	switch tm.kind {
	case kindIs:
		if st == nil {
			return tm.is == "unread"
		}
		switch tm.is {
		case "read":
			return st.IsRead(a.ID)
		case "unread":
			return !st.IsRead(a.ID)
		}
		return st.IsStarred(a.ID)
	case kindSince:
		return !a.Published.IsZero() && !a.Published.Before(tm.at)
	case kindBefore:
		return !a.Published.IsZero() && a.Published.Before(tm.at)
	case kindType:
		return tm.n.equal(t.typ)
	case kindTopic:
		return t.hasTopic(&tm.n)
	case kindProvider:
		return t.hasProvider(&tm.n)
	}
	if g != nil && !g.covers(&tm.n.grams) {
		return false
	}
	return t.hasText(&tm.n, upper)
}

// mayMatch is a quick test with the article's grams: false means some
// word or phrase the query requires is certainly not in the article.
func (q *Query) mayMatch(g *grams) bool {
	for i := range q.terms {
		if tm := &q.terms[i]; tm.kind == kindText && !tm.neg && !g.covers(&tm.n.grams) {
			return false
		}
	}
	return true
}
