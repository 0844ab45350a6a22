package ui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/herald-reader/herald/config"
	"github.com/herald-reader/herald/feed"
)

// textOverlay is a full-body panel of text lines with a title, scrolled by
// line; the help screen and the skipped-files panel are both one. With
// wrap, long lines are wrapped at draw time, so only the visible lines are
// wrapped, however many there are.
type textOverlay struct {
	title  string
	lines  []string
	offset int
	wrap   bool
}

func (o *textOverlay) setLines(lines []string) {
	o.lines, o.offset = lines, 0
}

// scroll moves the first shown line; h is the overlay's height.
func (o *textOverlay) scroll(msg tea.KeyMsg, k *config.KeyMap, h int) {
	page := max(1, h-2)
	last := max(0, len(o.lines)-1)
	switch {
	case keyIs(msg, k.Down):
		o.offset++
	case keyIs(msg, k.Up):
		o.offset--
	case keyIs(msg, k.PageDown):
		o.offset += page
	case keyIs(msg, k.PageUp):
		o.offset -= page
	case keyIs(msg, k.Top):
		o.offset = 0
	case keyIs(msg, k.Bottom):
		o.offset = last
	}
	o.offset = min(max(0, o.offset), last)
}

func (o *textOverlay) view(w, h int, s *Styles) []string {
	if h <= 0 {
		return nil
	}
	pos := ""
	if len(o.lines) > h-1 {
		pos = fmt.Sprintf("%d/%d", o.offset+1, len(o.lines))
	}
	out := []string{leftRight(s.Overlay.Render(o.title), s.Header.Render(pos), w, s.Ellipsis)}
	for i := o.offset; i < len(o.lines) && len(out) < h; i++ {
		line := o.lines[i]
		if !o.wrap {
			out = append(out, fit(line, w, s.Ellipsis))
			continue
		}
		for j, part := range strings.Split(ansi.Wrap(line, max(1, w-4), " /"), "\n") {
			pad := "  "
			if j > 0 {
				pad = "    "
			}
			if len(out) < h {
				out = append(out, fit(pad+part, w, s.Ellipsis))
			}
		}
	}
	return append(out, fitSlice(nil, w, h-len(out))...)
}

// helpLines is the full help, generated from the key map: one group per
// block, each enabled binding as "keys  description".
func helpLines(k *config.KeyMap) []string {
	var lines []string
	for _, group := range k.FullHelp() {
		var block []string
		for _, b := range group {
			if !b.Enabled() {
				continue
			}
			block = append(block, fmt.Sprintf("  %-14s %s", b.Help().Key, b.Help().Desc))
		}
		if len(block) == 0 {
			continue
		}
		if len(lines) > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, block...)
	}
	return append(lines, "", "  esc or ? closes this help")
}

// skippedLines lists every file the loader skipped, with its reason.
func (m *Model) skippedLines() []string {
	probs := m.lib.Skipped()
	if len(probs) == 0 {
		return []string{"  No file was skipped."}
	}
	lines := make([]string, len(probs))
	for i, p := range probs {
		lines[i] = feed.SanitizeLine(p.String())
	}
	return lines
}
