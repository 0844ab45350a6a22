package render

import (
	"strings"
	"unicode/utf8"

	"github.com/herald-reader/herald/internal/textsafe"
)

const (
	esc  = 0x1b
	zwnj = 0x200c
	zwj  = 0x200d
)

// Safe filters s down to what may reach the terminal: printable text, '\n'
// and SGR sequences (ESC [ digits ; : m), which only change colours and
// attributes. Everything else goes: OSC (clipboard writes, titles,
// hyperlinks), other CSI (cursor moves, screen clears, queries whose replies
// would arrive as keystrokes), DCS/APC/PM/SOS strings, lone ESC, every
// textsafe.Invisible rune (C0 and C1 controls, also as the runes
// U+0080-U+009F, DEL, bidi controls and other format characters) and
// invalid UTF-8. The joiners ZWNJ and ZWJ stay, also inside emoji: they
// change how glyphs join, not what a line says or where it goes. A tab
// becomes four spaces, U+2028/U+2029 a space.
//
// glamour decodes entities such as "&#27;" into real ESC bytes after any
// sanitising of its input, so its output must pass through Safe.
func Safe(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\n' || (c >= 0x20 && c < 0x7f):
			b.WriteByte(c)
			i++
		case c == '\t':
			b.WriteString("    ")
			i++
		case c == esc:
			i = escapeSeq(&b, s, i)
		case c < 0x80: // other C0 controls and DEL
			i++
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError && n <= 1: // invalid UTF-8
			case isStringIntro(r):
				i = skipString(s, i+n)
				continue
			case r == 0x2028 || r == 0x2029:
				b.WriteByte(' ')
			case textsafe.Invisible(r) && r != zwnj && r != zwj:
			default:
				b.WriteString(s[i : i+n])
			}
			i += n
		}
	}
	return b.String()
}

// isPlain reports whether s is printable ASCII and newlines only, the
// common case for the notty and ascii styles.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != '\n' && (c < 0x20 || c >= 0x7f) {
			return false
		}
	}
	return true
}

// escapeSeq handles the sequence starting with the ESC at s[i]: it copies an
// SGR sequence to b, drops anything else, and returns the index after it.
func escapeSeq(b *strings.Builder, s string, i int) int {
	if i+1 >= len(s) {
		return i + 1 // lone ESC at the end
	}
	switch s[i+1] {
	case '[':
		return csi(b, s, i, i+2)
	case ']', 'P', 'X', '^', '_': // OSC, DCS, SOS, PM, APC: strings up to ST
		return skipString(s, i+2)
	}
	// Two-byte escapes (ESC 7, ESC c reset, ESC D...) and charset
	// selections (ESC ( B) are dropped with their intermediates.
	j := i + 1
	for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
		j++
	}
	if j < len(s) && s[j] >= 0x30 && s[j] <= 0x7e {
		return j + 1
	}
	return i + 1 // a lone ESC before text or a control: drop the ESC only
}

// csi parses a control sequence whose parameters start at s[j]; i is the
// ESC. SGR (only digits, ';' and ':' then 'm') is kept, other complete
// sequences are dropped, and a malformed one loses its introducer only.
func csi(b *strings.Builder, s string, i, j int) int {
	start := j
	sgr := true
	for j < len(s) && s[j] >= 0x30 && s[j] <= 0x3f { // parameter bytes
		if c := s[j]; !(c >= '0' && c <= '9' || c == ';' || c == ':') {
			sgr = false
		}
		j++
	}
	if j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f { // intermediate bytes
		sgr = false
		for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
			j++
		}
	}
	if j >= len(s) || s[j] < 0x40 || s[j] > 0x7e {
		return start // malformed: drop "ESC [" and show the rest as text
	}
	if sgr && s[j] == 'm' {
		b.WriteString(s[i : j+1])
	}
	return j + 1
}

// skipString skips the body of an OSC/DCS/SOS/PM/APC string starting at
// s[j] and returns the index after its terminator: BEL, ST (ESC \ or
// U+009C), or the start of another escape sequence. A string that is not
// terminated before the end of the line is dropped to the end of the line,
// so hostile text can hide at most the rest of its own line.
func skipString(s string, j int) int {
	for j < len(s) {
		switch c := s[j]; {
		case c == 0x07:
			return j + 1
		case c == '\n':
			return j
		case c == esc:
			if j+1 < len(s) && s[j+1] == '\\' {
				return j + 2
			}
			return j
		case c == 0xc2 && j+1 < len(s) && s[j+1] == 0x9c: // U+009C ST
			return j + 2
		}
		j++
	}
	return j
}

// isStringIntro reports the C1 introducers of control strings (DCS, SOS,
// OSC, PM, APC) in their UTF-8 form: some terminals act on them.
func isStringIntro(r rune) bool {
	return r == 0x90 || r == 0x98 || r == 0x9d || r == 0x9e || r == 0x9f
}
