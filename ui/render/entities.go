package render

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"

	"github.com/herald-reader/herald/internal/textsafe"
)

// entityPattern matches the character references CommonMark decodes:
// decimal (1-7 digits), hexadecimal (1-6 digits) and named.
var entityPattern = regexp.MustCompile(`&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

// dropInvisibleEntities removes every character reference in a body that
// would decode to a character Safe removes (ESC and the other controls,
// zero-width and format characters), as the sanitiser removes the
// characters themselves. glamour decodes references after any sanitising
// of its input, also in code spans and struck-through text, so
// "&#27;&#91;5m" would reach the terminal as a real SGR sequence (blink,
// conceal, colours the theme does not have).
func dropInvisibleEntities(md string) string {
	if !strings.Contains(md, "&") {
		return md
	}
	return entityPattern.ReplaceAllStringFunc(md, func(ref string) string {
		if invisibleEntity(ref[1 : len(ref)-1]) {
			return ""
		}
		return ref
	})
}

// invisibleEntity reports whether the reference named name (between '&'
// and ';') decodes to text holding a character Safe removes.
func invisibleEntity(name string) bool {
	if name[0] != '#' {
		e, ok := util.LookUpHTML5EntityByName(name)
		if !ok {
			return false
		}
		for _, r := range string(e.Characters) {
			if hidden(r) {
				return true
			}
		}
		return false
	}
	var n uint64
	var err error
	if name[1] == 'x' || name[1] == 'X' {
		n, err = strconv.ParseUint(name[2:], 16, 32)
	} else {
		n, err = strconv.ParseUint(name[1:], 10, 32)
	}
	// Zero and invalid code points decode to U+FFFD, which is visible.
	return err == nil && n > 0 && n <= utf8.MaxRune && hidden(rune(n))
}

// hidden is what Safe removes: the invisible characters but the joiners,
// which spell words in Persian and Indic scripts and join emoji.
func hidden(r rune) bool { return textsafe.Invisible(r) && r != zwnj && r != zwj }
