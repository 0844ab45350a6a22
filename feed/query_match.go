package feed

import "strings"

// needle is a folded search string prepared for contains: instead of
// folding the haystack, the matcher finds candidates with strings.IndexByte
// (vectorised) on the needle's rarest byte, in both cases, and checks each
// candidate with matchAt.
type needle struct {
	s      string // folded, white space collapsed to single spaces
	anchor int    // offset in s of the byte to scan for; -1: try every offset
	lo, up byte   // s[anchor] in lower and upper case (equal if not a letter)
}

func newNeedle(folded string) needle {
	n := needle{s: folded, anchor: -1}
	best := 1 << 30
	// The anchor must sit before the first byte that can match a
	// haystack span of another width (space, quote, dash), so that the
	// candidate's start is exactly anchor bytes before it.
	for k := 0; k < len(folded) && !variable(folded[k]); k++ {
		if r := rarity(folded[k]); r < best {
			best, n.anchor = r, k
		}
	}
	if n.anchor >= 0 {
		n.lo = folded[n.anchor]
		n.up = n.lo
		if n.lo >= 'a' && n.lo <= 'z' {
			n.up = n.lo - 'a' + 'A'
		}
	}
	return n
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

// contains reports whether h holds n (see matchAt for what matches).
func (n *needle) contains(h string) bool {
	if len(h) < len(n.s) { // a match is never shorter than the needle
		return false
	}
	if n.anchor < 0 {
		for i := 0; i+len(n.s) <= len(h); i++ {
			if _, ok := matchAt(h, i, n.s); ok {
				return true
			}
		}
		return false
	}
	k := n.anchor
	lim := len(h) - len(n.s) + k + 1 // anchor positions are < lim
	nl := indexFrom(h, k, lim, n.lo)
	nu := nl
	if n.up != n.lo {
		nu = indexFrom(h, k, lim, n.up)
	}
	for nl >= 0 || nu >= 0 {
		var p int
		if nu < 0 || (nl >= 0 && nl <= nu) {
			p = nl
			nl = indexFrom(h, p+1, lim, n.lo)
			if n.up == n.lo {
				nu = nl
			}
		} else {
			p = nu
			nu = indexFrom(h, p+1, lim, n.up)
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
	return q.match(a, t, st)
}

// match evaluates the terms in order (cheapest first, see termKind); t is
// only read when q.text.
func (q *Query) match(a *Article, t *text, st State) bool {
	for i := range q.terms {
		if q.terms[i].eval(a, t, st) == q.terms[i].neg {
			return false
		}
	}
	return true
}

func (tm *term) eval(a *Article, t *text, st State) bool {
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
	return t.hasText(&tm.n)
}
