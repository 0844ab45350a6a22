package frontmatter

import (
	"bytes"
	"unicode/utf8"

	"github.com/herald-reader/herald/internal/textsafe"
)

const bom = "\xef\xbb\xbf"

// splitFrontMatter finds the front matter: the file starts with a "---"
// line and the front matter ends at the next line that is "---" or "..."
// (trailing blanks allowed), as Jekyll reads it. The body is what follows,
// which may be nothing at all (no newline after the closing line).
// A UTF-8 BOM before the first "---" is skipped; the first front matter
// line is line 2 of the file.
func splitFrontMatter(data []byte) (fm, body []byte, err *Error) {
	data = bytes.TrimPrefix(data, []byte(bom))
	start, ok := delimiter(data, 0, false)
	if !ok {
		return nil, nil, &Error{Line: 1, Reason: "no front matter: the file does not start with a --- line"}
	}
	if end, ok := delimiter(data, start, true); ok {
		return nil, data[end:], nil // empty front matter
	}
	// Jump from candidate to candidate ("\n---" or "\n...") rather than
	// line by line; each search resumes where it left off, so a file full
	// of near misses stays linear.
	dash, dots := -1, -1
	for at := start; ; {
		if dash < at {
			dash = nextIndex(data, at, "\n---")
		}
		if dots < at {
			dots = nextIndex(data, at, "\n...")
		}
		p := min(dash, dots)
		if p == len(data) {
			return nil, nil, &Error{Line: 1, Reason: "front matter is not closed: no --- line after the first"}
		}
		if end, ok := delimiter(data, p+1, true); ok {
			return data[start : p+1], data[end:], nil
		}
		at = p + 1
	}
}

// Body returns the body after a file's front matter, as Decode would,
// without decoding the front matter.
func Body(data []byte) ([]byte, *Error) {
	_, body, err := splitFrontMatter(data)
	return body, err
}

// nextIndex is the offset of sep in data at or after from, else len(data).
func nextIndex(data []byte, from int, sep string) int {
	if i := bytes.Index(data[from:], []byte(sep)); i >= 0 {
		return from + i
	}
	return len(data)
}

// afterOpening returns the file after its opening "---" line (and BOM).
func afterOpening(data []byte) ([]byte, bool) {
	data = bytes.TrimPrefix(data, []byte(bom))
	start, ok := delimiter(data, 0, false)
	return data[start:], ok
}

// delimiter reports whether a front matter delimiter line starts at data[at]
// and returns the offset just past it. The closing line may also be "...".
func delimiter(data []byte, at int, closing bool) (int, bool) {
	rest := data[at:]
	if !bytes.HasPrefix(rest, []byte("---")) && !(closing && bytes.HasPrefix(rest, []byte("..."))) {
		return 0, false
	}
	for i := 3; i < len(rest); i++ {
		switch rest[i] {
		case ' ', '\t', '\r':
		case '\n':
			return at + i + 1, true
		default:
			return 0, false
		}
	}
	return len(data), true
}

// prepareSource returns the front matter as the yaml.v3 path reads it. It
// applies, before any YAML is seen, what sanitising would do anyway, so a
// stray control byte in a title costs that byte, not the article (yaml.v3
// rejects a whole document for one): line breaks become "\n"; C0 controls
// except tab, DEL, C1 controls, U+FEFF and the noncharacters U+FFFE/U+FFFF
// are dropped; U+2028/U+2029 (which YAML would treat as line breaks)
// become spaces; invalid UTF-8 becomes U+FFFD. changed reports whether
// anything was. NUL bytes never get here (feed's Parse rejects binary files).
func prepareSource(fm []byte) (src string, changed bool) {
	s := string(fm)
	for i := textsafe.SkipPlain(s, 0); i < len(s); i = textsafe.SkipPlain(s, i) {
		switch c := s[i]; {
		case c == '\n' || c == '\t':
			i++
			continue
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(s[i:])
			if !badSourceRune(r, size) {
				i += size
				continue
			}
		}
		return cleanSource(s, i), true
	}
	return s, false
}

// plainLine reports whether s (a key or a plain scalar, or any line
// without its line break) holds only text prepareSource leaves alone, and
// no tab: the fast decoder reads the raw front matter and gives up on a
// key or plain scalar with anything else.
func plainLine(s string) bool {
	for i := textsafe.SkipPlain(s, 0); i < len(s); i = textsafe.SkipPlain(s, i) {
		if s[i] < utf8.RuneSelf {
			return false
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if badSourceRune(r, size) {
			return false
		}
		i += size
	}
	return true
}

func badSourceRune(r rune, size int) bool {
	return r == utf8.RuneError && size == 1 || r < 0xa0 || r == 0xfeff || r == 0xfffe || r == 0xffff ||
		r == 0x2028 || r == 0x2029
}

// cleanSource is the slow part of prepareSource, from the first byte that
// needs a change.
func cleanSource(s string, from int) string {
	b := make([]byte, 0, len(s)+16)
	b = append(b, s[:from]...)
	for i := from; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 0x20 && c < 0x7f, c == '\n', c == '\t':
				b = append(b, c)
			case c == '\r':
				if i < len(s) && s[i] == '\n' {
					continue
				}
				b = append(b, '\n')
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			b = utf8.AppendRune(b, utf8.RuneError)
		case r == 0x2028 || r == 0x2029:
			b = append(b, ' ')
		case badSourceRune(r, size):
		default:
			b = append(b, s[i-size:i]...)
		}
	}
	return string(b)
}
