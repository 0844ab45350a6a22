package search

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
	anchors []anchor // one per distinct byte; none: try every offset
	fixed   int      // bytes before the first variable one (see variable)
	// parts are the words of a phrase (a needle with a space), each a
	// needle; nil for a single word (see text.bodyHas).
	parts []needle
}

// anchor is a byte of the needle to scan for. A letter must be scanned for
// in both cases (two scans) unless the article has no upper-case form of
// it at all, which the index knows (doc.upper); see pick.
type anchor struct {
	k      int  // offset in the needle
	lo, up byte // the byte in lower and upper case (equal if not a letter)
}

// allUpper is the upper-case set of an article the index has not seen.
const allUpper = 1<<26 - 1

func newNeedle(folded string) needle {
	n := needle{s: folded, grams: needleGrams(folded)}
	if strings.IndexByte(folded, ' ') >= 0 {
		n.parts = []needle{} // a phrase even if all of it is spaces
		for w := range strings.FieldsSeq(folded) {
			n.parts = append(n.parts, newNeedle(w))
		}
	}
	// An anchor must sit before the first byte that can match a haystack
	// span of another width (space, quote, dash), so that the candidate's
	// start is exactly k bytes before it.
	for ; n.fixed < len(folded) && !variable(folded[n.fixed]); n.fixed++ {
		k, c := n.fixed, folded[n.fixed]
		if slices.ContainsFunc(n.anchors, func(a anchor) bool { return a.lo == c }) {
			continue
		}
		n.anchors = append(n.anchors, anchor{k: k, lo: c, up: upperASCII(c)})
	}
	return n
}

// phrase reports whether n is several words (see parts).
func (n *needle) phrase() bool { return n.parts != nil }

// partsIn reports whether each word of the phrase n occurs in h, a text
// without upper-case ASCII letters (a body's words, see text).
func (n *needle) partsIn(h string) bool {
	for i := range n.parts {
		p := &n.parts[i]
		if a, ok := p.pick(0); !p.contains(h, a, ok) {
			return false
		}
	}
	return true
}

// pick chooses the anchor for an article whose text has the upper-case
// letters in the set upper (bit i for 'A'+i): the one with the lowest
// estimated cost, a scan per case (a fixed cost per field) plus a check per
// candidate found (proportional to the byte's frequency). So a rare letter
// scanned in both cases can beat a common one scanned once.
func (n *needle) pick(upper uint32) (anchor, bool) {
	best, bestCost := anchor{}, 1<<30
	for _, a := range n.anchors {
		scans := 1
		if a.lo != a.up {
			if upper&(1<<(a.lo-'a')) == 0 {
				a.up = a.lo // no upper-case form in this article: one scan
			} else {
				scans = 2
			}
		}
		if cost := scans*scanCost + frequency(a.lo); cost < bestCost {
			best, bestCost = a, cost
		}
	}
	return best, bestCost < 1<<30
}

// scanCost is the cost of one IndexByte scan of an article's fields in
// the units of frequency (about one candidate check per unit).
const scanCost = 20

func upperASCII(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

// variable reports whether needle byte c may match a haystack span of a
// different length (see matchAt).
func variable(c byte) bool { return c == ' ' || c == '\'' || c == '"' || c == '-' }

// frequency estimates how often byte c occurs in an article's text:
// roughly the candidates a scan for it finds in a typical article (about
// 700 bytes of English news).
func frequency(c byte) int {
	// Per mille of English letters.
	letters := [26]uint8{
		82, 15, 28, 43, 127, 22, 20, 61, 70, 2, 8, 40, 24, // a-m
		67, 75, 19, 1, 60, 63, 91, 28, 10, 24, 2, 20, 1, // n-z
	}
	switch {
	case c >= 'a' && c <= 'z':
		return int(letters[c-'a']) * 2 / 3
	case c >= '0' && c <= '9':
		return 3
	case c >= 0x80:
		return 2
	}
	return 5 // punctuation
}

// contains reports whether h holds n (see matchAt for what matches),
// scanning for anchor a (see pick; ok false: no anchor).
func (n *needle) contains(h string, a anchor, ok bool) bool {
	start, _ := n.find(h, 0, a, ok)
	return start >= 0
}

// find returns the first match of n in h that starts at from or later:
// where it starts and ends, or -1, -1.
func (n *needle) find(h string, from int, a anchor, ok bool) (start, end int) {
	if len(h)-from < len(n.s) { // a match is never shorter than the needle
		return -1, -1
	}
	if !ok {
		for i := from; i+len(n.s) <= len(h); i++ {
			if end, ok := matchAt(h, i, n.s); ok {
				return i, end
			}
		}
		return -1, -1
	}
	k := a.k
	lim := len(h) - len(n.s) + k + 1 // anchor positions are < lim
	// Before calling matchAt, candidates are checked on one more byte
	// (ck) inline: most fail there.
	ck := 0
	if k == 0 {
		ck = 1
	}
	if ck >= n.fixed {
		ck = k
	}
	cl, cu := n.s[ck], upperASCII(n.s[ck])
	nl := indexFrom(h, from+k, lim, a.lo)
	if a.up == a.lo {
		for ; nl >= 0; nl = indexFrom(h, nl+1, lim, a.lo) {
			if c := h[nl-k+ck]; c != cl && c != cu {
				continue
			}
			if end, ok := matchAt(h, nl-k, n.s); ok {
				return nl - k, end
			}
		}
		return -1, -1
	}
	nu := indexFrom(h, from+k, lim, a.up)
	for nl >= 0 || nu >= 0 {
		var p int
		if nu < 0 || (nl >= 0 && nl < nu) {
			p, nl = nl, indexFrom(h, nl+1, lim, a.lo)
		} else {
			p, nu = nu, indexFrom(h, nu+1, lim, a.up)
		}
		if c := h[p-k+ck]; c != cl && c != cu {
			continue
		}
		if end, ok := matchAt(h, p-k, n.s); ok {
			return p - k, end
		}
	}
	return -1, -1
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
