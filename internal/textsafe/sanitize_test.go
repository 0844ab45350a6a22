package textsafe

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestSanitize(t *testing.T) {
	tests := []struct {
		name, in, multi, line string
	}{
		{"plain", "Hello, world", "Hello, world", "Hello, world"},
		{"newline", "a\nb", "a\nb", "a b"},
		{"CRLF", "a\r\nb\r\n", "a\nb\n", "a b "},
		{"lone CR", "a\rb", "a\nb", "a b"},
		{"tab", "a\tb", "a b", "a b"},
		{"C0 and DEL", "a\x00\x07\x1b[31mb\x7f", "a[31mb", "a[31mb"},
		{"C1", "a\u0085\u009b2Jb", "a2Jb", "a2Jb"},
		{"bidi", "\u202aa\u202bb\u202cc\u202dd\u202ee\u2066f\u2067g\u2068h\u2069i\u200ej\u200fk\u061cl", "abcdefghijkl", "abcdefghijkl"},
		{"invisible format", "a\u200bb\ufeffc\u00add\u2060e\U000E0041f", "abcdef", "abcdef"},
		{"Hangul filler", "a\u3164b", "ab", "ab"},
		{"line separators", "a\u2028b\u2029c", "a\nb\nc", "a b c"},
		{"invalid UTF-8", "caf\xe9\xff!", "caf\ufffd\ufffd!", "caf\ufffd\ufffd!"},
		{"real U+FFFD kept", "\ufffd", "\ufffd", "\ufffd"},
		{"non-Latin text kept", "Süddeutsche Zeitung — 東京 — Ελλάδα", "Süddeutsche Zeitung — 東京 — Ελλάδα", "Süddeutsche Zeitung — 東京 — Ελλάδα"},
		{"emoji kept, ZWJ dropped", "👨\u200d👩\u200d👧", "👨👩👧", "👨👩👧"},
		{"ZWJ in Devanagari kept", "क्\u200dष", "क्\u200dष", "क्\u200dष"},
		{"ZWNJ in Persian kept", "می\u200cخواهم", "می\u200cخواهم", "می\u200cخواهم"},
		{"ZWJ at the edges dropped", "\u200dab\u200c", "ab", "ab"},
		{"ZWJ between ASCII dropped", "a\u200db", "ab", "ab"},
		{"variation selector kept", "❤\ufe0f", "❤\ufe0f", "❤\ufe0f"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sanitize(tt.in); got != tt.multi {
				t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.multi)
			}
			if got := Line(tt.in); got != tt.line {
				t.Errorf("Line(%q) = %q, want %q", tt.in, got, tt.line)
			}
			if got := Clone(tt.in, true); got != tt.multi {
				t.Errorf("Clone(%q) = %q, want %q", tt.in, got, tt.multi)
			}
		})
	}
}

// Every rune, alone and between letters, comes out clean, and sanitising
// is idempotent.
func TestSanitizeAllRunes(t *testing.T) {
	// Planes 0-3 (everything assigned but tags and private use), the tag
	// characters and the last code point.
	for r := rune(0); r <= unicode.MaxRune; r++ {
		switch r {
		case 0xd800:
			r = 0xe000 // surrogates cannot be encoded
		case 0x40000:
			r = 0xe0000
		case 0xe1000:
			r = unicode.MaxRune
		}
		for _, s := range []string{string(r), "क" + string(r) + "b"} {
			m, l := Sanitize(s), Line(s)
			if bad := badRune(m, true); bad != "" {
				t.Fatalf("Sanitize(%q) = %q holds %s", s, m, bad)
			}
			if bad := badRune(l, false); bad != "" {
				t.Fatalf("Line(%q) = %q holds %s", s, l, bad)
			}
			if Sanitize(m) != m || Line(l) != l {
				t.Fatalf("not idempotent on %q", s)
			}
		}
	}
}

// cleanText is text Sanitize and Line have nothing to remove from; that
// they return it without a copy is BenchmarkSanitizeCleanText's target.
var cleanText = strings.Repeat("Plain ASCII text, “quotes” and ünïcödé. ", 20)

func TestSanitizeCleanTextUnchanged(t *testing.T) {
	if Sanitize(cleanText) != cleanText || Line(cleanText) != cleanText || !utf8.ValidString(cleanText) {
		t.Error("clean text changed")
	}
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"", "a\x1b[31mb", "\u202e", "caf\xe9", "a\u200db", "\r\n\r", "क्\u200dष"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, l := Sanitize(s), Line(s)
		if bad := badRune(m, true); bad != "" {
			t.Fatalf("Sanitize(%q) = %q holds %s", s, m, bad)
		}
		if bad := badRune(l, false); bad != "" {
			t.Fatalf("Line(%q) = %q holds %s", s, l, bad)
		}
		if Sanitize(m) != m || Line(l) != l || Clone(s, true) != m {
			t.Fatalf("inconsistent on %q", s)
		}
	})
}

// badRune names the first rune of s that must never reach a terminal,
// checked independently of Sanitize (feed's parse tests keep the same
// oracle for articles).
func badRune(s string, multiline bool) string {
	if !utf8.ValidString(s) {
		return "invalid UTF-8"
	}
	for _, r := range s {
		switch {
		case r == '\n' && !multiline:
			return "a newline"
		case r < 0x20 && r != '\n', r == 0x7f:
			return "a C0 control or DEL"
		case r >= 0x80 && r <= 0x9f:
			return "a C1 control"
		case unicode.Is(unicode.Cf, r) && r != 0x200c && r != 0x200d:
			return "an invisible format character"
		}
	}
	return ""
}
