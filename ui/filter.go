package ui

import (
	"context"
	"regexp"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/feed/search"
	"github.com/herald-reader/herald/internal/textsafe"
)

// Matcher runs one search of the text typed after `/` (the query
// language over the search index, see queryMatcher). It runs in a
// tea.Cmd, off the UI goroutine, so it may take tens of milliseconds on
// 100,000 articles. It returns the matching articles in the order they
// should be shown, or an error whose text is shown as a hint (a query
// that cannot be parsed). It gives up when ctx ends: the next keystroke
// cancels the search of the one before.
// A search that runs long hands preview its first rows before it ends
// (see search.Preview), at most once.
type Matcher func(ctx context.Context, query string, preview func([]*feed.Article)) ([]*feed.Article, error)

// A search of a short word at a million articles runs most of a second;
// its first rows are on the screen after previewAfter. previewRows is a
// few screens of them: the user sees the first screenful, and the rest
// waits for the whole result.
const (
	previewAfter = 30 * time.Millisecond
	previewRows  = 256
)

// filter is the `/` input and the state of the current query. Each change
// of the query bumps gen; a result carries the gen it was computed for and
// older ones are dropped (the user typed on meanwhile).
type filter struct {
	input textinput.Model
	// active: the input has focus (keys go to it, global keys are off).
	active bool
	// query is the applied query ("" = no filter).
	query string
	// lit is the pattern of query's words (highlight.go), built for the
	// query litFor.
	lit    *regexp.Regexp
	litFor string
	gen    int
	// cancel stops the search of gen, which a newer one replaces.
	cancel context.CancelFunc
	// running: a match for gen is in flight; dirty: the articles changed
	// while it ran (loading), so match again when it lands; slow: it has
	// run for slowAfter, and the status line says so.
	running, dirty, slow bool
	slowAfter            time.Duration
	hint                 string
	// ranked: the applied query has free words, so the default sort
	// orders by relevance (see Model.sortName).
	ranked bool
	// showing is the query whose results the list shows; previewTop is
	// the row a preview of the running search put the cursor on (nil for
	// none): the result keeps the cursor where the user took it from there.
	showing    string
	previewTop *feed.Article
	// always: search even with no text typed (a view or a sort is on);
	// search builds the Matcher for each run (query.go).
	always bool
	search func() Matcher
}

// applied reports whether the list shows search results rather than
// every article.
func (f *filter) applied() bool { return f.query != "" || f.always }

func newFilter(search func() Matcher, slowAfter time.Duration) *filter {
	in := textinput.New()
	in.Prompt = "/"
	in.CharLimit = 256
	// A static cursor: a blinking one would redraw the screen twice a
	// second for nothing.
	in.Cursor.SetMode(cursor.CursorStatic)
	return &filter{input: in, search: search, slowAfter: slowAfter}
}

// noteSlow marks the search of msg.gen slow if it is still running.
func (f *filter) noteSlow(msg searchSlowMsg) tea.Cmd {
	f.slow = f.running && msg.gen == f.gen
	return nil
}

// shown is whether the filter occupies the list header.
func (f *filter) shown() bool { return f.active || f.query != "" }

// open focuses the input, keeping the applied query for editing.
func (f *filter) open() tea.Cmd {
	f.active = true
	f.input.CursorEnd()
	return f.input.Focus()
}

// close blurs the input; the query stays applied.
func (f *filter) close() {
	f.active = false
	f.input.Blur()
}

// update feeds a key to the input and reports whether the text changed.
func (f *filter) update(msg tea.Msg) (changed bool, cmd tea.Cmd) {
	before := f.input.Value()
	f.input, cmd = f.input.Update(msg)
	return f.input.Value() != before, cmd
}

// run starts matching the input's text, or returns nil when the text is
// empty (the caller shows everything at once).
func (f *filter) run() tea.Cmd {
	if f.cancel != nil {
		// At a million articles the search of a short word takes most of
		// a second: left running, the searches of a word typed quickly
		// would share the cores with the one the user waits for.
		f.cancel()
		f.cancel = nil
	}
	f.gen++
	f.slow, f.previewTop = false, nil
	f.query = strings.TrimSpace(f.input.Value())
	f.dirty = false
	q, err := search.ParseQuery(f.query, time.Time{}) // no date matters here
	f.ranked = err == nil && q.Ranked()
	if f.query == "" && !f.always {
		f.running = false
		f.hint = ""
		return nil
	}
	f.running = true
	ctx, cancel := context.WithCancel(context.Background())
	f.cancel = cancel
	gen, query, match := f.gen, f.query, f.search()
	search := func() tea.Msg {
		// Room for a preview and the result: the search never waits.
		results := make(chan filterResultMsg, 2)
		go func() {
			res, err := match(ctx, query, func(first []*feed.Article) {
				results <- filterResultMsg{gen: gen, articles: first, preview: true}
			})
			results <- filterResultMsg{gen: gen, articles: res, err: err}
		}()
		return awaitResult(ctx, results)
	}
	if f.slowAfter <= 0 {
		return search
	}
	return tea.Batch(search, tea.Tick(f.slowAfter, func(time.Time) tea.Msg { return searchSlowMsg{gen: gen} }))
}

// awaitResult is the next message of a search: a preview, which brings
// the Cmd that waits for the result, or the result; nil when a newer
// search replaced it, whose result counts.
func awaitResult(ctx context.Context, results chan filterResultMsg) tea.Msg {
	msg := <-results
	if ctx.Err() != nil {
		return nil
	}
	if msg.preview {
		msg.next = func() tea.Msg { return awaitResult(ctx, results) }
	}
	return msg
}

// view is the header text for the list pane while the filter is shown,
// at most w cells.
func (f *filter) view(s *Styles, w int) string {
	if f.active {
		// The prompt and the cursor cell come on top of Width.
		f.input.Width = max(1, w-width(f.input.Prompt)-1)
		return f.input.View()
	}
	return s.Match.Render("/" + textsafe.Line(f.query))
}

// applyFilter runs the query now in the input. An empty query shows every
// article at once.
func (m *Model) applyFilter() tea.Cmd {
	cmd := m.filter.run()
	if cmd == nil {
		return m.showArticles(m.unfiltered())
	}
	return cmd
}

// clearFilter drops the query and shows every article, keeping the cursor
// on the selected one.
func (m *Model) clearFilter() tea.Cmd {
	m.filter.input.SetValue("")
	m.status.clearFilterStatus()
	return m.applyFilter()
}

// handleFilterResult shows the matches of the current query (their rows
// may be grouped in a Cmd, see rows.go); results of an older query are
// dropped. A query that cannot be parsed empties the list, which shows
// the hint.
func (m *Model) handleFilterResult(msg filterResultMsg) tea.Cmd {
	f := m.filter
	if msg.gen != f.gen {
		return nil
	}
	m.debug("filter: %d results of %q, preview %v", len(msg.articles), f.query, msg.preview)
	if msg.preview {
		return tea.Batch(m.showPreview(msg.articles), msg.next)
	}
	f.running, f.slow = false, false
	if f.cancel != nil {
		f.cancel() // done; releases the context
		f.cancel = nil
	}
	var show tea.Cmd
	if msg.err != nil {
		f.hint = textsafe.Line(msg.err.Error())
		m.setArticles(nil, nil)
		show = m.list.cursorMoved()
	} else {
		f.hint = ""
		top := m.newQueryBestFirst()
		if f.previewTop != nil && m.list.Selected() != f.previewTop {
			top = false // the user moved on from the preview's first row
		}
		f.previewTop = nil
		if top {
			show = m.showBestFirst(msg.articles)
		} else {
			show = m.showArticles(msg.articles)
		}
	}
	f.showing = f.query
	var again tea.Cmd
	if f.dirty {
		again = f.run()
	}
	return tea.Batch(again, show)
}

// showPreview shows the first rows of a search still running, best
// first for a new query as its result will be; the status line says it
// is still searching rather than count the rows of a preview.
func (m *Model) showPreview(first []*feed.Article) tea.Cmd {
	f := m.filter
	f.hint, f.slow = "", true
	var show tea.Cmd
	if m.newQueryBestFirst() {
		show = m.showBestFirst(first)
	} else {
		show = m.showArticles(first)
	}
	f.previewTop = m.list.Selected()
	return show
}

// newQueryBestFirst reports whether the rows of the applied query are a
// new query's best matches, shown with the cursor on the first.
func (m *Model) newQueryBestFirst() bool {
	return m.filter.query != m.filter.showing && m.sortName() == bestMatch
}

// refilter matches again after the article set changed (loading). One
// match runs at a time; changes during it mark it dirty.
func (m *Model) refilter() tea.Cmd {
	if !m.filter.applied() {
		return nil
	}
	if m.filter.running {
		m.filter.dirty = true
		return nil
	}
	return m.filter.run()
}
