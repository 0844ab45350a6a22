package ui

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	xansi "github.com/charmbracelet/x/ansi"

	"github.com/herald-reader/herald/internal/textsafe"
	"github.com/herald-reader/herald/ui/find"
)

// The search inside the open article, as in less and vim: with the detail
// pane focused, the find key opens a prompt in the pane's header that
// searches as it is typed; enter keeps the search, back (esc) drops it and
// returns to where the reader was; next and previous match step through
// the matches, wrapping at the ends. It searches the lines the pane shows,
// without their escapes (find.Text strips them once per render, not per
// keystroke), so it finds what the reader sees, case ignored.

// articleSearch is the detail pane's search. Another article clears it.
type articleSearch struct {
	input textinput.Model
	// active: the prompt has the keys.
	active bool
	// query is the search (the prompt's text while active); q is it
	// compiled, nil for none.
	query string
	q     *find.Query
	// text is the pane's lines, replaced whenever they change; matches
	// are q's in it, in reading order; current is the one the reader is
	// on (an index into matches when there are any).
	text    *find.Text
	matches []find.Match
	current int
	// from is the pane's scroll offset when the prompt opened: each
	// keystroke searches on from there, and cancelling goes back to it.
	from int
}

func newArticleSearch() articleSearch {
	in := textinput.New()
	in.Prompt = "/"
	in.CharLimit = 256
	in.Cursor.SetMode(cursor.CursorStatic) // no redraws twice a second
	return articleSearch{input: in}
}

// setText searches the lines the pane now shows (a render landed, the
// width or the lead image changed); the reader stays on the same match
// number, or the last one when there are fewer now. The preview shown
// while a new width renders has none, and changes nothing.
func (s *articleSearch) setText(lines []string, first int) {
	s.text = find.NewText(lines, first)
	s.matches = s.text.All(s.q)
	if len(s.matches) > 0 {
		s.current = min(s.current, len(s.matches)-1)
	}
}

// reset drops the search (another article is shown). An open prompt
// stays open, emptied: the keys typed into it must not become commands.
func (s *articleSearch) reset() {
	s.input.SetValue("")
	s.query, s.q, s.matches, s.current, s.from = "", nil, nil, 0, 0
}

// label is what the header says of the search: "match 2/7", "no match",
// or "" when there is no search.
func (s *articleSearch) label() string {
	switch {
	case s.q == nil:
		return ""
	case len(s.matches) == 0:
		return "no match"
	}
	return fmt.Sprintf("match %d/%d", s.current+1, len(s.matches))
}

// prompt is the search's part of the header, at most w cells: the input
// while typing, else the kept search; "" when there is none.
func (s *articleSearch) prompt(st *Styles, w int) string {
	if s.active {
		// The prompt and the cursor cell come on top of Width.
		s.input.Width = max(1, w-width(s.input.Prompt)-1)
		return s.input.View()
	}
	if s.q == nil {
		return ""
	}
	return st.Match.Render("/" + textsafe.Line(s.query))
}

// mark shows the matches on lines, the pane's lines from top on: each in
// the match style, the current one in its own, and a marker in the left
// margin of the current one's line, which shows it without colour too.
// lines is not changed.
func (s *articleSearch) mark(lines []string, top int, st *Styles) []string {
	ms := s.matches
	i := sort.Search(len(ms), func(i int) bool { return ms[i].Line >= top })
	if i == len(ms) || ms[i].Line >= top+len(lines) {
		return lines
	}
	out := slices.Clone(lines)
	on, cur := sgrOf(st.Match), sgrOf(st.CurrentMatch)
	for i < len(ms) && ms[i].Line < top+len(lines) {
		line, here := ms[i].Line, false
		var spans []find.Span
		for ; i < len(ms) && ms[i].Line == line; i++ {
			sgr := on
			if i == s.current {
				sgr, here = cur, true
			}
			spans = append(spans, find.Span{From: ms[i].From, To: ms[i].To, On: sgr})
		}
		l := find.Mark(out[line-top], spans)
		if here && strings.HasPrefix(find.Plain(l), " ") {
			l = st.Marker.Render(st.MarkerGlyph) + xansi.TruncateLeft(l, 1, "")
		}
		out[line-top] = l
	}
	return out
}

// openSearch opens the prompt, holding the kept search for editing.
func (d *detailPane) openSearch() tea.Cmd {
	s := &d.search
	s.active, s.from = true, d.vp.YOffset
	s.input.CursorEnd()
	return s.input.Focus()
}

// searchTyped searches the prompt's text and shows the first match from
// where the reader was when the prompt opened (wrapping to the top), or
// that place again when nothing matches.
func (d *detailPane) searchTyped() {
	s := &d.search
	s.query = s.input.Value()
	s.q = find.Compile(s.query)
	s.matches = s.text.All(s.q)
	d.vp.SetYOffset(s.from)
	if len(s.matches) == 0 {
		s.current = 0
		return
	}
	s.current = sort.Search(len(s.matches), func(i int) bool { return s.matches[i].Line >= s.from })
	if s.current == len(s.matches) {
		s.current = 0
	}
	d.reveal()
}

// acceptSearch closes the prompt, keeping the search (none when blank).
func (d *detailPane) acceptSearch() {
	if d.search.q == nil {
		d.clearSearch()
		return
	}
	d.search.active = false
	d.search.input.Blur()
}

// cancelSearch drops the search and returns to where the reader was
// when the prompt opened.
func (d *detailPane) cancelSearch() {
	from := d.search.from
	d.clearSearch()
	d.vp.SetYOffset(from)
}

// clearSearch drops the search and closes the prompt.
func (d *detailPane) clearSearch() {
	d.search.reset()
	d.search.active = false
	d.search.input.Blur()
}

// step moves n matches on (back when n < 0), wrapping at either end, and
// reports whether it wrapped. From a current match scrolled out of sight
// it steps from the screen instead, as less does: n finds the first match
// from the top of the screen, N the last one above its bottom.
func (d *detailPane) step(n int) (wrapped bool) {
	s := &d.search
	c := len(s.matches)
	if c == 0 {
		return false
	}
	at, top, h := s.current, d.vp.YOffset, d.vp.Height
	if l := s.matches[at].Line; l < top || l >= top+h {
		if n > 0 {
			at = sort.Search(c, func(i int) bool { return s.matches[i].Line >= top }) - 1
		} else {
			at = sort.Search(c, func(i int) bool { return s.matches[i].Line >= top+h })
		}
	}
	next := at + n
	s.current = ((next % c) + c) % c
	d.reveal()
	return next < 0 || next >= c
}

// reveal scrolls the current match into sight when it is not: a third
// of the page down, so the lines before it give context.
func (d *detailPane) reveal() {
	line, top, h := d.search.matches[d.search.current].Line, d.vp.YOffset, d.vp.Height
	if line < top || line >= top+h {
		d.vp.SetYOffset(max(0, line-h/3))
	}
}

// handleSearchKey: the prompt has the keys. Enter keeps the search, back
// drops it; every other key is text.
func (m *Model) handleSearchKey(msg tea.KeyMsg) tea.Cmd {
	d, k := m.detail, &m.keys
	switch {
	case keyIs(msg, k.Open):
		d.acceptSearch()
		return nil
	case keyIs(msg, k.Back):
		d.cancelSearch()
		return nil
	}
	before := d.search.input.Value()
	var cmd tea.Cmd
	d.search.input, cmd = d.search.input.Update(msg)
	if d.search.input.Value() != before {
		d.searchTyped()
	}
	return cmd
}

// handleDetailKey handles the keys the focused detail pane gives its own
// meaning: find opens the search (in the list the same key filters),
// next and previous match step through it, and back drops a kept search
// before it leaves the pane. count steps that many matches.
func (m *Model) handleDetailKey(msg tea.KeyMsg, count int) (tea.Cmd, bool) {
	d, k := m.detail, &m.keys
	switch {
	case keyIs(msg, k.Find) && d.article != nil:
		return d.openSearch(), true
	case keyIs(msg, k.Back) && d.search.q != nil:
		d.clearSearch()
		return nil, true
	case !keyIs(msg, k.NextMatch, k.PrevMatch):
		return nil, false
	case d.search.q == nil:
		if f := firstKey(k.Find); f != "" {
			m.status.set("no search: %s searches the article", f)
		}
		return nil, true
	case len(d.search.matches) == 0:
		m.status.set("no match for %q", textsafe.Line(d.search.query))
		return nil, true
	}
	n := max(count, 1)
	if keyIs(msg, k.PrevMatch) {
		n = -n
	}
	if d.step(n) {
		end := "top"
		if n < 0 {
			end = "bottom"
		}
		m.status.set("search wrapped to the %s", end)
	}
	return nil, true
}
