package render

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/herald-reader/herald/internal/textsafe"
)

// DateLayout is how Document shows absolute dates, always in UTC:
// "Mon, 29 Jan 2024 03:19 UTC".
const DateLayout = "Mon, 02 Jan 2006 15:04 MST"

// Date formats t with DateLayout in UTC, or "" for the zero time.
func Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(DateLayout)
}

// Relative describes t relative to now in words: "just now", "5 minutes
// ago", "2 days ago", "3 months ago", "in 2 hours" for a future time, ""
// for the zero time. Months are 30 days and years 365: it is a hint, not
// a calendar.
func Relative(t, now time.Time) string {
	if t.IsZero() {
		return ""
	}
	d := now.Sub(t)
	future := d < 0
	if future {
		d = -d
	}
	var n int
	var unit string
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		n, unit = int(d/time.Minute), "minute"
	case d < 24*time.Hour:
		n, unit = int(d/time.Hour), "hour"
	case d < 14*24*time.Hour:
		n, unit = int(d/(24*time.Hour)), "day"
	case d < 60*24*time.Hour:
		n, unit = int(d/(7*24*time.Hour)), "week"
	case d < 365*24*time.Hour:
		n, unit = int(d/(30*24*time.Hour)), "month"
	default:
		n, unit = int(d/(365*24*time.Hour)), "year"
	}
	if n != 1 {
		unit += "s"
	}
	if future {
		return fmt.Sprintf("in %d %s", n, unit)
	}
	return fmt.Sprintf("%d %s ago", n, unit)
}

// oneLine cleans article text for a single line: textsafe.Invisible runes
// dropped (joiners stay inside words, as textsafe.Sanitize keeps them),
// runs of whitespace folded to one space, trimmed, and cut to at most max
// runes (with "…").
func oneLine(s string, max int) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	n := 0
	var prev rune // last rune kept, for the joiner rule
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			prev = ' '
			continue
		case textsafe.Drop(prev, r, s[i:]):
			continue
		}
		if n >= max {
			b.WriteString("…")
			break
		}
		if space {
			b.WriteByte(' ')
			space = false
			n++
		}
		b.WriteRune(r)
		prev = r
		n++
	}
	return b.String()
}

// escape makes one line of article text literal Markdown, so that no '*',
// '[', '<', '#', '|', '~', leading "1." or entity such as "&#27;" can build
// structure, links, HTML or control characters. glamour shows a backslash
// escape correctly only for some punctuation (it prints "\&" and "\~" with
// their backslash), so '&' and '~' become entities, which glamour decodes
// once, to the character itself. Text must already be one line.
func escape(s string) string {
	s = unmark(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '&':
			b.WriteString("&amp;")
		case c == '~':
			b.WriteString("&#126;")
		case strings.IndexByte(backslashable, c) >= 0:
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// backslashable is the punctuation that has a meaning in Markdown and that
// glamour prints without the backslash when escaped.
const backslashable = "!#()*+-.<>[\\]_`{|}"

// mdText is oneLine then escape: article text ready for Markdown.
func mdText(s string, max int) string { return escape(oneLine(s, max)) }
