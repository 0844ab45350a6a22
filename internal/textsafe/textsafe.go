// Package textsafe is the one definition of what untrusted text may bring
// to a terminal or a child process: Invisible names the runes that must
// never get there as themselves, Sanitize and Line clean text with that
// rule, and every place that prints, renders, copies or opens text from an
// article (feed on ingest, ui/render, the CLI, the browser opener and the
// clipboard) asks this package rather than keeping a rule of its own.
package textsafe

import (
	"unicode"
	"unicode/utf8"
)

// Invisible reports the runes a terminal would act on or not show: C0
// controls (callers decide about '\n' and '\t'), DEL, C1 controls
// (U+0080-U+009F), every format character (Unicode category Cf: bidi
// controls, zero-width space and joiners, U+FEFF, soft hyphen, tag
// characters, ...), the noncharacters U+FFFE/U+FFFF and the Hangul fillers,
// which show as nothing. Drop adds the one exception, joiners inside words.
func Invisible(r rune) bool {
	if r < 0xad {
		return r < 0x20 || r >= 0x7f && r < 0xa0
	}
	switch r {
	case 0xfffe, 0xffff, 0x115f, 0x1160, 0x3164, 0xffa0:
		return true
	}
	return unicode.Is(unicode.Cf, r)
}

// Drop reports whether r, written after prev and followed by rest, must be
// left out: it is Invisible and not a joiner (U+200C ZWNJ, U+200D ZWJ)
// between two letters or marks, where Persian and Indic scripts need one to
// spell a word (see Sanitize for why joiners go everywhere else).
func Drop(prev, r rune, rest string) bool {
	if (r == zwnj || r == zwj) && joins(prev, rest) {
		return false
	}
	return Invisible(r)
}

const (
	zwnj = 0x200c
	zwj  = 0x200d
)

// IsBidi reports the bidirectional formatting characters (ALM, LRM, RLM,
// the embeddings and overrides U+202A-202E, the isolates U+2066-2069): they
// reorder how text is shown, so a URL or a title can display as something
// other than what it is. All of them are Invisible.
func IsBidi(r rune) bool {
	switch {
	case r == 0x061C, r == 0x200E, r == 0x200F:
		return true
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// joins reports whether a joiner between prev and the start of rest sits
// inside a word of a script that needs it.
func joins(prev rune, rest string) bool {
	next, _ := utf8.DecodeRuneInString(rest)
	return wordRune(prev) && wordRune(next)
}

func wordRune(r rune) bool {
	return r >= 0x80 && r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsMark(r))
}

// Clip shortens s to at most n bytes, cutting on a rune boundary so the
// result stays valid UTF-8, and marks a cut with "…". Messages that quote
// untrusted text use it to stay short.
func Clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
