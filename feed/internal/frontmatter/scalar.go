package frontmatter

import (
	"strings"
	"unicode/utf8"
)

// scalar decodes a one-line scalar (rest is not empty and is not a
// comment). It fails on what the subset does not cover.
func scalar(rest string, hasLS bool) (Kind, string, bool) {
	switch c := rest[0]; {
	case c == '"':
		v, ok := doubleQuoted(rest)
		return Text, v, ok && (!hasLS || noLineSeparator(rest))
	case c == '\'':
		v, ok := singleQuoted(rest)
		return Text, v, ok && (!hasLS || noLineSeparator(rest))
	case indicator(c):
		// "-1" is a plain scalar; "- x" and "-" are not values here.
		if c != '-' || len(rest) == 1 || rest[1] == ' ' {
			return 0, "", false
		}
	}
	v := rest
	ascii := rest[0]-0x20 < 0x5f
	for i := 1; i < len(v); i++ {
		switch c := v[i]; {
		case c == '#' && v[i-1] == ' ':
			v = strings.TrimRight(v[:i], " ") // a comment
		case c == ' ' && v[i-1] == ':':
			return 0, "", false // yaml.v3: mapping values are not allowed here
		case c-0x20 >= 0x5f:
			ascii = false
		}
	}
	if v[len(v)-1] == ':' || !ascii && !plainLine(v) {
		return 0, "", false
	}
	switch v {
	case "~", "null", "Null", "NULL":
		return Null, "", true
	}
	return Text, v, true
}

// afterQuote accepts what may follow a closing quote: nothing or a comment.
func afterQuote(tail string) bool {
	return tail == "" || tail[0] == ' ' && strings.TrimLeft(tail, " ")[0] == '#'
}

func singleQuoted(s string) (string, bool) {
	var b []byte // nil until a '' escape is seen
	for i := 1; i < len(s); {
		j := strings.IndexByte(s[i:], '\'')
		if j < 0 {
			return "", false // continues on the next line
		}
		j += i
		if j+1 < len(s) && s[j+1] == '\'' {
			b = append(append(b, s[i:j]...), '\'')
			i = j + 2
			continue
		}
		if !afterQuote(s[j+1:]) {
			return "", false
		}
		if b == nil {
			return s[1:j], true
		}
		return string(append(b, s[i:j]...)), true
	}
	return "", false
}

// noLineSeparator reports that s holds no U+2028 or U+2029, which cleaning
// turns into spaces but sanitising a multi-line field into newlines.
func noLineSeparator(s string) bool {
	for {
		i := strings.IndexByte(s, 0xe2)
		if i < 0 || i+2 >= len(s) {
			return true
		}
		if s[i+1] == 0x80 && (s[i+2] == 0xa8 || s[i+2] == 0xa9) {
			return false
		}
		s = s[i+1:]
	}
}

// printableASCII is the quick form of plainLine for short strings.
func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i]-0x20 >= 0x5f {
			return false
		}
	}
	return true
}

// doubleQuoted decodes a "double-quoted" scalar that ends on its line,
// with exactly the escapes yaml.v3 knows. Control characters an escape
// produces ("\e", "\x9b") stay in the value: the extractor sanitises every
// string, whichever decoder produced it.
func doubleQuoted(s string) (string, bool) {
	end := strings.IndexByte(s[1:], '"') + 1
	if end == 0 {
		return "", false
	}
	if bs := strings.IndexByte(s[1:end], '\\'); bs < 0 {
		if !afterQuote(s[end+1:]) {
			return "", false
		}
		return s[1:end], true // the common case: no escapes
	}
	b := make([]byte, 0, len(s))
	for i := 1; i < len(s); {
		c := s[i]
		switch c {
		case '"':
			if !afterQuote(s[i+1:]) {
				return "", false
			}
			return string(b), true
		case '\\':
			if i+1 == len(s) {
				return "", false // an escaped line break: multi-line
			}
			var ok bool
			b, i, ok = unescape(b, s, i+1)
			if !ok {
				return "", false
			}
		default:
			b = append(b, c)
			i++
		}
	}
	return "", false
}

// simpleEscape returns what yaml.v3's one-character escape c stands for.
func simpleEscape(c byte) (string, bool) {
	switch c {
	case '0':
		return "\x00", true
	case 'a':
		return "\a", true
	case 'b':
		return "\b", true
	case 't':
		return "\t", true
	case 'n':
		return "\n", true
	case 'v':
		return "\v", true
	case 'f':
		return "\f", true
	case 'r':
		return "\r", true
	case 'e':
		return "\x1b", true
	case ' ', '"', '\'', '\\':
		return string(rune(c)), true
	case 'N':
		return "\u0085", true
	case '_':
		return "\u00a0", true
	case 'L':
		return "\u2028", true
	case 'P':
		return "\u2029", true
	}
	return "", false
}

// unescape decodes the escape whose letter is s[i] onto b and returns the
// offset after it.
func unescape(b []byte, s string, i int) ([]byte, int, bool) {
	c := s[i]
	if r, ok := simpleEscape(c); ok {
		return append(b, r...), i + 1, true
	}
	digits := 0
	switch c {
	case 'x':
		digits = 2
	case 'u':
		digits = 4
	case 'U':
		digits = 8
	default:
		return b, 0, false // yaml.v3: unknown escape character
	}
	if i+1+digits > len(s) {
		return b, 0, false
	}
	v := 0
	for _, h := range []byte(s[i+1 : i+1+digits]) {
		d := hexDigit(h)
		if d < 0 {
			return b, 0, false
		}
		v = v<<4 | d
	}
	if v >= 0xd800 && v <= 0xdfff || v > 0x10ffff {
		return b, 0, false // yaml.v3: invalid Unicode character escape code
	}
	if v < utf8.RuneSelf {
		b = append(b, byte(v))
	} else {
		b = utf8.AppendRune(b, rune(v))
	}
	return b, i + 1 + digits, true
}

func hexDigit(h byte) int {
	switch {
	case h >= '0' && h <= '9':
		return int(h - '0')
	case h >= 'a' && h <= 'f':
		return int(h-'a') + 10
	case h >= 'A' && h <= 'F':
		return int(h-'A') + 10
	}
	return -1
}
