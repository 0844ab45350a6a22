// Package timeline draws how articles are spread over time: a one-line
// histogram of articles per day (a sparkline) and its date range, sized to
// a given width, for the list header or a toggled panel. It is pure: dates
// in, text out; the caller styles the lines.
package timeline

import (
	"strconv"
	"strings"
	"time"
)

// Bars are the levels of a column, lowest first. A column with no article
// is a space, so gaps in the news stay visible; any article at all shows at
// least the lowest bar.
const (
	Bars      = "▁▂▃▄▅▆▇█"
	PlainBars = ".:-=+*#" // for --plain and terminals without Unicode
)

const dayFormat = "2006-01-02"

// Histogram is articles counted per column over a range of days.
type Histogram struct {
	// From and To are the first and the last day (UTC midnight) with an
	// article; zero when no date was given.
	From, To time.Time
	// DaysPerColumn is how many days one column covers: 1 when every day
	// fits the width, else the fewest that make the range fit.
	DaysPerColumn int
	// Counts are the articles per column, From first. The first and the
	// last columns are never zero.
	Counts []int
	// Dated and Undated count the dates given: Undated are zero times.
	Dated, Undated int
}

// Build counts dates per day (UTC) into at most width columns. The first
// column starts at the earliest day; when the range is longer than width
// days, each column covers DaysPerColumn consecutive days, the last one
// possibly fewer.
func Build(dates []time.Time, width int) Histogram {
	var h Histogram
	first, last := int64(0), int64(0)
	for _, t := range dates {
		if t.IsZero() {
			h.Undated++
			continue
		}
		d := day(t)
		if h.Dated == 0 || d < first {
			first = d
		}
		if h.Dated == 0 || d > last {
			last = d
		}
		h.Dated++
	}
	if h.Dated == 0 || width <= 0 {
		return h
	}
	span := last - first + 1
	per := (span + int64(width) - 1) / int64(width) // ceil: the fewest days that fit
	h.DaysPerColumn = int(per)
	h.Counts = make([]int, (span+per-1)/per)
	for _, t := range dates {
		if !t.IsZero() {
			h.Counts[(day(t)-first)/per]++
		}
	}
	h.From = time.Unix(first*86400, 0).UTC()
	h.To = time.Unix(last*86400, 0).UTC()
	return h
}

// day is the UTC day of t, in days since 1970 (negative before).
func day(t time.Time) int64 {
	s := t.Unix()
	d := s / 86400
	if s%86400 != 0 && s < 0 {
		d--
	}
	return d
}

// Spark is the histogram as one line of len(Counts) cells: each column's
// bar scaled to the fullest column. plain uses ASCII (PlainBars).
func (h Histogram) Spark(plain bool) string {
	levels := []rune(Bars)
	if plain {
		levels = []rune(PlainBars)
	}
	peak := 0
	for _, c := range h.Counts {
		peak = max(peak, c)
	}
	var b strings.Builder
	b.Grow(len(h.Counts) * 3)
	for _, c := range h.Counts {
		if c == 0 {
			b.WriteByte(' ')
			continue
		}
		// ceil(c*n/peak): 1..n, so one article still shows.
		lvl := (c*len(levels) + peak - 1) / peak
		b.WriteRune(levels[lvl-1])
	}
	return b.String()
}

// Label says what the histogram covers: "2024-01-02 .. 2024-03-01, 340
// articles", with the undated ones counted and noted ("(3 undated)").
func (h Histogram) Label() string {
	total := h.Dated + h.Undated
	var b strings.Builder
	switch {
	case h.Dated == 0 && h.Undated == 0:
		return "no articles"
	case h.Dated == 0:
		return count(total) + ", none dated"
	case h.From.Equal(h.To):
		b.WriteString(h.From.Format(dayFormat))
	default:
		b.WriteString(h.From.Format(dayFormat) + " .. " + h.To.Format(dayFormat))
	}
	b.WriteString(", " + count(total))
	if h.Undated > 0 {
		b.WriteString(" (" + strconv.Itoa(h.Undated) + " undated)")
	}
	return b.String()
}

// shortLabels are ever shorter forms of the label, for narrow widths.
func (h Histogram) shortLabels() []string {
	total := strconv.Itoa(h.Dated + h.Undated)
	out := []string{h.Label()}
	if h.Dated > 0 {
		rng := h.From.Format(dayFormat)
		if !h.From.Equal(h.To) {
			rng += ".." + h.To.Format(dayFormat)
		}
		out = append(out, rng+" "+total, rng)
	}
	return append(out, count(h.Dated+h.Undated), total)
}

func count(n int) string {
	if n == 1 {
		return "1 article"
	}
	return strconv.Itoa(n) + " articles"
}

// Render draws the timeline of dates in two lines of at most width cells:
// the sparkline, then the label, in shorter forms when it does not fit
// ("2024-01-02..2024-03-01 340", then the range, then "340 articles", then
// "340"), and empty when not even the count fits: a number cut short would
// lie. The sparkline line is empty when no article has a date. Render
// returns "" when width < 1.
func Render(dates []time.Time, width int, plain bool) string {
	if width < 1 {
		return ""
	}
	h := Build(dates, width)
	label := ""
	for _, l := range h.shortLabels() {
		if len(l) <= width { // labels are ASCII: bytes are cells
			label = l
			break
		}
	}
	return h.Spark(plain) + "\n" + label
}
