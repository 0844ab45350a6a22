package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/config"
	"github.com/herald-reader/herald/internal/plural"
	"github.com/herald-reader/herald/internal/textsafe"
)

// status is the message on the left of the status line: the outcome of
// the last action (an opened link, a refused URL, a failed render). It
// tells the truth about now: a message expires after a while, an error at
// the next key, and one about the filter when the filter is cleared.
type status struct {
	text string
	err  bool
	// gen numbers the messages, so an expiry drops only the one it was
	// started for.
	gen int
	// aboutFilter: the message describes the filter (setAboutFilter).
	aboutFilter bool
}

// statusExpiredMsg ends the life of status message gen.
type statusExpiredMsg struct{ gen int }

func (s *status) set(format string, args ...any) {
	s.text, s.err, s.aboutFilter = textsafe.Line(fmt.Sprintf(format, args...)), false, false
	s.gen++
}

func (s *status) setError(err error) {
	s.text, s.err, s.aboutFilter = textsafe.Line(err.Error()), true, false
	s.gen++
}

// setAboutFilter sets a message that describes the filter: clearing the
// filter clears it (clearFilterStatus).
func (s *status) setAboutFilter(format string, args ...any) {
	s.set(format, args...)
	s.aboutFilter = true
}

func (s *status) clear() {
	s.text, s.err, s.aboutFilter = "", false, false
	s.gen++
}

func (s *status) clearError() {
	if s.err {
		s.clear()
	}
}

func (s *status) clearFilterStatus() {
	if s.aboutFilter {
		s.clear()
	}
}

// expiry is the timer of the current message: nil for an error (it stays
// until the next key), for no message, or when ttl is 0.
func (s *status) expiry(ttl time.Duration) tea.Cmd {
	if ttl <= 0 || s.err || s.text == "" {
		return nil
	}
	gen := s.gen
	return tea.Tick(ttl, func(time.Time) tea.Msg { return statusExpiredMsg{gen: gen} })
}

// expire clears the message msg was started for, if it is still shown;
// a question waiting for its answer stays.
func (s *status) expire(msg statusExpiredMsg, asking bool) {
	if msg.gen == s.gen && !s.err && !asking {
		s.clear()
	}
}

// footerLines draws the status line and, when there is room, the short
// help: FooterHeight lines.
func (m *Model) footerLines() []string {
	l, s := m.layout, m.styles
	if l.FooterHeight == 0 {
		return nil
	}
	left := s.Status.Render(m.status.text)
	switch {
	case m.prefix.pending():
		left = s.Status.Render(m.prefixHint())
	case m.status.err:
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
// for it), the number shown by the filter (shownPart), "K skipped" and
// "W warnings".
func (m *Model) counts() string {
	s := m.styles
	var parts []string
	if b := m.freshBadge(); b != "" {
		parts = append(parts, s.Match.Render(b))
	}
	if m.lib.loading {
		parts = append(parts, m.progress())
	} else {
		switch {
		case m.filter.slow:
			parts = append(parts, "searching"+s.Ellipsis) // the count shown would be the last query's
		case m.filter.applied():
			parts = append(parts, m.shownPart())
		}
		parts = append(parts, plural.Count(len(m.unfiltered()), "article"))
		parts = append(parts, m.mutedPart()...)
		parts = append(parts, m.readingParts()...)
	}
	parts = append(parts, m.sortPart()...)
	if n := len(m.lib.Skipped()); n > 0 {
		parts = append(parts, fmt.Sprintf("%d skipped", n))
	}
	if n := m.lib.warnings; n > 0 {
		parts = append(parts, plural.Count(n, "warning"))
	}
	return s.Status.Render(strings.Join(parts, s.Dot))
}

// progressWidth is the number of cells of the loading bar.
const progressWidth = 12

// progress is the loading bar: "[####------] 1200/100000", or the plain
// count until the loader knows how many files it found.
func (m *Model) progress() string {
	s, n := m.styles, m.lib.Len()+len(m.lib.Skipped())+len(m.lib.notArticles)
	if m.lib.found <= 0 {
		if m.found != nil {
			if f := m.found(); f > 0 {
				return fmt.Sprintf("loading: %s found", plural.Count(f, "file"))
			}
		}
		return fmt.Sprintf("loading %d", n)
	}
	done := min(progressWidth, n*progressWidth/m.lib.found)
	bar := strings.Repeat(s.BarFull, done) + strings.Repeat(s.BarEmpty, progressWidth-done)
	return fmt.Sprintf("%s %d/%d", s.Progress.Render(bar), n, m.lib.found)
}

// shortHelp is the one-line key help, generated from the key map. It
// keeps the keys that fit in w cells by priority, the pinned ones (help,
// quit) first, so a narrow terminal drops the least needed keys rather
// than "? help" at the end of the line.
func (m *Model) shortHelp(w int) string {
	h := help.New()
	s := m.styles
	h.ShortSeparator = s.Dot
	h.Ellipsis = s.Ellipsis
	h.Styles = help.Styles{
		ShortKey: s.HelpKey, ShortDesc: s.HelpDesc, ShortSeparator: s.HelpSep,
		Ellipsis: s.HelpSep, FullKey: s.HelpKey, FullDesc: s.HelpDesc, FullSeparator: s.HelpSep,
	}
	keys, pinned := m.contextHelp()
	return h.ShortHelpView(fitHelp(keys, pinned, w, width(s.Dot)))
}

// fitHelp picks the bindings whose help fits in w cells when joined by a
// separator of sep cells: every pinned one that fits, then keys in order
// of priority, skipping any that does not fit. They come back as keys
// then pinned, each in its given order.
func fitHelp(keys, pinned []key.Binding, w, sep int) []key.Binding {
	used := 0
	fits := func(b key.Binding) bool {
		if !b.Enabled() {
			return false
		}
		n := width(b.Help().Key) + 1 + width(b.Help().Desc)
		if used > 0 {
			n += sep
		}
		if used+n > w {
			return false
		}
		used += n
		return true
	}
	var tail []key.Binding
	for _, b := range pinned {
		if fits(b) {
			tail = append(tail, b)
		}
	}
	var out []key.Binding
	for _, b := range keys {
		if fits(b) {
			out = append(out, b)
		}
	}
	return append(out, tail...)
}

// contextHelp is the short help for what has the keys now (the filter
// input, an overlay, or the panes): keys in order of priority, and the
// pinned ones shown whenever they fit.
func (m *Model) contextHelp() (keys, pinned []key.Binding) {
	k := &m.keys
	as := func(b key.Binding, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, desc))
	}
	switch {
	case m.filter.active:
		return []key.Binding{as(k.Open, "apply"), as(k.Back, "clear"), filterMoveHelp(k)},
			[]key.Binding{k.ForceQuit}
	case m.detail.search.active:
		return []key.Binding{as(k.Open, "keep"), as(k.Back, "cancel")}, []key.Binding{k.ForceQuit}
	case m.over == linksOverlay:
		return []key.Binding{config.Pair(k.Down, k.Up, "move"), as(k.Open, "open"),
			countHelp(k, k.Open), k.Copy}, []key.Binding{as(k.Back, "close"), k.Quit}
	case m.over == commandsOverlay:
		return []key.Binding{config.Pair(k.Down, k.Up, "move"), as(k.Open, "run")},
			[]key.Binding{as(k.Back, "cancel"), k.Quit}
	case m.over == savedOverlay:
		return []key.Binding{config.Pair(k.Down, k.Up, "move"), as(k.Open, "apply")},
			[]key.Binding{as(k.Back, "close"), k.Quit}
	case m.over == skippedOverlay:
		return []key.Binding{config.Pair(k.Down, k.Up, "scroll"), as(k.Edit, "edit the top file"), k.PageDown},
			[]key.Binding{as(k.Back, "close"), k.Quit}
	case m.over != noOverlay:
		return []key.Binding{config.Pair(k.Down, k.Up, "scroll"), k.PageDown},
			[]key.Binding{as(k.Back, "close"), k.Quit}
	case m.focus == focusDetail && m.detail.search.q != nil:
		// Reading with a search kept: its keys first.
		return []key.Binding{config.Pair(k.NextMatch, k.PrevMatch, "next/previous match"),
			as(k.Back, "clear search"), as(k.Find, "search"), config.Pair(k.Down, k.Up, "scroll"),
			k.OpenBrowser, k.PageDown}, []key.Binding{k.Help, k.Quit}
	case m.focus == focusDetail:
		// Reading: leaving, searching, the article's links, then the rest.
		return []key.Binding{config.Pair(k.Down, k.Up, "scroll"), as(k.Back, "list"), as(k.Find, "search"),
			k.OpenBrowser, countHelp(k, k.OpenBrowser), k.HistoryBack, k.Copy, k.LinkPicker, k.PageDown}, []key.Binding{k.Help, k.Quit}
	}
	// The list: what a newcomer needs to find and read an article, then
	// one key each for the features they would not guess.
	keys = []key.Binding{config.Pair(k.Down, k.Up, "move"), k.Open, k.Filter, k.OpenBrowser}
	if m.rows.on {
		keys = append(keys, k.Expand)
	}
	return append(keys, k.Copy, k.Timeline), []key.Binding{k.Help, k.Quit}
}

// filterMoveHelp is the help for moving while the filter is typed in: the
// up and down keys that do not type text (handleFilterKey).
func filterMoveHelp(k *config.KeyMap) key.Binding {
	var names []string
	for _, b := range []key.Binding{k.Up, k.Down} {
		for _, name := range b.Keys() {
			if !textKey(name) {
				names = append(names, name)
				break
			}
		}
	}
	if len(names) == 0 {
		return key.NewBinding(key.WithDisabled())
	}
	return key.NewBinding(key.WithKeys(names...), key.WithHelp(strings.Join(names, "/"), "move"))
}

// countHelp is the help for opening a link by number: a count, then open
// ("3 o"). A digit, not "N", which is a key of its own (previous match).
func countHelp(k *config.KeyMap, open key.Binding) key.Binding {
	o := firstKey(open)
	if firstKey(k.Count) == "" || o == "" {
		return key.NewBinding(key.WithDisabled())
	}
	return key.NewBinding(key.WithKeys(k.Count.Keys()...), key.WithHelp("3 "+o, "open link 3"))
}

// prefixHint shows the count or first key being typed, and for a count
// what it will do: "12: o opens link 12, esc cancels".
func (m *Model) prefixHint() string {
	p, k := m.prefix, &m.keys
	if p.count == 0 || p.seq != "" {
		return p.String()
	}
	hint := p.String() + ":"
	if o := firstKey(k.OpenBrowser); o != "" {
		hint += fmt.Sprintf(" %s opens link %d,", o, p.count)
	}
	if d := firstKey(k.Down); d != "" {
		hint += fmt.Sprintf(" %s moves %d,", d, p.count)
	}
	if b := firstKey(k.Back); b != "" {
		return hint + " " + b + " cancels"
	}
	return strings.TrimSuffix(hint, ",")
}
