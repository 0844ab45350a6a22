// Package rendertest holds test helpers for output that reaches the
// terminal, shared by ui/render and ui. It is imported by tests only.
package rendertest

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// sgr matches one Select Graphic Rendition sequence: colours and
// attributes, nothing that moves the cursor, writes the clipboard or asks
// the terminal a question.
var sgr = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// Violation describes the first byte of s that is neither printable text,
// '\n' nor part of an SGR sequence, or returns "" when there is none. It is
// written independently of render.Safe so that it can catch Safe's bugs.
func Violation(s string) string {
	rest := sgr.ReplaceAllString(s, "")
	for i, r := range rest {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(rest[i:]); n <= 1 {
				return fmt.Sprintf("invalid UTF-8 at byte %d near %q", i, around(rest, i))
			}
		}
		if r == '\n' {
			continue
		}
		if unicode.IsControl(r) || isBidi(r) || r == '\u2028' || r == '\u2029' {
			return fmt.Sprintf("control character %U near %q", r, around(rest, i))
		}
	}
	return ""
}

// AssertOnlySGR fails the test when s contains a control character or an
// escape sequence other than SGR. name says which output was checked.
func AssertOnlySGR(t testing.TB, name, s string) {
	t.Helper()
	if v := Violation(s); v != "" {
		t.Errorf("%s: output reaches the terminal with a %s", name, v)
	}
}

// Strip removes SGR sequences, leaving the text a user reads.
func Strip(s string) string { return sgr.ReplaceAllString(s, "") }

func around(s string, i int) string {
	lo, hi := max(i-20, 0), min(i+20, len(s))
	return strings.ToValidUTF8(s[lo:hi], "?")
}

func isBidi(r rune) bool {
	return r == '\u061c' || r == '\u200e' || r == '\u200f' ||
		(r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}
