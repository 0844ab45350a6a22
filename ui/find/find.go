// Package find searches rendered text for what the reader typed: it keeps
// the text of each line without its escape sequences (stripped once per
// text, not per keystroke), finds the matches of a query in reading order,
// and marks ranges of a line with SGR without losing the line's own styles.
package find

import (
	"regexp"
	"strings"
)

// Match is one occurrence of the query: a line and the byte range
// [From, To) of its text without escapes (Plain).
type Match struct {
	Line, From, To int
}

// Text is lines of rendered text (printable text, SGR, OSC 8 hyperlinks)
// and their plain text, stripped on the first search; lower is the plain
// text with its ASCII letters in lower case (same offsets), for ASCII
// queries.
type Text struct {
	lines, plain, lower []string
	first               int // lines before it are never searched (a lead image)
}

// NewText searches lines from line first on. Text keeps lines; the caller
// must not change them.
func NewText(lines []string, first int) *Text {
	return &Text{lines: lines, first: max(0, first)}
}

// Query is a compiled search: case-insensitive, literal, a run of spaces
// matching any run of white space.
type Query struct {
	// words are an ASCII query's words in lower case, searched in
	// Text.lower without a regexp (several times faster: the search runs
	// on every keystroke); re is any other query's pattern. The one
	// difference: (?i) would also match the Kelvin sign for k and the
	// long s for s.
	words []string
	re    *regexp.Regexp
}

// Compile compiles query; nil for a blank one.
func Compile(query string) *Query {
	words := strings.Fields(query)
	if len(words) == 0 {
		return nil
	}
	if isASCII(query) {
		for i, w := range words {
			words[i] = lowerASCII(w)
		}
		return &Query{words: words}
	}
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = regexp.QuoteMeta(w)
	}
	return &Query{re: regexp.MustCompile(`(?i)` + strings.Join(quoted, `\s+`))}
}

// All returns the matches of q (nil: none), in reading order. A match
// never spans two lines: a phrase wrapped at a line end is not found.
func (t *Text) All(q *Query) []Match {
	if q == nil || t == nil {
		return nil
	}
	if t.plain == nil {
		t.plain = make([]string, len(t.lines))
		t.lower = make([]string, len(t.lines))
		for i := t.first; i < len(t.lines); i++ {
			t.plain[i] = Plain(t.lines[i])
			t.lower[i] = lowerASCII(t.plain[i])
		}
	}
	var out []Match
	for i := t.first; i < len(t.plain); i++ {
		if q.re == nil {
			out = q.appendWords(out, i, t.lower[i])
			continue
		}
		for _, loc := range q.re.FindAllStringIndex(t.plain[i], -1) {
			if loc[1] > loc[0] {
				out = append(out, Match{Line: i, From: loc[0], To: loc[1]})
			}
		}
	}
	return out
}

// appendWords appends the matches of q's words in line (lower case), one
// after the other with white space between them, left to right without
// overlaps, as the regexp would find them.
func (q *Query) appendWords(out []Match, n int, line string) []Match {
	for pos := 0; pos < len(line); {
		i := strings.Index(line[pos:], q.words[0])
		if i < 0 {
			break
		}
		from := pos + i
		to, ok := from+len(q.words[0]), true
		for _, w := range q.words[1:] {
			j := to
			for j < len(line) && isSpace(line[j]) {
				j++
			}
			if j == to || !strings.HasPrefix(line[j:], w) {
				ok = false
				break
			}
			to = j + len(w)
		}
		if !ok {
			pos = from + 1
			continue
		}
		out = append(out, Match{Line: n, From: from, To: to})
		pos = to
	}
	return out
}

// isSpace is the regexp's \s.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// lowerASCII is s with A-Z in lower case: the same length, so offsets in
// it are offsets in s. s itself when it has no capital.
func lowerASCII(s string) string {
	i := 0
	for i < len(s) && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if c := b[i]; c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// escape returns the length of the escape sequence at line[i] (an ESC):
// CSI up to its final byte, OSC and other strings up to BEL or ST, else
// ESC and the byte after it. It reports whether it is SGR.
func escape(line string, i int) (n int, sgr bool) {
	if i+1 >= len(line) {
		return len(line) - i, false
	}
	switch line[i+1] {
	case '[':
		for j := i + 2; j < len(line); j++ {
			if c := line[j]; c >= 0x40 && c <= 0x7e {
				return j + 1 - i, c == 'm'
			}
		}
		return len(line) - i, false
	case ']', 'P', '_', '^', 'X':
		for j := i + 2; j < len(line); j++ {
			switch {
			case line[j] == '\a':
				return j + 1 - i, false
			case line[j] == 0x1b && j+1 < len(line) && line[j+1] == '\\':
				return j + 2 - i, false
			}
		}
		return len(line) - i, false
	}
	return 2, false
}

// Plain is line without its escape sequences: the text Match offsets
// count in.
func Plain(line string) string {
	if strings.IndexByte(line, 0x1b) < 0 {
		return line
	}
	var b strings.Builder
	b.Grow(len(line))
	for i := 0; i < len(line); {
		if line[i] == 0x1b {
			n, _ := escape(line, i)
			i += n
			continue
		}
		j := strings.IndexByte(line[i:], 0x1b)
		if j < 0 {
			j = len(line) - i
		}
		b.WriteString(line[i : i+j])
		i += j
	}
	return b.String()
}

// Span marks the byte range [From, To) of a line's plain text with the SGR
// sequence On.
type Span struct {
	From, To int
	On       string
}

// Mark writes line with each span (in order, not overlapping) preceded by
// its On and followed by a reset and the SGR sequences that were in force,
// so the line's own styles go on after it. A span with an empty On is left
// as it is.
func Mark(line string, spans []Span) string {
	for len(spans) > 0 && spans[0].On == "" {
		spans = spans[1:]
	}
	if len(spans) == 0 {
		return line
	}
	var b strings.Builder
	b.Grow(len(line) + len(spans)*16)
	var active strings.Builder // SGR in force since the last reset
	pos, next := 0, 0          // byte offset in the plain text; next span
	inSpan := false
	for i := 0; i < len(line); {
		if line[i] == 0x1b {
			n, sgr := escape(line, i)
			seq := line[i : i+n]
			switch {
			case seq == "\x1b[0m" || seq == "\x1b[m":
				active.Reset()
			case sgr:
				active.WriteString(seq)
			}
			b.WriteString(seq)
			if sgr && inSpan {
				// The line's style changed inside the match: the mark
				// stays on top of it.
				b.WriteString(spans[next].On)
			}
			i += n
			continue
		}
		if next < len(spans) && pos == spans[next].From && spans[next].On != "" {
			b.WriteString(spans[next].On)
			inSpan = true
		}
		b.WriteByte(line[i])
		i++
		pos++
		for next < len(spans) && pos >= spans[next].To {
			if inSpan {
				b.WriteString("\x1b[0m" + active.String())
				inSpan = false
			}
			next++
		}
	}
	if inSpan {
		b.WriteString("\x1b[0m")
	}
	return b.String()
}
