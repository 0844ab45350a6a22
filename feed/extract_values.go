package feed

import (
	"encoding/base64"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/herald-reader/herald/internal/textsafe"
)

// Caps on what one field keeps, so a hostile file cannot make one article
// hold megabytes: a summary of 100,000 articles has to fit in memory.
const (
	maxLineField  = 2 << 10  // titles, URLs, names
	maxMultiField = 16 << 10 // excerpts
	maxFlatField  = 64 << 10 // featuredContent
	maxListItems  = 200      // topics, tags
)

// name is how a warning refers to a node.
func (x *extractor) name(i int32) string {
	if k := x.t.key(i); k != "" {
		return clip(textsafe.Line(k), 40)
	}
	return "list item"
}

// shown is how a warning quotes a node's value.
func (x *extractor) shown(i int32) string {
	switch n := x.node(i); n.kind {
	case nodeMap:
		return "(a mapping)"
	case nodeSeq:
		return "(a list)"
	default:
		return quoteShort(x.t.value(i))
	}
}

// line is a one-line text field: sanitised, newlines folded, trimmed.
func (x *extractor) line(i int32) string { return x.text(i, false, maxLineField) }

// multiline is a text field that may keep its newlines (excerpts).
func (x *extractor) multiline(i int32) string { return x.text(i, true, maxMultiField) }

// text converts any node to text. A list of scalars (a title given as a
// list) is joined with ", "; a mapping is not text and is ignored. Both
// degrade with a warning.
func (x *extractor) text(i int32, multiline bool, limit int) string {
	n := x.node(i)
	var s string
	switch n.kind {
	case nodeNull:
		return ""
	case nodeText:
		s = x.t.value(i)
	case nodeBinary:
		s = x.binary(i)
	case nodeSeq:
		var parts []string
		x.each(i, func(c int32, e *fmNode) {
			if e.kind != nodeMap && e.kind != nodeSeq {
				if t := x.text(c, multiline, limit); t != "" {
					parts = append(parts, t)
				}
			}
		})
		x.warn(n.line, "%s is a list; joined", x.name(i))
		s = strings.Join(parts, ", ")
	default:
		x.warn(n.line, "%s is a mapping, not text; ignored", x.name(i))
		return ""
	}
	// Sanitise before anything else looks at the text: the fast decoder
	// leaves control characters in quoted scalars for this to remove, so
	// lengths and numbers are only comparable after it.
	s = strings.TrimSpace(textsafe.Clone(s, multiline))
	if len(s) > limit {
		x.warn(n.line, "%s is longer than %d KiB; cut", x.name(i), limit>>10)
		s = clip(s, limit)
	}
	return s
}

// scalarText is a scalar's value sanitised for reading as a number, flag
// or date.
func (x *extractor) scalarText(i int32) string {
	return strings.TrimSpace(textsafe.Line(x.t.value(i)))
}

// binary decodes a !!binary scalar (base64, line breaks allowed) to the
// text it holds; sanitising then makes it safe, whatever the bytes were.
func (x *extractor) binary(i int32) string {
	n := x.node(i)
	clean := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\r' || r == '\t' {
			return -1
		}
		return r
	}, x.t.value(i))
	b, err := base64.StdEncoding.DecodeString(clean)
	if err != nil {
		x.warn(n.line, "%s is not valid base64 (!!binary); ignored", x.name(i))
		return ""
	}
	return string(b)
}

// int reads a number field. YAML's integer forms are accepted ("0x1F",
// "1_000"), quoted numbers too; a fraction is truncated. Anything else
// is 0 with a warning.
func (x *extractor) int(i int32) int {
	n := x.node(i)
	switch n.kind {
	case nodeNull:
		return 0
	case nodeText:
		if v, ok := parseInt(x.scalarText(i)); ok {
			return v
		}
	}
	x.warn(n.line, "%s %s is not a number", x.name(i), x.shown(i))
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
func (x *extractor) bool(i int32) bool {
	n := x.node(i)
	if n.kind == nodeNull {
		return false
	}
	if n.kind == nodeText {
		switch x.scalarText(i) {
		case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y":
			return true
		case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N":
			return false
		}
	}
	x.warn(n.line, "%s %s is not true or false", x.name(i), x.shown(i))
	return false
}

// date reads a timestamp field (see parseDate).
func (x *extractor) date(i int32) (time.Time, bool) {
	n := x.node(i)
	if n.kind != nodeText {
		return time.Time{}, false
	}
	return parseDate(x.scalarText(i))
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
func (x *extractor) list(i int32) []string {
	var out []string
	capped := false
	x.items(i, func(c int32, n *fmNode) {
		switch {
		case n.kind == nodeMap || n.kind == nodeSeq:
			x.warn(n.line, "%s holds a nested list or mapping; ignored", x.name(i))
		case len(out) == maxListItems:
			if !capped {
				x.warn(n.line, "%s has more than %d items; the rest are ignored", x.name(i), maxListItems)
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
func (x *extractor) flatten(i int32) string {
	var b strings.Builder
	x.flattenInto(&b, i, 0)
	s := b.String()
	if len(s) > maxFlatField {
		x.warn(x.node(i).line, "%s is longer than %d KiB; cut", x.name(i), maxFlatField>>10)
		s = clip(s, maxFlatField)
	}
	return strings.TrimSpace(textsafe.Sanitize(s)) // b's string is already our own
}

func (x *extractor) flattenInto(b *strings.Builder, i int32, indent int) {
	if b.Len() > maxFlatField {
		return
	}
	switch n := x.node(i); n.kind {
	case nodeText:
		b.WriteString(textsafe.Sanitize(x.t.value(i)))
	case nodeBinary:
		b.WriteString(textsafe.Sanitize(x.binary(i)))
	case nodeMap, nodeSeq:
		x.each(i, func(c int32, e *fmNode) {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(strings.Repeat("  ", indent))
			nested := e.kind == nodeMap || e.kind == nodeSeq
			switch {
			case n.kind == nodeSeq:
				b.WriteString("-")
			default:
				b.WriteString(x.t.key(c))
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

// clampInt32 narrows a number to int32, saturating: quality and heat are
// small scores, and a file's absurd value must not wrap around.
func clampInt32(v int64) int32 {
	return int32(min(max(v, math.MinInt32), math.MaxInt32))
}
