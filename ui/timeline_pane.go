package ui

import (
	"strings"
	"time"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/ui/timeline"
)

// timelineHeight is the height of the timeline panel: the sparkline and
// its date range.
const timelineHeight = 2

// timelinePane is the toggled panel above the list rows: articles per day
// of the shown results (it follows the filter). Counting 100,000 dates
// takes a few milliseconds, so the drawing is kept until the results or
// the width change.
type timelinePane struct {
	on    bool
	key   timelineKey
	lines []string
}

// timelineKey identifies what was drawn: the shown slice (its first
// element and length; a new result is a new slice) and the width.
type timelineKey struct {
	first, last *feed.Article
	n, w        int
}

// timelineShown reports whether the panel fits: it needs the list header
// and at least one row under it.
func (m *Model) timelineShown() bool {
	return m.timeline.on && m.layout.BodyHeight >= timelineHeight+2
}

// toggleTimeline shows or hides the panel and resizes the list to the
// room left.
func (m *Model) toggleTimeline() {
	m.timeline.on = !m.timeline.on
	m.sizeList()
	if m.timeline.on && !m.timelineShown() {
		m.status.set("The window is too small for the timeline.")
	}
}

// sizeList gives the list pane its height: the body less the timeline.
func (m *Model) sizeList() {
	h := m.layout.BodyHeight
	if m.timelineShown() {
		h -= timelineHeight
	}
	m.list.setSize(m.layout.ListWidth, h)
}

// timelineLines draws the panel, timelineHeight lines of exactly w cells.
func (m *Model) timelineLines(w int) []string {
	shown := m.list.shown
	k := timelineKey{n: len(shown), w: w}
	if len(shown) > 0 {
		k.first, k.last = shown[0], shown[len(shown)-1]
	}
	if k != m.timeline.key || m.timeline.lines == nil {
		dates := make([]time.Time, len(shown))
		for i, a := range shown {
			dates[i] = a.Published
		}
		s := m.styles
		inner := max(0, w-2)
		spark, label, _ := strings.Cut(timeline.Render(dates, inner, s.Plain), "\n")
		m.timeline.key = k
		m.timeline.lines = []string{
			fit("  "+s.Match.Render(spark), w, s.Ellipsis),
			fit("  "+s.Header.Render(label), w, s.Ellipsis),
		}
	}
	return m.timeline.lines
}

// withTimeline puts the panel under the list header.
func (m *Model) withTimeline(lines []string, w int) []string {
	if !m.timelineShown() || len(lines) == 0 {
		return lines
	}
	out := make([]string, 0, len(lines)+timelineHeight)
	out = append(out, lines[0])
	out = append(out, m.timelineLines(w)...)
	return append(out, lines[1:]...)
}
