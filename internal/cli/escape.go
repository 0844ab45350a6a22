package cli

import (
	"fmt"
	"strings"
	"unicode/utf16"

	"github.com/herald-reader/herald/internal/textsafe"
)

// escapeInvisible rewrites, in encoded JSON, the characters that
// encoding/json leaves raw but a terminal may act on or hide
// (textsafe.Invisible: C1 controls, DEL, bidi overrides, other invisible
// format characters, noncharacters, Hangul fillers). They become
// \uXXXX escapes, so the decoded value is unchanged while the line is safe
// to print. Every such character is outside ASCII, so it can only occur
// inside a JSON string, where the escape is valid.
func escapeInvisible(s string) string {
	i := strings.IndexFunc(s, invisible)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if !invisible(r) {
			b.WriteRune(r)
			continue
		}
		if r > 0xFFFF {
			r1, r2 := utf16.EncodeRune(r)
			fmt.Fprintf(&b, `\u%04x\u%04x`, r1, r2)
		} else {
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

// invisible is textsafe.Invisible but for the line breaks between records.
func invisible(r rune) bool {
	return r != '\n' && textsafe.Invisible(r)
}
