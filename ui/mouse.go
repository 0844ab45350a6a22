package ui

import (
	tea "github.com/charmbracelet/bubbletea"
)

// Mouse support (config Mouse, off by default: taking the mouse costs the
// terminal's own text selection). The wheel scrolls the pane under the
// pointer, a left click selects a list row, and a click on a numbered
// link ("[3]") in the detail pane opens it as the digit key would.

// wheelLines is how far one wheel notch scrolls the detail pane.
const wheelLines = 3

// handleMouse routes a mouse event. Overlays, the filter input and the
// article search's prompt keep the keyboard's rules: the mouse does
// nothing while they are open.
func (m *Model) handleMouse(msg tea.MouseMsg) tea.Cmd {
	if !m.sized || m.over != noOverlay || m.filter.active || m.detail.search.active || m.reading.confirm != nil {
		return nil
	}
	if msg.Y >= m.layout.BodyHeight {
		return nil // the footer
	}
	detail, x := m.paneAt(msg.X)
	wheel := msg.Button == tea.MouseButtonWheelUp || msg.Button == tea.MouseButtonWheelDown
	switch {
	case wheel && detail:
		if msg.Button == tea.MouseButtonWheelUp {
			m.detail.vp.ScrollUp(wheelLines)
		} else {
			m.detail.vp.ScrollDown(wheelLines)
		}
		return nil
	case wheel:
		if m.list.Len() == 0 {
			return nil
		}
		if msg.Button == tea.MouseButtonWheelUp {
			m.list.list.CursorUp()
		} else {
			m.list.list.CursorDown()
		}
		return m.list.cursorMoved()
	case msg.Action != tea.MouseActionPress || msg.Button != tea.MouseButtonLeft:
		return nil
	case detail:
		m.focus = focusDetail
		return m.clickDetail(x, msg.Y)
	}
	m.focus = focusList
	return m.clickList(msg.Y)
}

// paneAt reports whether column x is in the detail pane, and x within it.
// In single-pane mode the shown pane is under the pointer everywhere.
func (m *Model) paneAt(x int) (detail bool, inPane int) {
	l := m.layout
	if !l.Split {
		return m.focus == focusDetail, x
	}
	if x >= l.ListWidth+l.SepWidth {
		return true, x - l.ListWidth - l.SepWidth
	}
	return false, x
}

// clickList selects the row at screen line y (two lines per article,
// under the header and the timeline panel when shown).
func (m *Model) clickList(y int) tea.Cmd {
	top := 1
	if m.timelineShown() {
		top += timelineHeight
	}
	if y < top {
		return nil
	}
	p := m.list
	start, end := p.list.Paginator.GetSliceBounds(len(p.items))
	i := start + (y-top)/p.delegate.Height()
	if i >= end {
		return nil
	}
	p.list.Select(i)
	return p.cursorMoved()
}

// clickDetail opens the numbered link at column x of screen line y, if
// there is one there (the nearest on the line when the click is beside
// it, so a click on the link's text right after the number works too).
// Only Herald's own link numbers count (render.Refs), never a "[3]" in the
// article's text.
func (m *Model) clickDetail(x, y int) tea.Cmd {
	d := m.detail
	if !d.ready || y < 1 {
		return nil
	}
	line := d.vp.YOffset + y - 1
	if line < 0 || line >= len(d.lines) {
		return nil
	}
	best, bestDist := 0, -1
	for _, r := range d.refs {
		if r.Line != line-d.bodyTop || !d.hasLink(r.N) {
			continue
		}
		from, to := r.Col, r.Col+r.Width
		dist := 0
		switch {
		case x < from:
			dist = from - x
		case x >= to:
			dist = x - to + 1
		}
		if bestDist < 0 || dist < bestDist {
			best, bestDist = r.N, dist
		}
	}
	if best == 0 {
		return nil
	}
	return m.openLinkN(best)
}

func (d *detailPane) hasLink(n int) bool {
	for _, l := range d.links {
		if l.N == n {
			return true
		}
	}
	return false
}
