package ui

import (
	"fmt"

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
	k, h := &m.keys, &m.handoff
	p := &h.picking
	if !keyIs(msg, k.Top, k.Bottom, k.Open) || count == 0 {
		var moved bool
		if p.cursor, moved = navigate(k, msg, p.cursor, len(h.commands), 0, count); moved {
			return nil
		}
	}
	switch {
	case keyIs(msg, k.Quit):
		return tea.Quit
	case keyIs(msg, k.Back, k.Pipe):
		m.over = noOverlay
	case keyIs(msg, k.Open) && count > len(h.commands):
		m.status.set("No command %d: there are %d.", count, len(h.commands))
	case keyIs(msg, k.Open):
		m.over = noOverlay
		i := p.cursor
		if count > 0 {
			i = count - 1
		}
		return m.runPipe(h.commands[i], p.article)
	}
	return nil
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
