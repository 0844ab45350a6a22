package feed

import (
	"encoding/base64"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/herald-reader/herald/feed/internal/frontmatter"
	"github.com/herald-reader/herald/internal/textsafe"
)

// Caps on what one field keeps, so a hostile file cannot make one article
// hold megabytes: a summary of 100,000 articles has to fit in memory.
const (
	maxLineField = 2 << 10 // titles, names
	// maxURLField is the longest URL kept, the most a browser is given
	// (browser.MaxURLLen). A longer one is dropped, never cut: a cut URL
	// is another URL, and would open, copy and identify as that.
	maxURLField   = 8 << 10
	maxMultiField = 16 << 10 // excerpts
	maxFlatField  = 64 << 10 // featuredContent
	maxListItems  = 200      // topics, tags
)

// name is how a warning refers to a node.
func (x *extractor) name(n node) string {
	if k := n.Key(); k != "" {
		return textsafe.Clip(textsafe.Line(k), 40)
	}
	return "list item"
}

// shown is how a warning quotes a node's value.
func (x *extractor) shown(n node) string {
	switch n.Kind() {
	case frontmatter.Map:
		return "(a mapping)"
	case frontmatter.Seq:
		return "(a list)"
	default:
		return quoteShort(n.Value())
	}
}

// quoteShort quotes a value from the file for a warning: sanitised, short.
func quoteShort(s string) string {
	return strconv.Quote(textsafe.Clip(textsafe.Line(s), 40))
}

// line is a one-line text field: sanitised, newlines folded, trimmed.
func (x *extractor) line(n node) string { return x.text(n, false, maxLineField) }

// url is a URL field: a line, dropped with a warning when longer than
// maxURLField (see there).
func (x *extractor) url(n node) string {
	s := x.text(n, false, MaxFileBytes)
	if len(s) > maxURLField {
		x.warn(n.Line(), "%s is longer than %d KiB; ignored (a cut URL is another URL)", x.name(n), maxURLField>>10)
		return ""
	}
	return s
}

// multiline is a text field that may keep its newlines (excerpts).
func (x *extractor) multiline(n node) string { return x.text(n, true, maxMultiField) }

// text converts any node to text. A list of scalars (a title given as a
// list) is joined with ", "; a mapping is not text and is ignored. Both
// degrade with a warning.
func (x *extractor) text(n node, multiline bool, limit int) string {
	var s string
	switch n.Kind() {
	case frontmatter.Null:
		return ""
	case frontmatter.Text:
		s = n.Value()
	case frontmatter.Binary:
		s = x.binary(n)
	case frontmatter.Seq:
		var parts []string
		n.Each(func(c node) {
			if k := c.Kind(); k != frontmatter.Map && k != frontmatter.Seq {
				if t := x.text(c, multiline, limit); t != "" {
					parts = append(parts, t)
				}
			}
		})
		x.warn(n.Line(), "%s is a list; joined", x.name(n))
		s = strings.Join(parts, ", ")
	default:
		x.warn(n.Line(), "%s is a mapping, not text; ignored", x.name(n))
		return ""
	}
	// Sanitise before anything else looks at the text: the fast decoder
	// leaves control characters in quoted scalars for this to remove, so
	// lengths and numbers are only comparable after it.
	s = strings.TrimSpace(x.sanitize(s, multiline))
	if len(s) > limit {
		x.warn(n.Line(), "%s is longer than %d KiB; cut", x.name(n), limit>>10)
		s = textsafe.Clip(s, limit)
	}
	return s
}

// sanitize is textsafe.Clone, or when the caller copies what it keeps
// (borrow) textsafe.Sanitize or Line, which copy only text they change:
// the clones were 150 MB of garbage in a cold load of 100,000 files.
func (x *extractor) sanitize(s string, multiline bool) string {
	switch {
	case !x.borrow:
		return textsafe.Clone(s, multiline)
	case multiline:
		return textsafe.Sanitize(s)
	}
	return textsafe.Line(s)
}

// scalarText is a scalar's value sanitised for reading as a number, flag
// or date.
func (x *extractor) scalarText(n node) string {
	return strings.TrimSpace(textsafe.Line(n.Value()))
}

// binary decodes a !!binary scalar (base64, line breaks allowed) to the
// text it holds; sanitising then makes it safe, whatever the bytes were.
func (x *extractor) binary(n node) string {
	clean := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\r' || r == '\t' {
			return -1
		}
		return r
	}, n.Value())
	b, err := base64.StdEncoding.DecodeString(clean)
	if err != nil {
		x.warn(n.Line(), "%s is not valid base64 (!!binary); ignored", x.name(n))
		return ""
	}
	return string(b)
}

// int reads a number field. YAML's integer forms are accepted ("0x1F",
// "1_000"), quoted numbers too; a fraction is truncated. Anything else
// is 0 with a warning.
func (x *extractor) int(n node) int {
	switch n.Kind() {
	case frontmatter.Null:
		return 0
	case frontmatter.Text:
		if v, ok := parseInt(x.scalarText(n)); ok {
			return v
		}
	}
	x.warn(n.Line(), "%s %s is not a number", x.name(n), x.shown(n))
	return 0
}

func parseInt(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if v, ok := smallDecimal(s); ok {
		return v, true
	}
	if v, err := strconv.ParseInt(strings.ReplaceAll(s, "_", ""), 0, 64); err == nil {
		return int(v), true
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.Abs(f) >= 1<<62 {
		return 0, false
	}
	return int(f), true
}

// smallDecimal parses the common case ("86", "-1") without strconv.
func smallDecimal(s string) (int, bool) {
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	if s == "" || len(s) > 18 || s[0] == '0' && len(s) > 1 {
		return 0, false
	}
	v := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	if neg {
		v = -v
	}
	return v, true
}

// bool reads a flag; YAML 1.1's yes/no/on/off are accepted too.
func (x *extractor) bool(n node) bool {
	if n.Kind() == frontmatter.Null {
		return false
	}
	if n.Kind() == frontmatter.Text {
		switch x.scalarText(n) {
		case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y":
			return true
		case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N":
			return false
		}
	}
	x.warn(n.Line(), "%s %s is not true or false", x.name(n), x.shown(n))
	return false
}

// date reads a timestamp field (see parseDate).
func (x *extractor) date(n node) (time.Time, bool) {
	if n.Kind() != frontmatter.Text {
		return time.Time{}, false
	}
	return parseDate(x.scalarText(n))
}

// parseDate accepts the timestamp forms front matter is written in:
// RFC 3339 (any offset, fraction optional, "t"/"z" in any case), the same
// without a zone or with a space for the "T" (Jekyll's "2024-01-29
// 03:19:00 +0000"), a date alone, and RFC 1123 with a numeric zone or GMT.
// The result is in UTC; a time without a zone is taken as UTC. Numbers
// (Unix times) and impossible dates ("2024-02-30", hour 25) are not dates.
func parseDate(s string) (time.Time, bool) {
	if len(s) < 10 || len(s) > 64 {
		return time.Time{}, false
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC(), true
	}
	if s[0] < '0' || s[0] > '9' { // RFC 1123 starts with the weekday
		for _, layout := range [...]string{time.RFC1123Z, "Mon, 2 Jan 2006 15:04:05 -0700", time.RFC1123, "Mon, 2 Jan 2006 15:04:05 MST"} {
			if t, err := time.Parse(layout, s); err == nil {
				if z, _ := t.Zone(); layout[len(layout)-1] == 'T' && z != "GMT" && z != "UTC" {
					return time.Time{}, false // a zone name Go cannot place
				}
				return t.UTC(), true
			}
		}
		return time.Time{}, false
	}
	u := strings.ToUpper(s)
	for _, layout := range [...]string{
		time.RFC3339,
		"2006-01-02T15:04:05",
		"2006-01-02T15:04Z07:00",
		"2006-01-02T15:04",
		"2006-01-02T15:04:05-0700",
		"2006-01-02 15:04:05Z07:00",
		"2006-01-02 15:04:05 Z07:00",
		"2006-01-02 15:04:05 -0700",
		"2006-01-02 15:04:05",
		"2006-01-02 15:04",
		"2006-01-02",
	} {
		if t, err := time.Parse(layout, u); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// list reads topics or tags: a list of text, or one text.
func (x *extractor) list(n node) []string {
	var out []string
	capped := false
	x.items(n, func(c node) {
		switch k := c.Kind(); {
		case k == frontmatter.Map || k == frontmatter.Seq:
			x.warn(c.Line(), "%s holds a nested list or mapping; ignored", x.name(n))
		case len(out) == maxListItems:
			if !capped {
				x.warn(c.Line(), "%s has more than %d items; the rest are ignored", x.name(n), maxListItems)
				capped = true
			}
		default:
			if t := x.line(c); t != "" {
				out = append(out, t)
			}
		}
	})
	return out
}

// flatten renders an opaque value (featuredContent) as indented text:
// scalars as they are, mappings as "key: value" lines, lists as "- item".
func (x *extractor) flatten(n node) string {
	var b strings.Builder
	x.flattenInto(&b, n, 0)
	s := b.String()
	if len(s) > maxFlatField {
		x.warn(n.Line(), "%s is longer than %d KiB; cut", x.name(n), maxFlatField>>10)
		s = textsafe.Clip(s, maxFlatField)
	}
	return strings.TrimSpace(textsafe.Sanitize(s)) // b's string is already our own
}

func (x *extractor) flattenInto(b *strings.Builder, n node, indent int) {
	if b.Len() > maxFlatField {
		return
	}
	switch kind := n.Kind(); kind {
	case frontmatter.Text:
		b.WriteString(textsafe.Sanitize(n.Value()))
	case frontmatter.Binary:
		b.WriteString(textsafe.Sanitize(x.binary(n)))
	case frontmatter.Map, frontmatter.Seq:
		n.Each(func(c node) {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(strings.Repeat("  ", indent))
			nested := c.Kind() == frontmatter.Map || c.Kind() == frontmatter.Seq
			switch {
			case kind == frontmatter.Seq:
				b.WriteString("-")
			default:
				b.WriteString(c.Key())
				b.WriteString(":")
			}
			if nested {
				x.flattenInto(b, c, indent+1)
			} else {
				b.WriteByte(' ')
				x.flattenInto(b, c, 0)
			}
		})
	}
}
