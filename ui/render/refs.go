package render

import (
	"regexp"
	"strings"

	xansi "github.com/charmbracelet/x/ansi"
)

// refMark opens each link number of a MarkedDocument in place of its '[':
// a private-use character, one cell wide like the '[', so glamour wraps the
// text the same, and kept by Safe. Article text
// cannot carry one: unmark removes it from every text Document writes, and
// containBody also drops the character references that spell it.
const refMark = "\uE000"

// markEntity matches the character references of refMark (U+E000).
var markEntity = regexp.MustCompile(`&#(0*57344|[xX]0*[eE]000);`)

// unmark removes refMark from article text.
func unmark(s string) string {
	if !strings.Contains(s, refMark) {
		return s
	}
	return strings.ReplaceAll(s, refMark, "")
}

// unmarkBody removes refMark from a body, also as a character reference.
func unmarkBody(s string) string {
	return markEntity.ReplaceAllString(unmark(s), "")
}

// Ref is one of Herald's link numbers in rendered text: "[N]" on line
// Line (0-based) at cells [Col, Col+Width) of the line as shown, and at
// bytes [From, To) of the line's text (escape sequences included).
type Ref struct {
	N, Line, Col, Width, From, To int
}

// Refs finds the link numbers a MarkedDocument marked in text, its
// rendering (by Renderer.Render or as it is), and returns text with the
// marks turned back into '[', and where the numbers are. A "[3]" the
// article wrote carries no mark, so it is not among them.
func Refs(text string) (string, []Ref) {
	if !strings.Contains(text, refMark) {
		return text, nil
	}
	lines := strings.Split(text, "\n")
	var refs []Ref
	for i, line := range lines {
		if !strings.Contains(line, refMark) {
			continue
		}
		line = strings.ReplaceAll(line, refMark, "[")
		refs = append(refs, lineRefs(line, i, marksAt(lines[i]))...)
		lines[i] = line
	}
	return strings.Join(lines, "\n"), refs
}

// marksAt is the byte offsets refMark had in line once each mark before
// it is one byte ('[').
func marksAt(line string) []int {
	var at []int
	for off, shift := 0, 0; ; {
		i := strings.Index(line[off:], refMark)
		if i < 0 {
			return at
		}
		at = append(at, off+i-shift)
		off += i + len(refMark)
		shift += len(refMark) - 1
	}
}

// lineRefs reads the "[N]" at each mark (at byte offsets marks of line,
// whose marks are '[' now), skipping the SGR sequences glamour puts
// between its characters.
func lineRefs(line string, lineNo int, marks []int) []Ref {
	var refs []Ref
	for _, from := range marks {
		j := skipSGR(line, from+1)
		n, digits := 0, 0
		for j < len(line) && line[j] >= '0' && line[j] <= '9' && digits < 9 {
			n = n*10 + int(line[j]-'0')
			digits++
			j = skipSGR(line, j+1)
		}
		if digits == 0 || j >= len(line) || line[j] != ']' {
			continue
		}
		to := j + 1
		refs = append(refs, Ref{
			N: n, Line: lineNo, From: from, To: to,
			Col: xansi.StringWidth(line[:from]), Width: xansi.StringWidth(line[from:to]),
		})
	}
	return refs
}

// skipSGR returns i moved past any SGR sequences starting at it. After
// Safe, every ESC in line starts one.
func skipSGR(line string, i int) int {
	for i+1 < len(line) && line[i] == 0x1b && line[i+1] == '[' {
		end := strings.IndexByte(line[i:], 'm')
		if end < 0 || !isSGR(line[i:i+end+1]) {
			return i
		}
		i += end + 1
	}
	return i
}

// isSGR reports whether s is exactly one SGR sequence.
func isSGR(s string) bool {
	if len(s) < 3 || s[0] != 0x1b || s[1] != '[' || s[len(s)-1] != 'm' {
		return false
	}
	for _, c := range s[2 : len(s)-1] {
		if !(c >= '0' && c <= '9' || c == ';' || c == ':') {
			return false
		}
	}
	return true
}
