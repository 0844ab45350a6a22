package ui

import (
	"errors"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/ui/clipboard"
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

// copySelected copies the selected article's URL.
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
	return m.copyText(a.URL())
}

// copyPicked copies the link under the link picker's cursor; the picker
// stays open, so several links can be copied in a row.
func (m *Model) copyPicked() tea.Cmd {
	p := m.picker
	if p.cursor < 0 || p.cursor >= len(p.links) {
		return nil
	}
	return m.copyText(p.links[p.cursor].URL)
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
	m.status.set("copied %s (%s)", msg.text, msg.how)
	return nil
}
