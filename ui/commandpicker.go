package ui

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/internal/textsafe"
)

// commandPicker lists the pipe commands by name when there are several;
// the article is the one selected when the pipe key was pressed, so a
// reload under the open picker cannot change what is handed on.
type commandPicker struct {
	cursor  int
	article *feed.Article
}

// handleCommandKey: the cursor keys move, open runs the command under the
// cursor (or command N after a count N), back cancels.
func (m *Model) handleCommandKey(msg tea.KeyMsg, count int) tea.Cmd {
	h := &m.handoff
	i, cmd := m.pickNumbered(msg, count, &h.picking.cursor, len(h.commands), 0, "command", m.keys.Pipe)
	if i < 0 {
		return cmd
	}
	return m.runPipe(h.commands[i], h.picking.article)
}

// pickNumbered handles a key in a picker of n numbered entries: the cursor
// keys move (page entries per page; 0 for none), open chooses the entry
// under the cursor or entry N after a count N, back or one of closers
// closes. It returns the chosen index, or -1 and the Cmd to run (quit).
func (m *Model) pickNumbered(msg tea.KeyMsg, count int, cursor *int, n, page int, noun string, closers ...key.Binding) (int, tea.Cmd) {
	k := &m.keys
	if !keyIs(msg, k.Top, k.Bottom, k.Open) || count == 0 {
		var moved bool
		if *cursor, moved = navigate(k, msg, *cursor, n, page, count); moved {
			return -1, nil
		}
	}
	switch {
	case keyIs(msg, k.Quit):
		return -1, tea.Quit
	case keyIs(msg, k.Back) || keyIs(msg, closers...):
		m.over = noOverlay
	case keyIs(msg, k.Open) && count > n:
		m.status.set("No %s %d: there are %d.", noun, count, n)
	case keyIs(msg, k.Open):
		m.over = noOverlay
		if count > 0 {
			return count - 1, nil
		}
		return *cursor, nil
	}
	return -1, nil
}

func (p *commandPicker) view(cmds []PipeCommand, w, h int, s *Styles) []string {
	if h <= 0 {
		return nil
	}
	title := "Hand the article to"
	if p.article != nil {
		title += ": " + textsafe.Line(p.article.Title)
	}
	out := []string{fit(s.Overlay.Render(title), w, s.Ellipsis)}
	rows := max(1, h-1)
	start := p.cursor / rows * rows
	for i := start; i < len(cmds) && len(out) < h; i++ {
		marker := "  "
		if i == p.cursor {
			marker = s.Marker.Render(s.MarkerGlyph) + " "
		}
		num := s.Link.Render(fmt.Sprintf("%2d", i+1))
		what := "markdown"
		if cmds[i].URL {
			what = "url"
		}
		line := marker + num + " " + textsafe.Line(cmds[i].Name) + "  " +
			s.Header.Render(textsafe.Line(shortCommand(cmds[i].Argv))+", reads "+what)
		out = append(out, fit(line, w, s.Ellipsis))
	}
	return append(out, fitSlice(nil, w, h-len(out))...)
}
