package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/herald-reader/herald/config"
	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/internal/plural"
	"github.com/herald-reader/herald/internal/textsafe"
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
	// files[i] is the file lines[i] names, if any (the skipped-files
	// panel), for the edit key.
	files []feed.Problem
}

func (o *textOverlay) setLines(lines []string) {
	o.lines, o.offset = lines, 0
}

// scroll moves the first shown line; h is the overlay's height.
func (o *textOverlay) scroll(msg tea.KeyMsg, k *config.KeyMap, h, count int) {
	o.offset, _ = navigate(k, msg, o.offset, max(1, len(o.lines)), max(1, h-2), count)
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

// helpLines is the full help, generated from the key map: one block per
// group, each enabled binding as "keys  description". When the blocks do
// not fit in h lines they are set side by side in columns, if w allows;
// otherwise they stay in one column that scrolls.
func helpLines(k *config.KeyMap, w, h int) []string {
	var blocks [][]string
	keyW := 0
	for _, group := range k.FullHelp() {
		for _, b := range group {
			if b.Enabled() {
				keyW = max(keyW, width(b.Help().Key))
			}
		}
	}
	colW := 0
	for _, group := range k.FullHelp() {
		var block []string
		for _, b := range group {
			if !b.Enabled() {
				continue
			}
			line := "  " + b.Help().Key + strings.Repeat(" ", keyW-width(b.Help().Key)+2) + b.Help().Desc
			colW = max(colW, width(line)+2)
			block = append(block, line)
		}
		if len(block) > 0 {
			blocks = append(blocks, block)
		}
	}
	footer := "  " + closeHint(k.Back, k.Help) + " closes this help"
	var single []string
	for i, b := range blocks {
		if i > 0 {
			single = append(single, "")
		}
		single = append(single, b...)
	}
	single = append(single, "", footer)
	if len(single) <= h {
		return single
	}
	// Pack whole blocks into columns of at most h-2 lines.
	var cols [][]string
	var col []string
	for _, b := range blocks {
		need := len(b)
		if len(col) > 0 {
			need++
		}
		if len(col) > 0 && len(col)+need > h-2 {
			cols = append(cols, col)
			col = nil
		}
		if len(col) > 0 {
			col = append(col, "")
		}
		col = append(col, b...)
	}
	cols = append(cols, col)
	if len(cols)*colW > w {
		return single
	}
	var out []string
	for row := 0; ; row++ {
		var line strings.Builder
		any := false
		for _, c := range cols {
			cell := ""
			if row < len(c) {
				cell, any = c[row], true
			}
			line.WriteString(cell + strings.Repeat(" ", colW-width(cell)))
		}
		if !any {
			break
		}
		out = append(out, strings.TrimRight(line.String(), " "))
	}
	return append(out, "", footer)
}

// openSkipped fills the skipped-files panel: the files the loader
// skipped, the warnings of the files that loaded, the records that are
// not articles, then the damaged lines of the reading state's log, each
// with its path, line and reason. Every line is sanitised: a path may
// hold anything, terminal escapes included.
func (m *Model) openSkipped() {
	files := m.lib.Skipped()
	lines := make([]string, 0, len(files))
	var named []feed.Problem // the file of each line, aligned with lines
	for _, p := range files {
		lines = append(lines, textsafe.Line(p.String()))
		named = append(named, p)
	}
	if len(lines) == 0 {
		lines = append(lines, "No file was skipped.")
	}
	section := func(heading string, ps []feed.Problem) {
		if len(ps) == 0 {
			return
		}
		lines = append(lines, "", heading)
		named = append(named, feed.Problem{}, feed.Problem{})
		for _, p := range ps {
			lines = append(lines, textsafe.Line(p.String()))
			named = append(named, p)
		}
	}
	warnings := feed.Warnings(m.lib.arts)
	section(fmt.Sprintf("Warnings (%d; these files load, with what could be read):", len(warnings)), warnings)
	section(fmt.Sprintf("Not articles (%d; no date and no link, not listed):", len(m.lib.notArticles)), m.lib.notArticles)
	title := fmt.Sprintf("Skipped files (%d)", len(files))
	if st := m.reading.store; st != nil {
		if probs := st.Problems(); len(probs) > 0 {
			title += ", reading state"
			if n := st.Damaged(); n > 0 {
				title = fmt.Sprintf("%s (%d damaged %s)", title, n, plural.Noun(n, "line"))
			}
			if len(lines) > 0 {
				lines = append(lines, "")
			}
			lines = append(lines, "Reading state (a damaged line is skipped: the mark it held is lost):")
			for _, p := range probs {
				lines = append(lines, textsafe.Line(p))
			}
		}
	}
	m.skipped.setLines(lines)
	m.skipped.files = named
	m.skipped.title = title
	m.over = skippedOverlay
}

// seeSkipped points the status line at the skipped-files panel, by its
// key (nothing when the key is unbound).
func (m *Model) seeSkipped() string {
	if !m.keys.Skipped.Enabled() || len(m.keys.Skipped.Keys()) == 0 {
		return ""
	}
	return fmt.Sprintf(" (%s lists them)", m.keys.Skipped.Help().Key)
}

// closeHint names the first key of each enabled binding ("esc or ?"), for
// the line that says how to leave a panel.
func closeHint(bs ...key.Binding) string {
	var names []string
	for _, b := range bs {
		if n := firstKey(b); n != "" {
			names = append(names, n)
		}
	}
	return strings.Join(names, " or ")
}

// fileAtTop is the first file named at or below the panel's top line.
func (o *textOverlay) fileAtTop() (feed.Problem, bool) {
	for i := o.offset; i < len(o.files); i++ {
		if o.files[i].Path != "" {
			return o.files[i], true
		}
	}
	return feed.Problem{}, false
}
