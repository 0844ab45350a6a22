package render

import (
	"strings"
	"unicode/utf8"
)

// Limits bound the work glamour can be given. glamour v0.10 re-wraps every
// nested block at every level, so its time grows steeply with nesting (86
// bytes of nested '>' take seconds to minutes) and quadratically with the
// length of an unbreakable word (a 30 KB one takes seconds). These caps keep
// even an abandoned render (see Renderer) short.
type Limits struct {
	// MaxBytes is the most Markdown rendered; the rest is cut at a line
	// boundary and a note says so.
	MaxBytes int
	// MaxDepth is the deepest nesting of block quotes and lists; deeper
	// markers are flattened into the last allowed level.
	MaxDepth int
	// MaxWord is the longest run of non-space bytes; longer runs are broken
	// with spaces (a URL that long is still listed among the links).
	MaxWord int
}

// DefaultLimits are generous for real articles (the seed corpus nests two
// levels at most and has no word over 256 bytes) and keep the worst input
// to about a second of glamour time.
func DefaultLimits() Limits { return Limits{MaxBytes: 64 << 10, MaxDepth: 8, MaxWord: 256} }

// truncatedNote ends a document cut at MaxBytes.
const truncatedNote = "\n\n*(article truncated)*\n"

// apply returns md within the limits. It is linear in len(md).
func (l Limits) apply(md string) string {
	md = strings.ReplaceAll(md, "\r", "")
	if l.MaxBytes > 0 && len(md) > l.MaxBytes {
		md = cut(md, l.MaxBytes) + truncatedNote
	}
	var b strings.Builder
	b.Grow(len(md) + len(md)/64)
	for line := range strings.Lines(md) {
		if l.MaxDepth > 0 {
			line = flatten(line, l.MaxDepth)
		}
		if l.MaxWord > 0 {
			line = breakWords(line, l.MaxWord)
		}
		b.WriteString(line)
	}
	return b.String()
}

// cut shortens s to at most n bytes, at the last newline when there is one
// in the second half, else at a rune boundary.
func cut(s string, n int) string {
	s = s[:n]
	if i := strings.LastIndexByte(s, '\n'); i >= n/2 {
		return s[:i]
	}
	for len(s) > 0 && !utf8.RuneStart(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	if len(s) > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s); r == utf8.RuneError {
			s = s[:len(s)-1]
		}
	}
	return s
}

// flatten limits the container nesting that one line opens. Its prefix is
// a sequence of indentation and container markers ('>' or a list marker);
// each marker counts one level and every two columns of indentation count
// one more (list items nest by indentation). When the total exceeds max,
// markers beyond it are dropped and indentation is shortened, so the text
// joins the deepest allowed level. Counting indentation this way
// overestimates some real lists, which only flattens them a little early.
func flatten(line string, max int) string {
	end, ok := nesting(line, max)
	if ok {
		return line
	}
	var b strings.Builder
	b.Grow(len(line))
	budget := 2 * max // in half-levels: a marker costs 2, a column 1
	i := 0
	for i < end {
		c := line[i]
		switch {
		case c == ' ' || c == '\t':
			j, w := i, 0
			for j < end && (line[j] == ' ' || line[j] == '\t') {
				w += 1 + 3*btoi(line[j] == '\t')
				j++
			}
			// Keep room for a marker that follows, so that a deep list
			// item stays a list item at the deepest level.
			room := budget
			if j < end && budget >= 2 {
				room -= 2
			}
			w = min(w, room)
			b.WriteString(strings.Repeat(" ", w))
			budget -= w
			i = j
		default:
			n := markerLen(line[i:])
			if budget >= 2 {
				b.WriteString(line[i : i+n])
				budget -= 2
			}
			i += n
		}
	}
	b.WriteString(line[end:])
	return b.String()
}

// nesting measures the prefix of line: the byte offset where it ends and
// whether its depth is within max levels.
func nesting(line string, max int) (end int, ok bool) {
	half := 0
	i := 0
	for i < len(line) {
		switch c := line[i]; c {
		case ' ':
			half++
			i++
		case '\t':
			half += 4
			i++
		default:
			n := markerLen(line[i:])
			if n == 0 {
				return i, half <= 2*max
			}
			half += 2
			i += n
		}
	}
	return i, half <= 2*max
}

// markerLen returns the length of the container marker at the start of s
// ('>' or a bullet or ordered list marker followed by a space, tab or end
// of line), or 0 when s does not start with one. A bullet's following space
// is part of the marker so that dropping the marker drops it too.
func markerLen(s string) int {
	if s == "" {
		return 0
	}
	switch s[0] {
	case '>':
		if len(s) > 1 && s[1] == ' ' {
			return 2
		}
		return 1
	case '-', '*', '+':
		return afterMarker(s, 1)
	}
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return afterMarker(s, i+1)
	}
	return 0
}

// afterMarker accepts a list marker of n bytes when a space, tab or line
// end follows it.
func afterMarker(s string, n int) int {
	switch {
	case n == len(s), s[n] == '\n':
		return n
	case s[n] == ' ':
		return n + 1
	case s[n] == '\t':
		return n
	}
	return 0
}

// breakWords inserts a space into every run of more than max non-space
// bytes, at rune boundaries.
func breakWords(line string, max int) string {
	if len(line) <= max {
		return line
	}
	var b strings.Builder
	run := 0
	for i := 0; i < len(line); {
		r, n := utf8.DecodeRuneInString(line[i:])
		if r == ' ' || r == '\t' || r == '\n' {
			run = 0
		} else if run+n > max {
			b.WriteByte(' ')
			run = 0
		}
		if r != ' ' && r != '\t' && r != '\n' {
			run += n
		}
		b.WriteString(line[i : i+n])
		i += n
	}
	return b.String()
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
