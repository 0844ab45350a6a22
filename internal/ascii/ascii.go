// Package ascii writes text in ASCII only, for plain mode (--plain: screen
// readers, dumb terminals): letters lose their accents, typographic
// punctuation becomes its ASCII twin, anything else a question mark.
package ascii

import (
	"strings"
	"unicode"
	"unicode/utf8"

	xansi "github.com/charmbracelet/x/ansi"
	"golang.org/x/text/unicode/norm"
)

// twins spell typographic characters in ASCII.
var twins = map[rune]string{
	'\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'",
	'\u201C': `"`, '\u201D': `"`, '\u201E': `"`, '\u201F': `"`, '\u2033': `"`, '«': `"`, '»': `"`,
	'\u2010': "-", '\u2011': "-", '\u2012': "-", '\u2013': "-", '\u2014': "--", '\u2015': "--", '\u2212': "-",
	'\u2026': "...", '\u2022': "*", '\u25CF': "*", '\u25AA': "*", '·': "-", '\u2027': "-",
	'\u2192': "->", '\u2190': "<-", '\u2191': "^", '\u2193': "v", '\u25B8': ">", '\u25B6': ">",
	'\u00A0': " ", '\u2009': " ", '\u200A': " ", '\u202F': " ", '\u3000': " ",
	'×': "x", '÷': "/", '©': "(c)", '®': "(R)", '™': "(TM)", '°': "deg", '€': "EUR", '£': "GBP",
	'ß': "ss", 'æ': "ae", 'Æ': "AE", 'œ': "oe", 'Œ': "OE", 'ø': "o", 'Ø': "O", 'đ': "d", 'Đ': "D",
	'ł': "l", 'Ł': "L", 'ı': "i", 'þ': "th", 'Þ': "Th", 'ð': "d", 'Ð': "D",
	'\u2502': "|", '\u2503': "|", '\u2500': "-", '\u2501': "-", '\u258C': "|", '\u2588': "#", '\u2591': "-",
	'\u2605': "*", '\u2606': "*", '\u2713': "v", '\u2717': "x",
}

// Fold returns s in ASCII: each rune by its ASCII spelling (see the
// package doc). Zero-width runes (accents split off, joiners) vanish. The
// result may be wider or narrower than s: fold text before laying it out.
func Fold(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteString(rune1(r))
	}
	return b.String()
}

// FoldCells returns s in ASCII with every rune taking as many cells as
// before (a wide character becomes two), so a laid-out screen keeps its
// shape. Escape sequences, being ASCII, pass through.
func FoldCells(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < utf8.RuneSelf {
			b.WriteRune(r)
			continue
		}
		w := xansi.StringWidth(string(r))
		t := rune1(r)
		if len(t) > w {
			t = t[:w]
		}
		b.WriteString(t + strings.Repeat("?", w-len(t)))
	}
	return b.String()
}

// rune1 is the ASCII spelling of one rune.
func rune1(r rune) string {
	if r < utf8.RuneSelf {
		return string(r)
	}
	if t, ok := twins[r]; ok {
		return t
	}
	var out []byte
	for _, d := range norm.NFKD.String(string(r)) {
		switch {
		case d < utf8.RuneSelf:
			out = append(out, byte(d))
		case unicode.Is(unicode.Mn, d) || unicode.Is(unicode.Cf, d):
		default:
			if t, ok := twins[d]; ok {
				out = append(out, t...)
			} else if unicode.IsSpace(d) {
				out = append(out, ' ')
			} else {
				out = append(out, '?')
			}
		}
	}
	return string(out)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
