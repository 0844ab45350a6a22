package render

import (
	"strings"
	"unicode/utf8"

	xansi "github.com/charmbracelet/x/ansi"
)

// plain is the fallback view when glamour is too slow: the Markdown source
// with Document's escaping undone, without any escape sequence, wrapped to
// width. It runs on the caller's goroutine, so it is linear and simple:
// x/ansi's Wrap managed under 2 MB/s on a 60 KB document.
func plain(md string, width int) string {
	text := xansi.Strip(Safe(unescape(md)))
	var b strings.Builder
	b.Grow(len(text) + len(text)/width + 1)
	for line := range strings.SplitSeq(text, "\n") {
		wrapLine(&b, line, width)
	}
	return strings.TrimSpace(b.String())
}

// wrapLine writes line to b as lines of at most width columns, breaking at
// spaces and, inside words wider than width, between characters. Leading
// indentation is kept up to half the width.
func wrapLine(b *strings.Builder, line string, width int) {
	trimmed := strings.TrimLeft(line, " ")
	indent := min(len(line)-len(trimmed), width/2)
	col := 0
	start := func() {
		b.WriteString(strings.Repeat(" ", indent))
		col = indent
	}
	start()
	first := true
	for word := range strings.FieldsSeq(trimmed) {
		w := textWidth(word)
		switch {
		case first:
		case col+1+w <= width:
			b.WriteByte(' ')
			col++
		default:
			b.WriteByte('\n')
			start()
		}
		first = false
		if short, ok := shortWord(word, width-col, "..."); ok && w > width-col {
			word, w = short, textWidth(short)
		}
		if col+w <= width {
			b.WriteString(word)
			col += w
			continue
		}
		if w == len(word) { // an ASCII word wider than the line
			for word != "" {
				if col >= width {
					b.WriteByte('\n')
					start()
				}
				n := min(len(word), max(width-col, 1))
				b.WriteString(word[:n])
				col += n
				word = word[n:]
			}
			continue
		}
		for _, r := range word { // a wide word in other scripts
			rw := runeWidth(r)
			if col+rw > width && col > indent {
				b.WriteByte('\n')
				start()
			}
			b.WriteRune(r)
			col += rw
		}
	}
	b.WriteByte('\n')
}

// textWidth is the display width of s, with a fast path for ASCII.
func textWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return xansi.StringWidth(s)
		}
	}
	return len(s)
}

func runeWidth(r rune) int {
	if r < utf8.RuneSelf {
		return 1
	}
	return xansi.StringWidth(string(r))
}

// fit breaks a line wider than width columns into lines that fit, keeping
// its SGR sequences.
func fit(line string, width int) string {
	if xansi.StringWidth(line) <= width {
		return line
	}
	return xansi.Hardwrap(line, width, true)
}

// unescape undoes the escaping Document applies to article text: the
// backslash of "\*" and the entities for '&' and '~'. Other entities stay
// as written.
func unescape(md string) string {
	md = strings.NewReplacer("&amp;", "&", "&#126;", "~").Replace(md)
	if !strings.Contains(md, `\`) {
		return md
	}
	var b strings.Builder
	b.Grow(len(md))
	for i := 0; i < len(md); i++ {
		if md[i] == '\\' && i+1 < len(md) && isASCIIPunct(md[i+1]) {
			i++
		}
		b.WriteByte(md[i])
	}
	return b.String()
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}
