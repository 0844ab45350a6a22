package textsafe

import (
	"strings"
	"unicode/utf8"
)

// Sanitize makes untrusted text safe to put on a terminal while keeping it
// multi-line: it keeps newlines (CRLF and a lone CR become "\n"), turns tabs
// into spaces, turns invalid UTF-8 into U+FFFD and drops every Invisible
// rune: what a terminal would interpret or hide (C0 controls, DEL, C1
// controls, bidi controls and every other format character, the
// noncharacters U+FFFE/U+FFFF, the Hangul fillers). U+2028/U+2029 become
// newlines.
//
// The joiners U+200C (ZWNJ) and U+200D (ZWJ) are the one exception (Drop):
// they are kept between two letters or marks (where Persian and Indic
// scripts need them to spell words) and dropped everywhere else, including
// inside emoji ZWJ sequences: terminals disagree on how wide a joined emoji
// is, and a family emoji shown as its three members is still readable while
// a width mismatch breaks the layout of every line after it.
//
// Sanitize returns s itself when there is nothing to change.
func Sanitize(s string) string {
	if !needsSanitize(s, true) {
		return s
	}
	return sanitize(s, true)
}

// Line is Sanitize for one-line text: newlines become spaces too.
func Line(s string) string {
	if !needsSanitize(s, false) {
		return s
	}
	return sanitize(s, false)
}

// Clone returns Sanitize(s), or Line(s) when multiline is false, as a
// fresh string that shares no memory with s, like strings.Clone. Articles
// must not keep substrings of a file's bytes: one retained title would pin
// the whole file in memory.
func Clone(s string, multiline bool) string {
	if !needsSanitize(s, multiline) {
		return strings.Clone(s)
	}
	return sanitize(s, multiline)
}

const (
	lows  = 0x0101010101010101
	highs = 0x8080808080808080
)

// word8 loads s[0:8] as a little-endian word (the compiler merges the
// loads into one).
func word8(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// plainASCII reports whether all eight bytes of w are printable ASCII
// (0x20-0x7E): no high bit, no byte below 0x20, no DEL.
func plainASCII(w uint64) bool {
	below := (w - 0x20*lows) &^ w
	x := w ^ 0x7f*lows
	del := (x - lows) &^ x
	return (w|below|del)&highs == 0
}

// SkipPlain returns the index of the first byte of s from i on that is not
// printable ASCII (0x20-0x7E), or len(s). The text scanners here and in the
// front-matter decoder start from it: they only differ in what they make of
// the other bytes.
func SkipPlain(s string, i int) int {
	for i+8 <= len(s) && plainASCII(word8(s[i:])) {
		i += 8
	}
	for i < len(s) && s[i] >= 0x20 && s[i] < 0x7f {
		i++
	}
	return i
}

// needsSanitize reports whether sanitize would change s. It runs on every
// string of every article, so it checks eight ASCII bytes at a time.
func needsSanitize(s string, multiline bool) bool {
	for i := SkipPlain(s, 0); i < len(s); i = SkipPlain(s, i) {
		c := s[i]
		if c == '\n' && multiline {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			return true
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || dropOrMap(r) {
			return true
		}
		i += size
	}
	return false
}

// dropOrMap reports whether a non-ASCII rune is dropped or replaced.
func dropOrMap(r rune) bool {
	return r == 0x2028 || r == 0x2029 || Invisible(r)
}

func sanitize(s string, multiline bool) string {
	var b strings.Builder
	b.Grow(len(s))
	newline := byte(' ')
	if multiline {
		newline = '\n'
	}
	var prev rune // last rune written, for the joiner rule
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 0x20 && c < 0x7f:
				b.WriteByte(c)
			case c == '\n':
				b.WriteByte(newline)
			case c == '\r':
				if i < len(s) && s[i] == '\n' {
					continue // the "\n" that follows writes the break
				}
				b.WriteByte(newline)
			case c == '\t':
				b.WriteByte(' ')
			default:
				continue // C0 control or DEL
			}
			prev = rune(c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			r = utf8.RuneError
		case r == 0x2028 || r == 0x2029:
			r = rune(newline)
		case Drop(prev, r, s[i:]):
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}
