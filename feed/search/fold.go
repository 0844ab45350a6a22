package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Search compares text in a folded form: lower case, accents dropped,
// compatibility forms unified (ﬁ is fi, full-width Ａ is a, a no-break space
// is a space), and typographic quotes and dashes written as their ASCII
// twins, so "cafe" finds "Café" and "that's" finds "That’s".
//
// Folding a whole library would double the memory its text takes, so the
// index folds only the fields that need more than ASCII case folding, and
// the matcher (see matchAt) does ASCII case and the typographic quotes and
// dashes itself, on the original text.

// Fold returns the folded form of s (see above). The UI can use it to
// compare a facet name with a query value.
func Fold(s string) string {
	if isASCII(s) {
		return lowerASCII(s)
	}
	return string(appendFold(nil, s, true))
}

// appendFold appends the folded s. With punct false the typographic quotes
// and dashes are kept (the matcher accepts them as their ASCII twins).
func appendFold(dst []byte, s string, punct bool) []byte {
	if !norm.NFKD.IsNormalString(s) {
		s = norm.NFKD.String(s)
	}
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			dst = append(dst, toLower(byte(r)))
		case unicode.Is(unicode.Mn, r): // accents, after NFKD split them off
		case punct && asciiTwin(r) != 0:
			dst = append(dst, asciiTwin(r))
		case r == 'ß':
			dst = append(dst, "ss"...)
		case r == 'ı': // Turkish dotless i
			dst = append(dst, 'i')
		case r == 'ς': // final sigma
			dst = utf8.AppendRune(dst, 'σ')
		default:
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}

// asciiTwin is the ASCII character a typographic quote or dash stands
// for, or 0. All of these are three bytes in UTF-8 (see punctWidth).
func asciiTwin(r rune) byte {
	switch r {
	case '\u2018', '\u2019', '\u201B': // ‘ ’ ‛
		return '\''
	case '\u201C', '\u201D', '\u201E': // “ ” „
		return '"'
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212': // ‐ ‑ ‒ – — −
		return '-'
	}
	return 0
}

// needsFold reports whether matching s needs a folded copy: it holds a
// character whose folded form is more than an ASCII case change or one of
// the typographic twins the matcher handles. Called on every field of
// every article, so it decides per character without building the fold.
func needsFold(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if asciiTwin(r) == 0 && !foldsToItself(r, s[i:i+size]) {
			return true
		}
		i += size
	}
	return false
}

// foldsToItself reports whether appendFold leaves the rune r (encoded as
// enc) unchanged.
func foldsToItself(r rune, enc string) bool {
	switch {
	case r == utf8.RuneError, r == 'ß', r == 'ı', r == 'ς', unicode.Is(unicode.Mn, r), unicode.ToLower(r) != r:
		return false
	case r >= 0xAC00 && r <= 0xD7A3: // Hangul syllables decompose algorithmically
		return false
	}
	return len(norm.NFKD.PropertiesString(enc).Decomposition()) == 0
}

// normalizeSpace folds a needle and collapses its white space to single
// spaces (the matcher lets one space match any run of white space).
func normalizeSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func lowerASCII(s string) string {
	for i := range len(s) {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

func toLower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
