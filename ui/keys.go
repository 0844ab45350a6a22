package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/config"
)

// keyIs reports whether msg is bound to one of b (key.Matches, never a string
// compare, so rebinding works everywhere).
func keyIs(msg tea.KeyMsg, b ...key.Binding) bool { return key.Matches(msg, b...) }

// firstKey is the first key of b as help spells it ("space" for " "); ""
// when b is disabled or has no keys.
func firstKey(b key.Binding) string {
	if !b.Enabled() || len(b.Keys()) == 0 {
		return ""
	}
	if k := b.Keys()[0]; k != " " {
		return k
	}
	return "space"
}

// navigate moves a position over n entries (rows, lines, picker items)
// for the movement keys: up, down, top, bottom and, when page > 0, page
// up/down by page entries. count is the count typed before the key (0:
// none): up and down move that many entries, pages that many pages, top
// and bottom go to entry count, as in vim. moved is false for any other
// key, which the caller then handles itself. The list, the detail pane,
// the text panels and the pickers all move with it, so the keys mean the
// same everywhere.
func navigate(k *config.KeyMap, msg tea.KeyMsg, pos, n, page, count int) (next int, moved bool) {
	times := max(count, 1)
	clamp := func(i int) int { return max(0, min(i, n-1)) }
	switch {
	case keyIs(msg, k.Down):
		return clamp(pos + times), true
	case keyIs(msg, k.Up):
		return clamp(pos - times), true
	case page > 0 && keyIs(msg, k.PageDown):
		return clamp(pos + page*times), true
	case page > 0 && keyIs(msg, k.PageUp):
		return clamp(pos - page*times), true
	case keyIs(msg, k.Top, k.Bottom) && count > 0:
		return clamp(count - 1), true
	case keyIs(msg, k.Top):
		return 0, true
	case keyIs(msg, k.Bottom):
		return max(n-1, 0), true
	}
	return pos, false
}

// handleKey routes a key press: ctrl+c always quits; while the filter or
// the article search is being typed in, every other key is text; an open
// overlay comes next; then the focused detail pane's own keys, the global
// keys, then the focused pane's movement.
func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	k := &m.keys
	m.debug("key %q (filter %v, overlay %d, focus %d, rendered %v)", msg.String(), m.filter.active, m.over, m.focus, m.detail.ready)
	switch {
	case keyIs(msg, k.ForceQuit):
		return tea.Quit
	case m.reading.confirm != nil:
		return m.handleConfirmKey(msg)
	case m.filter.active:
		return m.handleFilterKey(msg)
	case m.detail.search.active:
		return m.handleSearchKey(msg)
	}
	msg, count, ok := m.takePrefix(msg)
	switch {
	case !ok:
		return nil
	case m.over == linksOverlay && keyIs(msg, k.Copy):
		return m.copyPicked()
	case m.over != noOverlay:
		return m.handleOverlayKey(msg, count)
	}
	if m.focus == focusDetail {
		if cmd, ok := m.handleDetailKey(msg, count); ok {
			return cmd
		}
	}
	if cmd, ok := m.handleGlobalKey(msg, count); ok {
		return cmd
	}
	if m.focus == focusDetail && m.detail.scroll(msg, k, count) {
		return nil
	}
	if m.focus == focusList && m.list.move(msg, k, count) {
		return m.list.cursorMoved()
	}
	return nil
}

// handleGlobalKey handles the keys that work in either pane.
// A count before the open-in-browser key opens that numbered link.
func (m *Model) handleGlobalKey(msg tea.KeyMsg, count int) (tea.Cmd, bool) {
	k := &m.keys
	if cmd, ok := m.handleStateKey(msg); ok {
		return cmd, true
	}
	switch {
	case keyIs(msg, k.Quit):
		return tea.Quit, true
	case keyIs(msg, k.Help):
		m.help.offset = 0
		m.over = helpOverlay
	case keyIs(msg, k.Skipped):
		m.openSkipped()
	case keyIs(msg, k.Filter):
		m.focus = focusList
		return m.filter.open(), true
	case keyIs(msg, k.Focus):
		m.toggleFocus()
	case keyIs(msg, k.Open):
		if a := m.list.Selected(); m.focus == focusList && a != nil {
			m.focus = focusDetail
			return tea.Batch(m.markOpened(a), m.autoFetch(a)), true
		}
	case keyIs(msg, k.Reader):
		return m.handleReaderKey(), true
	case keyIs(msg, k.Image):
		return m.handleImageKey(), true
	case keyIs(msg, k.Back):
		switch {
		case m.focus == focusDetail:
			m.focus = focusList
		case m.filter.query != "":
			return m.clearFilter(), true
		}
	case keyIs(msg, k.OpenBrowser) && count > 0:
		return m.openLinkN(count), true
	case keyIs(msg, k.OpenBrowser):
		return m.openArticle(), true
	case keyIs(msg, k.LinkPicker):
		m.openPicker()
	case keyIs(msg, k.HistoryBack):
		return m.historyBack(), true
	case keyIs(msg, k.Copy):
		return m.copySelected(), true
	case keyIs(msg, k.Timeline):
		m.toggleTimeline()
	case keyIs(msg, k.Pipe):
		return m.pipeArticle(), true
	case keyIs(msg, k.Edit):
		return m.editArticle(), true
	case keyIs(msg, k.Expand):
		return m.toggleExpand(), true
	default:
		return nil, false
	}
	return nil, true
}

// toggleFocus switches panes. In single-pane mode the detail is only
// reachable when an article is selected.
func (m *Model) toggleFocus() {
	if m.focus == focusDetail {
		m.focus = focusList
		return
	}
	if m.layout.Split || m.list.Selected() != nil {
		m.focus = focusDetail
	}
}

// handleFilterKey: the filter input has focus, so keys are text except
// accept (open/enter), cancel (back/esc) and the movement keys that do not
// type text (the arrows and page keys by default), which still move the
// list cursor.
func (m *Model) handleFilterKey(msg tea.KeyMsg) tea.Cmd {
	k := &m.keys
	switch {
	case keyIs(msg, k.Open):
		m.filter.close()
		return nil
	case keyIs(msg, k.Back):
		m.filter.close()
		return m.clearFilter()
	case !textKey(msg.String()) && keyIs(msg, k.Up, k.Down, k.PageUp, k.PageDown):
		if m.list.move(msg, k, 0) {
			return m.list.cursorMoved()
		}
		return nil
	}
	changed, cmd := m.filter.update(msg)
	if !changed {
		return cmd
	}
	return tea.Batch(cmd, m.applyFilter())
}

// handleOverlayKey: an overlay is open; it scrolls, picks, or closes.
func (m *Model) handleOverlayKey(msg tea.KeyMsg, count int) tea.Cmd {
	k := &m.keys
	if m.over == linksOverlay {
		return m.handlePickerKey(msg, count)
	}
	if m.over == facetOverlay {
		return m.handleFacetKey(msg, count)
	}
	if m.over == commandsOverlay {
		return m.handleCommandKey(msg, count)
	}
	if m.over == savedOverlay {
		return m.handleSavedKey(msg, count)
	}
	if m.over == imageOverlay {
		if keyIs(msg, k.Quit) {
			return tea.Quit
		}
		return m.closeImageView() // any key closes it
	}
	o := m.help
	if m.over == skippedOverlay {
		o = m.skipped
	}
	switch {
	case keyIs(msg, k.Quit):
		return tea.Quit
	case keyIs(msg, k.Back, k.Help, k.Skipped):
		m.over = noOverlay
	case m.over == skippedOverlay && keyIs(msg, k.Edit):
		return m.editSkipped()
	default:
		o.scroll(msg, k, m.layout.BodyHeight, count)
	}
	return nil
}
