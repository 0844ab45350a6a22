package ui

import (
	"errors"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/herald-reader/herald/ui/browser"
	"github.com/herald-reader/herald/ui/clipboard"
	"github.com/herald-reader/herald/ui/render"
)

// Copier copies a line of text to the user's clipboard (clipboard.Copier:
// OSC 52 on the terminal's output and the system tool). Copy may block on
// the system tool, so it runs in a Cmd.
type Copier interface {
	Copy(text string) (clipboard.Method, error)
}

// copiedMsg is the outcome of a copy.
type copiedMsg struct {
	text string
	how  clipboard.Method
	err  error
}

// copySelected copies the selected article's URL: exactly what o would
// open, after the same check (see articleURL).
func (m *Model) copySelected() tea.Cmd {
	a := m.current()
	switch {
	case a == nil:
		m.status.set("No article selected.")
		return nil
	case a.URL() == "":
		m.status.set("This article has no URL.")
		return nil
	}
	u, err := browser.ArticleURL(a.OriginalURL, a.WebURL)
	if err != nil {
		m.status.setError(fmt.Errorf("refusing to copy: %v", err))
		return nil
	}
	return m.copyText(u)
}

// copyPicked copies the link under the link picker's cursor; the picker
// stays open, so several links can be copied in a row. A link the browser
// would refuse is refused here too: copying it would only move the harm
// to where it is pasted.
func (m *Model) copyPicked() tea.Cmd {
	p := m.picker
	if p.cursor < 0 || p.cursor >= len(p.links) {
		return nil
	}
	u := p.links[p.cursor].URL
	if err := browser.CheckURL(u); err != nil {
		m.status.setError(fmt.Errorf("refusing to copy: %v", err))
		return nil
	}
	return m.copyText(u)
}

func (m *Model) copyText(text string) tea.Cmd {
	c := m.copier
	if c == nil {
		m.status.setError(errors.New("copy: no clipboard configured"))
		return nil
	}
	return func() tea.Msg {
		how, err := c.Copy(text)
		return copiedMsg{text: text, how: how, err: err}
	}
}

func (m *Model) handleCopied(msg copiedMsg) tea.Cmd {
	if msg.err != nil {
		m.status.setError(msg.err)
		return nil
	}
	// The whole URL, shortened in the middle only if the line is too
	// narrow: its end tells pages of one site apart.
	room := m.layout.Width - lipgloss.Width(m.counts()) - len(" copied  ()") - len(msg.how.String())
	m.status.set("copied %s (%s)", render.ShortenURL(msg.text, room, m.styles.Ellipsis), msg.how)
	return nil
}
