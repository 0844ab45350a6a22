package ui

import (
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/list"
	"github.com/charmbracelet/bubbles/paginator"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/config"
	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/feed/search"
	"github.com/herald-reader/herald/internal/textsafe"
	"github.com/herald-reader/herald/ui/render"
)

// item is one article in the bubbles list. It holds only the pointer, so
// an []list.Item of 100,000 articles costs one word per article.
type item struct{ a *feed.Article }

// storyRow is how a row of a story is drawn (stories.go): more is
// how many other articles tell the story (its row shows "+more"); member
// is a row of an expanded story, indented under the story's row. It is
// kept beside the items, so an item stays one pointer (no allocation per
// row when 100,000 are listed).
type storyRow struct {
	more   int
	member bool
}

// FilterValue implements list.Item. The list's own filter is off (ours
// runs in a Cmd, see filter.go); this is what it would match on.
func (i item) FilterValue() string { return i.a.Title }

// listPane wraps a bubbles list.Model. The list keeps the cursor, the
// page and the visible items; the wrapper drives it with our key map,
// draws the header, and notices when the selected article changed so the
// detail pane can follow (cursorMovedMsg).
//
// Speed at 100,000 items: the list's filter is disabled, so VisibleItems
// is the items slice itself (no O(n) copy per key press); SetItems is only
// called when the item set changes (a batch, a filter result), never per
// key; pagination is Arabic (dots would build one glyph per page on
// every frame).
type listPane struct {
	list     list.Model
	delegate *delegate
	items    []list.Item
	// shown are the articles the rows show, in order, collapsed story
	// members included (rows grouped by story, see stories.go; else each
	// article is a row).
	shown []*feed.Article
	// members counts the rows of an expanded story other than its own
	// row, so Stories can count stories without a pass over the rows.
	members int
	// selected is the article the last cursorMovedMsg was sent for.
	selected *feed.Article
}

func newListPane(styles *Styles, clock func() time.Time, dates config.Dates) *listPane {
	d := &delegate{styles: styles, clock: clock, dates: dates}
	l := list.New(nil, d, 0, 0)
	l.SetFilteringEnabled(false)
	l.SetShowTitle(false)
	l.SetShowFilter(false)
	l.SetShowStatusBar(false)
	l.SetShowHelp(false)
	l.SetShowPagination(false)
	l.DisableQuitKeybindings()
	l.Paginator.Type = paginator.Arabic
	l.InfiniteScrolling = false
	return &listPane{list: l, delegate: d}
}

// setSize sizes the list for a pane of w x h cells, header included.
func (p *listPane) setSize(w, h int) {
	p.delegate.width = w
	p.list.SetSize(w, max(1, h-1))
}

// Selected is the article under the cursor, or nil.
func (p *listPane) Selected() *feed.Article {
	if it, ok := p.list.SelectedItem().(item); ok {
		return it.a
	}
	return nil
}

// Len is the number of rows: with clustering, a story is one row (plus
// one per article while it is expanded).
func (p *listPane) Len() int { return len(p.items) }

// Articles is the number of articles the rows stand for, the collapsed
// members of a story included.
func (p *listPane) Articles() int { return len(p.shown) }

// Stories is the number of stories among the rows: every row but those
// of an expanded story's other articles.
func (p *listPane) Stories() int { return len(p.items) - p.members }

// setArticles replaces the shown articles, one row each, keeping the
// cursor on keep when it is among them (else on the first). within are
// the types of a set that holds arts (the library's).
func (p *listPane) setArticles(arts []*feed.Article, keep *feed.Article, within shownTypes) {
	items := make([]list.Item, len(arts))
	for i, a := range arts {
		items[i] = item{a: a}
	}
	p.setRows(arts, items, nil, keep, within)
}

// setRows shows arts as the given rows (grouped beforehand, see rows.go),
// keeping the cursor on keep when it is a row (else on the first). within
// are the types of a set that holds arts (the library's).
func (p *listPane) setRows(arts []*feed.Article, items []list.Item, rows map[*feed.Article]storyRow, keep *feed.Article, within shownTypes) {
	p.shown = arts[:len(arts):len(arts)] // appendArticles must copy, not write into the owner's array
	p.delegate.rows = rows
	p.delegate.types = within.of(arts)
	p.members = 0
	for _, r := range rows {
		if r.member {
			p.members++
		}
	}
	p.items = items
	p.list.SetItems(items)
	p.selectArticle(keep)
}

// appendArticles adds articles after the shown ones; the cursor stays on
// the same article because nothing before it moved. found is how many
// articles the load found in all (0: not known).
func (p *listPane) appendArticles(arts []*feed.Article, found int) {
	if len(arts) == 0 {
		return
	}
	idx := p.list.Index()
	p.shown = append(p.shown, arts...)
	p.delegate.types.add(arts)
	if n := len(p.items) + len(arts); n > cap(p.items) {
		// Room for the whole library once its size is known: grown
		// batch by batch, the rows doubled a dozen times, and the list
		// model still held the array before (5 MB live at the end of a
		// load of 100,000 articles, its highest).
		p.items = slices.Grow(p.items, max(n, found)-len(p.items))
	}
	for _, a := range arts {
		p.items = append(p.items, item{a: a})
	}
	p.list.SetItems(p.items)
	p.list.Select(idx)
}

// selectArticle moves the cursor onto a (first row when a is nil or not
// shown). It reports whether a was found.
func (p *listPane) selectArticle(a *feed.Article) bool {
	i := p.indexOf(a)
	if i < 0 {
		p.list.Select(0)
		return false
	}
	p.list.Select(i)
	return true
}

// indexOf is the row of a, -1 when not shown. O(n), used on jumps and
// result swaps only, never per key press.
func (p *listPane) indexOf(a *feed.Article) int {
	if a == nil {
		return -1
	}
	for i, it := range p.items {
		if it.(item).a == a {
			return i
		}
	}
	return -1
}

// move applies a navigation action and reports whether it was one.
func (p *listPane) move(msg tea.KeyMsg, k *config.KeyMap, count int) bool {
	n := len(p.items)
	if n == 0 {
		return false
	}
	i, moved := navigate(k, msg, p.list.Index(), n, max(1, p.list.Paginator.PerPage), count)
	if moved {
		p.list.Select(i)
	}
	return moved
}

// cursorMoved returns a command announcing the selected article when it
// differs from the last one announced.
func (p *listPane) cursorMoved() tea.Cmd {
	a := p.Selected()
	if a == p.selected {
		return nil
	}
	p.selected = a
	return func() tea.Msg { return cursorMovedMsg{article: a} }
}

// position is the page position shown in the header ("page 3/10000").
func (p *listPane) position() string {
	if len(p.items) == 0 {
		return ""
	}
	return fmt.Sprintf("page %d/%d", p.list.Paginator.Page+1, p.list.Paginator.TotalPages)
}

// lines draws the pane: a header (title or filter, page position) and the
// rows, exactly w x h.
func (p *listPane) lines(w, h int, header string, focused bool, s *Styles) []string {
	if h <= 0 {
		return nil
	}
	pos := p.position()
	hs := s.Header
	if focused {
		hs, header = s.HeaderFocused, s.FocusMark+header
	}
	out := make([]string, 0, h)
	out = append(out, leftRight(hs.Render(header), s.Header.Render(pos), w, s.Ellipsis))
	if h == 1 {
		return out
	}
	var body string
	if len(p.items) > 0 {
		body = p.list.View()
	}
	return append(out, fitLines(body, w, h-1)...)
}

// delegate draws one article as two lines: the title, then provider,
// date and the first topics. It is a pointer so the pane can update its
// width without rebuilding the list.
type delegate struct {
	styles *Styles
	clock  func() time.Time
	dates  config.Dates
	width  int
	// state marks unread and starred rows (stateMark); nil = no marks.
	state search.State
	// rows marks the story rows (stories.go); nil: each row is one article.
	rows map[*feed.Article]storyRow
	// match is the applied query's words, highlighted in titles; nil =
	// none.
	match *regexp.Regexp
	// types are the shown articles' types (see shownTypes): rows name
	// their type once there is more than one, as a site's news, videos
	// and courses are otherwise alike.
	types shownTypes
	// muted marks the rows of muted articles while they are shown (the
	// show-muted key); nil = none is shown.
	muted func(*feed.Article) bool
}

// shownTypes follows the types of the shown articles: the first non-empty
// one, and whether another was seen.
type shownTypes struct {
	first string
	mixed bool
}

// of returns the types of arts, some of the articles whose types t
// are: without reading them when those have one type (arts have it, or
// none). Reading the type of every result of a keystroke cost 2 ms at
// 20,000 results, one cache miss per article.
func (t shownTypes) of(arts []*feed.Article) shownTypes {
	if !t.mixed {
		return t
	}
	var own shownTypes
	own.add(arts)
	return own
}

// add takes in the types of arts.
func (t *shownTypes) add(arts []*feed.Article) {
	for _, a := range arts {
		switch {
		case t.mixed || a.Type == "" || a.Type == t.first:
		case t.first == "":
			t.first = a.Type
		default:
			t.mixed = true
			return
		}
	}
}

// Height implements list.ItemDelegate.
func (d *delegate) Height() int { return 2 }

// Spacing implements list.ItemDelegate.
func (d *delegate) Spacing() int { return 0 }

// Update implements list.ItemDelegate; rows have no behaviour of their own.
func (d *delegate) Update(tea.Msg, *list.Model) tea.Cmd { return nil }

// Render implements list.ItemDelegate.
func (d *delegate) Render(w io.Writer, m list.Model, index int, li list.Item) {
	it, ok := li.(item)
	if !ok {
		return
	}
	a, s := it.a, d.styles
	// Articles are clean on ingest, but rows must stay safe for articles
	// built any other way (TestHostileArticleStructs), so clean again.
	title := textsafe.Line(a.Title)
	if title == "" {
		title = textsafe.Line(a.Rel())
	}
	meta := d.meta(a)
	r := d.rows[a]
	if r.more > 0 {
		title = fmt.Sprintf("+%d %s", r.more, title)
	}
	if r.member {
		title, meta = "  "+title, "  "+meta
	}
	inner := max(0, d.width-2)
	titleStyle, metaStyle, marker := s.Title, s.Meta, "  "
	if index == m.Index() {
		titleStyle, metaStyle = s.Selected, s.SelectedMeta
		marker = s.Marker.Render(s.MarkerGlyph) + " "
	}
	if d.width < 2 {
		marker = ""
		inner = d.width
	}
	pad, mark := "", d.stateMark(a)
	if mark != "" && inner > 2 {
		inner -= 2
		pad = "  "
	} else {
		mark = ""
	}
	line1 := marker + mark + highlightText(fit(title, inner, s.Ellipsis), d.match, titleStyle, s.Match)
	line2 := marker + pad + metaStyle.Render(fit(meta, inner, s.Ellipsis))
	fmt.Fprint(w, line1, "\n", line2)
}

// meta is the second line of a row: "muted" for a muted article shown,
// the type when the shown articles mix types, provider, date, first
// topics.
func (d *delegate) meta(a *feed.Article) string {
	parts := make([]string, 0, 5)
	if d.muted != nil && d.muted(a) {
		parts = append(parts, "muted")
	}
	if d.types.mixed {
		if t := textsafe.Line(a.Type); t != "" {
			parts = append(parts, t)
		}
	}
	if p := textsafe.Line(a.Provider.Name); p != "" {
		parts = append(parts, p)
	} else if dom := textsafe.Line(a.Provider.Domain); dom != "" {
		parts = append(parts, dom)
	}
	if !a.Published.IsZero() {
		if d.dates.Relative || d.dates.Format == "" {
			parts = append(parts, render.Relative(a.Published, d.clock()))
		} else {
			parts = append(parts, textsafe.Line(a.Published.Format(d.dates.Format)))
		}
	}
	if len(a.Topics) > 0 {
		topics := a.Topics[:min(3, len(a.Topics))]
		clean := make([]string, 0, len(topics))
		for _, t := range topics {
			if t = textsafe.Line(t); t != "" {
				clean = append(clean, t)
			}
		}
		parts = append(parts, strings.Join(clean, ", "))
	}
	return strings.Join(parts, d.styles.Dot)
}

// stateMark is the two cells before a row's title: a star for starred, a
// dot for unread (ASCII in plain mode); nothing without a store.
func (d *delegate) stateMark(a *feed.Article) string {
	if d.state == nil {
		return ""
	}
	s := d.styles
	switch {
	case d.state.IsStarred(a.ID):
		if s.Plain {
			return s.Starred.Render("*") + " "
		}
		return s.Starred.Render("★") + " "
	case !d.state.IsRead(a.ID):
		if s.Plain {
			return s.Unread.Render("+") + " "
		}
		return s.Unread.Render("●") + " "
	}
	return "  "
}
