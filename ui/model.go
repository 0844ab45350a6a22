// Package ui is Herald's terminal interface, built on Bubble Tea. The root
// Model owns focus and layout and routes each message to a handler: the
// loaded library, its search index and its stories have one owner
// (library.go, fed by load.go and watch.go); the children are the list
// pane (list.go, its story rows in stories.go and rows.go), the detail
// pane (detail.go), the filter (filter.go, query.go), the status line
// (status.go), the help and skipped-files panels and the pickers
// (overlay.go, links.go, sortfacet.go) and the timeline (timeline_pane.go).
//
// Every side effect (loading, filtering, rendering, opening a browser) and
// the library's work over all articles (linking, merging a change,
// indexing, grouping stories) runs in a tea.Cmd and comes back as a typed
// message (messages.go); nothing in Update blocks. All dependencies come
// in through Options.
//
// Start-up is a handshake with the loader (feed.StartGate, passed in as
// Options.StartGate): the first frame that shows articles opens the gate,
// and only then does the loader walk the library and the watcher start,
// so the first screen has the machine to itself.
package ui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/config"
	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/feed/page"
	"github.com/herald-reader/herald/internal/ascii"
	"github.com/herald-reader/herald/internal/textsafe"
	"github.com/herald-reader/herald/ui/render"
)

type paneID int

const (
	focusList paneID = iota
	focusDetail
)

type overlayID int

const (
	noOverlay overlayID = iota
	helpOverlay
	skippedOverlay
	linksOverlay
	facetOverlay
	imageOverlay
	commandsOverlay
	savedOverlay
)

// Model is the root model. It is used through a pointer: children are
// updated in place and Update returns the same *Model.
type Model struct {
	keys   config.KeyMap
	styles *Styles
	clock  func() time.Time
	opener Opener
	conf   config.Layout

	layout Layout
	sized  bool
	focus  paneID
	over   overlayID

	list    *listPane
	detail  *detailPane
	filter  *filter
	help    *textOverlay
	skipped *textOverlay
	picker  *linkPicker
	facets  *facetPicker
	saved   savedPicker
	status  status
	// handoff runs the pipe and editor commands, and sets the title
	// (handoff.go).
	handoff handoff
	// prefix is the count or first key typed before the key that acts.
	prefix keyPrefix
	// reading is the marks, views and sort (state.go).
	reading  reading
	stateErr error

	loader <-chan feed.Batch
	found  func() int // see Options.Found
	watch  <-chan feed.Change
	// lib is the loaded library: its articles, search index and stories
	// (library.go).
	lib      *library
	copier   Copier
	timeline timelinePane
	// rows is how the list groups its rows by story (stories.go).
	rows storyRows
	// history holds the articles left by following a related story, for
	// history_back.
	history []*feed.Article
	follow  time.Duration
	// statusTTL is how long a status message stays (Options.StatusTTL).
	statusTTL time.Duration
	// pending is a link action waiting for the current render.
	pending *pendingLink
	debug   func(format string, args ...any)
	// gate is Options.StartGate until it was opened.
	gate *feed.StartGate
	// reader is reader mode: the pages being fetched (reader.go).
	reader reader
	// imageView is the full-screen image (imageview.go).
	imageView imageView
}

// New builds the root model. Nothing is loaded or rendered until the
// program runs Init.
func New(o Options) *Model {
	if o.Clock == nil {
		o.Clock = time.Now
	}
	styles := o.Styles
	m := &Model{
		keys:   o.Keys,
		styles: &styles,
		clock:  o.Clock,
		opener: o.Opener,
		conf:   o.Layout,
		loader: o.Loader,
		found:  o.Found,
		watch:  o.Watch,
		rows:   storyRows{on: o.Clustering, asyncFrom: asyncRowsFrom},
		copier: o.Copier,
		lib:    newLibrary(o.Loader != nil, o.Clustering, pageText(o.Pages), o.Mute),
		reader: reader{pages: o.Pages, mode: o.Reader},
		debug:  o.Debug,
		follow: o.FollowDelay,

		statusTTL: o.StatusTTL,

		gate: o.StartGate,
	}
	if m.debug == nil {
		m.debug = func(string, ...any) {}
	}
	m.lib.loaderDone, m.lib.loadSettled = o.LoaderDone, o.LoadSettled
	m.list = newListPane(m.styles, o.Clock, o.Dates)
	m.detail = newDetailPane(renderWith(o), o.Clock, m.styles)
	if o.RenderCacheBytes > 0 {
		m.detail.budget = o.RenderCacheBytes
	}
	m.detail.delay = o.RenderDelay
	m.detail.images = newLeadImages(o.Images)
	m.filter = newFilter(m.queryMatcher, o.SearchingAfter)
	m.help = &textOverlay{title: "Keys"}
	m.skipped = &textOverlay{title: "Skipped files", wrap: true}
	m.picker = &linkPicker{}
	m.facets = &facetPicker{}
	m.saved = savedPicker{searches: o.Searches}
	m.handoff = newHandoff(o)
	m.reading = reading{store: o.State, markOnOpen: o.MarkReadOnOpen, openMarks: o.OpenMarksRead}
	m.stateErr = o.StateErr
	if o.State != nil {
		m.list.delegate.state = o.State
	}
	return m
}

// renderWith builds the detail render function from the options: read the
// full article, build its Markdown, render it.
func renderWith(o Options) renderFunc {
	detail := o.Detail
	if detail == nil {
		detail = feed.Detail
	}
	r := o.Renderer
	return func(a *feed.Article, width int, now time.Time) rendered {
		full, err := detail(a)
		if err != nil || full == nil {
			// Show what the summary has rather than nothing.
			full = a
			err = fmt.Errorf("read article: %w", err)
		}
		var fetched *page.Page
		if o.Pages != nil && full.URL() != "" {
			// Disk only: a page is fetched by R or auto, never here.
			p, perr := o.Pages.Cached(full.URL())
			fetched, err = p, errors.Join(err, perr)
		}
		md, links := render.MarkedDocument(full, fetched, now)
		lead := feed.Image{}
		if o.Images.Source != nil {
			fetchedImage := ""
			if fetched != nil {
				fetchedImage = fetched.Image
			}
			lead = leadImage(full, fetchedImage)
		}
		if r == nil {
			content, refs := render.Refs(textsafe.Sanitize(md))
			return rendered{content: content, links: links, refs: refs, err: err, image: lead}
		}
		out, rerr := r.Render(md, width)
		if rerr != nil {
			rerr = fmt.Errorf("render: %w", rerr)
		}
		content, refs := render.Refs(render.Safe(out))
		if o.Hyperlinks {
			content = hyperlink(content, refs, links) // after Safe, which strips OSC
		}
		return rendered{content: content, links: links, refs: refs, err: errors.Join(err, rerr), image: lead}
	}
}

// Init implements tea.Model: start reading the loader.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(waitBatch(m.loader), waitChange(m.watch), m.stateInit(m.stateErr), m.loadingTick(),
		m.handoff.writeTitle())
}

// Update implements tea.Model. It only routes; each handler lives next to
// the child it drives. A new status message gets its expiry (status.go).
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	gen := m.status.gen
	cmd := m.route(msg)
	if m.status.gen != gen {
		cmd = tea.Batch(cmd, m.status.expiry(m.statusTTL))
	}
	if title := m.terminalTitle(); title != nil {
		cmd = tea.Batch(cmd, title)
	}
	return m, cmd
}

func (m *Model) route(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m.handleResize(msg)
	case tea.KeyMsg:
		m.lib.fresh = 0       // the user has seen the screen since
		m.status.clearError() // an error stays until the next action
		return m.handleKeys(msg)
	case handedMsg:
		return m.handleHanded(msg)
	case statusExpiredMsg:
		m.status.expire(msg, m.reading.confirm != nil)
		return nil
	case changeMsg:
		return m.handleChange(msg)
	case appliedMsg:
		return m.handleApplied(msg)
	case indexedMsg:
		return m.handleIndexed(msg)
	case batchMsg:
		return m.handleBatch(msg)
	case loadingTickMsg:
		return m.loadingTick()
	case linkedMsg:
		return m.handleLinked(msg)
	case storiesMsg:
		return m.handleStories(msg)
	case rowsMsg:
		return m.handleRows(msg)
	case copiedMsg:
		return m.handleCopied(msg)
	case tea.MouseMsg:
		return m.handleMouse(msg)
	case filterResultMsg:
		return m.handleFilterResult(msg)
	case searchSlowMsg:
		return m.filter.noteSlow(msg)
	case cursorMovedMsg:
		return m.handleCursorMoved(msg)
	case followMsg:
		return m.handleFollow(msg)
	case renderDueMsg:
		return m.detail.handleRenderDue(msg)
	case renderedMsg:
		return m.handleRendered(msg)
	case imageViewMsg:
		return m.handleImageView(msg)
	case imageShowMsg:
		return m.handleImageShow(msg)
	case imageDrawnMsg:
		return m.detail.handleImageDrawn(msg)
	case openedMsg:
		return m.handleOpened(msg)
	case facetsMsg:
		return m.handleFacets(msg)
	case savedCountsMsg:
		return m.handleSavedCounts(msg)
	case pageFetchedMsg:
		return m.handlePageFetched(msg)
	case spinnerTickMsg:
		return m.handleSpinnerTick()
	}
	if cmd, ok := m.handleReading(msg); ok {
		return cmd
	}
	return nil
}

func (m *Model) handleResize(msg tea.WindowSizeMsg) tea.Cmd {
	m.layout = ComputeLayout(msg.Width, msg.Height, m.conf)
	m.sized = true
	l := m.layout
	m.sizeList()
	return m.detail.setSize(l.DetailWidth, l.BodyHeight)
}

// View implements tea.Model: exactly Height lines of exactly Width cells.
func (m *Model) View() string {
	if !m.sized {
		return ""
	}
	defer m.noteScreen()
	l := m.layout
	lines := make([]string, 0, l.Height)
	lines = append(lines, m.bodyLines()...)
	lines = append(lines, m.footerLines()...)
	if m.styles.Plain {
		// Article text, titles and topics are the user's: in plain mode
		// they are shown in ASCII too, each character in its cells.
		return ascii.FoldCells(strings.Join(lines, "\n"))
	}
	return strings.Join(lines, "\n")
}

// bodyLines draws the panes or the open overlay, BodyHeight lines.
func (m *Model) bodyLines() []string {
	l, s := m.layout, m.styles
	switch m.over {
	case helpOverlay:
		// Laid out for the current size, so a resize re-flows it.
		m.help.lines = helpLines(&m.keys, l.Width, l.BodyHeight-1)
		return m.help.view(l.Width, l.BodyHeight, s)
	case skippedOverlay:
		return m.skipped.view(l.Width, l.BodyHeight, s)
	case linksOverlay:
		return m.picker.view(l.Width, l.BodyHeight, s)
	case facetOverlay:
		return m.facets.view(l.Width, l.BodyHeight, s)
	case imageOverlay:
		return m.imageViewLines(l.Width, l.BodyHeight)
	case commandsOverlay:
		return m.handoff.picking.view(m.handoff.commands, l.Width, l.BodyHeight, s)
	case savedOverlay:
		return m.saved.view(l.Width, l.BodyHeight, s)
	}
	if !l.Split {
		if m.focus == focusDetail {
			return m.detailLines(l.Width)
		}
		return m.listLines(l.Width)
	}
	left, right := m.listLines(l.ListWidth), m.detailLines(l.DetailWidth)
	sep := s.Separator.Render(s.SepGlyph)
	out := make([]string, l.BodyHeight)
	for i := range out {
		out[i] = left[i] + sep + right[i]
	}
	return out
}

func (m *Model) listLines(w int) []string {
	header := "Herald"
	if m.filter.shown() {
		header = m.filter.view(m.styles, w-width(m.list.position())-1)
	}
	focused := m.focus == focusList
	m.list.delegate.match = m.filter.highlighter()
	h := m.layout.BodyHeight
	if m.timelineShown() {
		h -= timelineHeight
	}
	lines := m.list.lines(w, h, header, focused, m.styles)
	if m.list.Len() == 0 && len(lines) > 1 {
		msg := "No articles."
		switch {
		case m.lib.loading:
			msg = "Loading" + m.styles.Ellipsis
		case m.filter.hint != "":
			msg = m.filter.queryHint()
		case m.filter.applied():
			msg = "Nothing matches."
		}
		lines[1] = fit("  "+msg, w, m.styles.Ellipsis)
	}
	return m.withTimeline(lines, w)
}

func (m *Model) detailLines(w int) []string {
	empty := "No article"
	if m.lib.loading && m.list.Len() == 0 {
		empty = "Loading" + m.styles.Ellipsis
	}
	m.detail.match = m.filter.highlighter()
	return m.detail.view(w, m.layout.BodyHeight, m.focus == focusDetail, empty, m.fetchingLabel())
}
