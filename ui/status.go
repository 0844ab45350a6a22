package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"

	"github.com/herald-reader/herald/config"
	"github.com/herald-reader/herald/feed"
)

// status is the message on the left of the status line: the outcome of
// the last action (an opened link, a refused URL, a failed render).
type status struct {
	text string
	err  bool
}

func (s *status) set(format string, args ...any) {
	s.text, s.err = feed.SanitizeLine(fmt.Sprintf(format, args...)), false
}

func (s *status) setError(err error) {
	s.text, s.err = feed.SanitizeLine(err.Error()), true
}

// footerLines draws the status line and, when there is room, the short
// help: FooterHeight lines.
func (m *Model) footerLines() []string {
	l, s := m.layout, m.styles
	if l.FooterHeight == 0 {
		return nil
	}
	left := s.Status.Render(m.status.text)
	if m.status.err {
		left = s.StatusError.Render(m.status.text)
	}
	out := []string{leftRight(left, m.counts(), l.Width, s.Ellipsis)}
	if l.FooterHeight > 1 {
		out = append(out, fit(m.shortHelp(l.Width), l.Width, s.Ellipsis))
	}
	return out
}

// counts is the right side of the status line: a progress bar while
// loading, then "N articles" (N in plain digits: scripts and tests look
// for it), the number shown by the filter (shownPart) and "K skipped".
func (m *Model) counts() string {
	s := m.styles
	var parts []string
	if b := m.freshBadge(); b != "" {
		parts = append(parts, s.Match.Render(b))
	}
	if m.loading {
		parts = append(parts, m.progress())
	} else {
		if m.filter.applied() {
			parts = append(parts, m.shownPart())
		}
		parts = append(parts, fmt.Sprintf("%d articles", len(m.all)))
		parts = append(parts, m.readingParts()...)
	}
	parts = append(parts, m.sortPart()...)
	if n := len(m.lib.Skipped()); n > 0 {
		parts = append(parts, fmt.Sprintf("%d skipped", n))
	}
	return s.Status.Render(strings.Join(parts, s.Dot))
}

// progressWidth is the number of cells of the loading bar.
const progressWidth = 12

// progress is the loading bar: "[####------] 1200/100000", or the plain
// count until the loader knows how many files it found.
func (m *Model) progress() string {
	s, n := m.styles, len(m.all)+len(m.lib.Skipped())
	if m.found <= 0 {
		return fmt.Sprintf("loading %d", n)
	}
	done := min(progressWidth, n*progressWidth/m.found)
	bar := strings.Repeat(s.BarFull, done) + strings.Repeat(s.BarEmpty, progressWidth-done)
	return fmt.Sprintf("%s %d/%d", s.Progress.Render(bar), n, m.found)
}

// shortHelp is the one-line key help, generated from the key map.
func (m *Model) shortHelp(w int) string {
	h := help.New()
	s := m.styles
	h.Width = w
	h.ShortSeparator = s.Dot
	h.Ellipsis = s.Ellipsis
	h.Styles = help.Styles{
		ShortKey: s.HelpKey, ShortDesc: s.HelpDesc, ShortSeparator: s.HelpSep,
		Ellipsis: s.HelpSep, FullKey: s.HelpKey, FullDesc: s.HelpDesc, FullSeparator: s.HelpSep,
	}
	return h.ShortHelpView(m.contextHelp())
}

// contextHelp is the short help for what has the keys now: the filter
// input, an overlay, or the panes.
func (m *Model) contextHelp() []key.Binding {
	k := &m.keys
	as := func(b key.Binding, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, desc))
	}
	switch {
	case m.filter.active:
		return []key.Binding{as(k.Open, "apply"), as(k.Back, "clear"), key.NewBinding(
			key.WithKeys("up", "down"), key.WithHelp("up/down", "move")), k.ForceQuit}
	case m.over == linksOverlay:
		return []key.Binding{config.Pair(k.Down, k.Up, "move"), as(k.Open, "open"),
			as(k.Links, "open link N"), as(k.Back, "close"), k.Quit}
	case m.over != noOverlay:
		return []key.Binding{config.Pair(k.Down, k.Up, "scroll"), k.PageDown, as(k.Back, "close"), k.Quit}
	case m.focus == focusDetail:
		return []key.Binding{config.Pair(k.Down, k.Up, "scroll"), k.PageDown, as(k.Back, "list"),
			k.OpenBrowser, k.Links, k.LinkPicker, k.HistoryBack, k.Help, k.Quit}
	}
	return m.keys.ShortHelp()
}
