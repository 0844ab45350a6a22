// Package textsafe holds the character classes that every place which lets
// untrusted text near the terminal or a child process must agree on.
package textsafe

// IsBidi reports the bidirectional formatting characters (ALM, LRM, RLM,
// the embeddings and overrides U+202A-202E, the isolates U+2066-2069): they
// reorder how text is shown, so a URL or a title can display as something
// other than what it is.
func IsBidi(r rune) bool {
	switch {
	case r == 0x061C, r == 0x200E, r == 0x200F:
		return true
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}
