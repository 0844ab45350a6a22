package ui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/config"
	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/feed/search"
	"github.com/herald-reader/herald/internal/textsafe"
)

// savedPicker lists the config's saved searches with their unread
// counts; choosing one puts its query into the filter and applies its
// sort.
type savedPicker struct {
	searches []config.SavedSearch
	// unread[i] counts the unread articles of searches[i] that are
	// shown (muted ones only while shown); -1 when its query no longer
	// parses.
	unread []int
	cursor int
	// gen numbers the counting runs, so a late count for a picker the
	// user closed or replaced is dropped.
	gen int
}

// savedCountsMsg is a finished count for picker run gen.
type savedCountsMsg struct {
	gen    int
	unread []int
}

// openSaved counts each saved search's unread articles over the index in
// a Cmd; the picker opens when the count lands.
func (m *Model) openSaved() tea.Cmd {
	p := &m.saved
	if len(p.searches) == 0 {
		m.status.set("No saved searches: the config's searches setting lists none.")
		return nil
	}
	p.gen++
	gen, searches, ix, now := p.gen, p.searches, m.lib.index, m.clock()
	var st search.State
	if m.reading.store != nil {
		st = m.reading.store
	}
	var muted map[*feed.Article]struct{} // replaced, never changed (muting)
	if !m.reading.showMuted {
		muted = m.lib.mute.muted
	}
	m.status.set("Counting%s", m.styles.Ellipsis)
	return func() tea.Msg {
		unread := make([]int, len(searches))
		for i, s := range searches {
			q, err := search.ParseQuery(s.Query, now)
			if err != nil {
				unread[i] = -1
				continue
			}
			for _, a := range without(ix.Search(q, st), muted) {
				if st == nil || !st.IsRead(a.ID) {
					unread[i]++
				}
			}
		}
		return savedCountsMsg{gen: gen, unread: unread}
	}
}

func (m *Model) handleSavedCounts(msg savedCountsMsg) tea.Cmd {
	p := &m.saved
	if msg.gen != p.gen || m.over != noOverlay || m.filter.active {
		return nil
	}
	m.status.set("")
	p.unread = msg.unread
	p.cursor = min(p.cursor, len(p.searches)-1)
	m.over = savedOverlay
	return nil
}

// handleSavedKey: the cursor keys move, open applies the search under the
// cursor (or search N after a count N), back or the picker's key closes.
func (m *Model) handleSavedKey(msg tea.KeyMsg, count int) tea.Cmd {
	p := &m.saved
	per := max(1, m.layout.BodyHeight-1)
	i, cmd := m.pickNumbered(msg, count, &p.cursor, len(p.searches), per, "saved search", m.keys.SavedSearches)
	if i < 0 {
		return cmd
	}
	return m.applySaved(p.searches[i])
}

// applySaved puts the search's query into the filter, and its sort (if it
// names one) in place of the current one, and runs it.
func (m *Model) applySaved(s config.SavedSearch) tea.Cmd {
	if s.Sort != "" {
		if k, err := search.ParseSortKey(s.Sort); err == nil {
			m.reading.sort = k
		}
	}
	m.filter.always = m.viewsOn()
	m.filter.input.SetValue(s.Query)
	m.filter.input.CursorEnd()
	m.focus = focusList
	m.status.setAboutFilter("Saved search: %s", s.Name)
	return m.applyFilter()
}

func (p *savedPicker) view(w, h int, s *Styles) []string {
	if h <= 0 {
		return nil
	}
	pos := fmt.Sprintf("%d/%d", p.cursor+1, len(p.searches))
	out := []string{leftRight(s.Overlay.Render("Saved searches, with their unread articles"), s.Header.Render(pos), w, s.Ellipsis)}
	rows := max(1, h-1)
	start := p.cursor / rows * rows
	numW, nameW := 1, 0
	for i, ss := range p.searches {
		if i < len(p.unread) {
			numW = max(numW, len(fmt.Sprint(p.unread[i])))
		}
		nameW = max(nameW, width(textsafe.Line(ss.Name)))
	}
	for i := start; i < len(p.searches) && len(out) < h; i++ {
		ss := p.searches[i]
		marker := "  "
		if i == p.cursor {
			marker = s.Marker.Render(s.MarkerGlyph) + " "
		}
		n := "?"
		if i < len(p.unread) && p.unread[i] >= 0 {
			n = fmt.Sprint(p.unread[i])
		}
		name := textsafe.Line(ss.Name)
		what := textsafe.Line(ss.Query)
		if ss.Sort != "" {
			what += ", by " + ss.Sort
		}
		line := marker + s.Link.Render(fmt.Sprintf("%*s", numW, n)) + "  " + name +
			fmt.Sprintf("%*s", nameW-width(name)+2, "") + s.Header.Render(what)
		out = append(out, fit(line, w, s.Ellipsis))
	}
	return append(out, fitSlice(nil, w, h-len(out))...)
}
