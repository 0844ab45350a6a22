package ui

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/herald-reader/herald/config"
	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/internal/plural"
	"github.com/herald-reader/herald/internal/textsafe"
	"github.com/herald-reader/herald/ui/render"
)

// renderKey identifies one rendering: an article file at a width.
// The path is part of it because the same story saved on two days shares
// its URL, hence its ID, but not its file.
type renderKey struct {
	id, path string
	width    int
}

func keyOf(a *feed.Article, w int) renderKey {
	return renderKey{id: a.ID, path: a.Path, width: w}
}

// rendered is the outcome of one render: the text for the viewport (only
// printable text and SGR, see render.Safe), the numbered links and where
// their numbers are in content, and the error to report (a missing file, a
// render that hit its deadline).
type rendered struct {
	content string
	links   []render.Link
	refs    []render.Ref
	err     error
	took    time.Duration // reading and rendering, for the debug log
	url     string        // the article's URL, whose fetched page it may show
	image   feed.Image    // the lead image shown above the text (leadimage.go)
}

// renderFunc renders a (a copy, owned by the callee) at width. It runs in
// a tea.Cmd.
type renderFunc func(a *feed.Article, width int, now time.Time) rendered

// detailPane shows the article under the list cursor. Rendering is slow
// (glamour takes milliseconds, more on big bodies), so it never happens in
// Update: show() displays a plain preview at once and starts a render in
// a Cmd; at most one render is in flight, and when the user has moved on by
// the time it lands, the result is cached but not shown, and the article
// now under the cursor is rendered next. So holding j on 100,000 articles
// renders a handful of them, never a queue.
type detailPane struct {
	vp    viewport.Model
	lines []string
	// match is the applied query's words, highlighted in the text; nil =
	// none. A search in the article (search) is highlighted instead.
	match  *regexp.Regexp
	search articleSearch
	width  int // width renders are made at
	height int

	article  *feed.Article
	key      renderKey
	ready    bool // lines hold the render for key, not the preview
	links    []render.Link
	refs     []render.Ref // where the body shows Herald's link numbers
	bodyTop  int          // lines above the body in lines (the lead image)
	renderFn renderFunc
	clock    func() time.Time
	styles   *Styles

	cache    map[renderKey]rendered
	order    []renderKey
	cached   int // bytes of content in cache
	budget   int // most bytes cache may hold; renderCacheBytes
	seq      int
	inflight bool
	// dropBelow: a render numbered below it was started before a page
	// arrived (pageArrived); its result lacks the page, so it is thrown
	// away rather than cached or shown.
	dropBelow int
	// delay holds a render back until the cursor has rested that long
	// (0: render at once); wait numbers the delays so only the last
	// one starts a render; resting is true while one runs.
	delay   time.Duration
	wait    int
	resting bool

	// images draws lead images (nil: none); lead is the shown render's,
	// drawn above body, the text the lines were made of.
	images *leadImages
	lead   feed.Image
	body   string
}

func newDetailPane(fn renderFunc, clock func() time.Time, s *Styles) *detailPane {
	return &detailPane{
		vp:       viewport.New(0, 0),
		renderFn: fn,
		clock:    clock,
		styles:   s,
		cache:    map[renderKey]rendered{},
		budget:   renderCacheBytes,
		search:   newArticleSearch(),
	}
}

// setSize sizes the pane (header included) and re-renders when the width
// changed.
func (d *detailPane) setSize(w, h int) tea.Cmd {
	d.vp.Width, d.vp.Height = w, max(1, h-1)
	d.height = h
	if w == d.width {
		d.vp.SetYOffset(d.vp.YOffset)
		return nil
	}
	d.width = w
	return d.refresh()
}

// show displays a (nil clears the pane).
func (d *detailPane) show(a *feed.Article) tea.Cmd {
	if a == d.article {
		return nil
	}
	d.article = a
	d.search.reset()
	d.vp.GotoTop()
	return d.refresh()
}

// refresh shows the cached render for the current article and width, or
// the preview while a render is made.
func (d *detailPane) refresh() tea.Cmd {
	d.ready, d.links, d.refs, d.lead = false, nil, nil, feed.Image{}
	if d.article == nil || d.width <= 0 {
		d.setContent("")
		return nil
	}
	d.key = keyOf(d.article, d.width)
	if r, ok := d.cache[d.key]; ok {
		return d.present(r)
	}
	d.setContent(d.preview())
	if d.delay <= 0 {
		return d.startRender()
	}
	d.wait++
	d.resting = true
	wait := d.wait
	return tea.Tick(d.delay, func(time.Time) tea.Msg { return renderDueMsg{wait: wait} })
}

// handleRenderDue starts the render held back by refresh, unless the
// cursor moved again meanwhile (a later delay is running).
func (d *detailPane) handleRenderDue(msg renderDueMsg) tea.Cmd {
	if msg.wait != d.wait {
		return nil
	}
	d.resting = false
	return d.startRender()
}

// startRender renders the current article unless a render is in flight
// (its result will start the next one) or it is already shown.
func (d *detailPane) startRender() tea.Cmd {
	if d.inflight || d.ready || d.article == nil {
		return nil
	}
	d.seq++
	d.inflight = true
	// A copy: the Cmd runs on another goroutine while Update goes on.
	seq, key, a, now, fn := d.seq, d.key, *d.article, d.clock(), d.renderFn
	return func() tea.Msg {
		start := time.Now()
		r := fn(&a, key.width, now)
		r.took, r.url = time.Since(start), a.URL()
		return renderedMsg{seq: seq, key: key, result: r}
	}
}

// handleRendered takes a finished render. It returns the error to report
// when the result is shown, and the next render to start when it is stale.
func (d *detailPane) handleRendered(msg renderedMsg) (shownErr error, next tea.Cmd) {
	d.inflight = false
	if msg.seq < d.dropBelow {
		if d.resting {
			return nil, nil // the end of the rest starts it
		}
		return nil, d.startRender()
	}
	msg.result.content = capRendered(msg.result.content, maxRenderedBytes)
	d.store(msg.key, msg.result)
	if msg.seq != d.seq || msg.key != d.key || d.ready || d.article == nil {
		// Stale: the cursor or the width moved on meanwhile.
		if d.article != nil && !d.ready {
			if r, ok := d.cache[d.key]; ok {
				return r.err, d.present(r)
			}
		}
		if d.resting {
			return nil, nil // the end of the rest starts it
		}
		return nil, d.startRender()
	}
	return msg.result.err, d.present(msg.result)
}

// present shows a finished render, its lead image above it, and starts
// drawing the image when it is not drawn yet.
func (d *detailPane) present(r rendered) tea.Cmd {
	d.ready, d.links, d.refs, d.lead = true, r.links, r.refs, r.image
	d.setContent(r.content)
	return d.images.load(r.image, d.width)
}

// handleImageDrawn keeps a drawing and shows it in place of the
// placeholder when its article is on screen, at the same scroll offset.
func (d *detailPane) handleImageDrawn(msg imageDrawnMsg) tea.Cmd {
	fresh, send := d.images.store(msg)
	if !fresh || !d.ready {
		return send
	}
	if k, ok := d.images.keyFor(d.lead, d.width); ok && k == msg.key {
		off := d.vp.YOffset
		d.setContent(d.body)
		d.vp.SetYOffset(off)
	}
	return send
}

// setContent shows s, below the lead image's lines when there is one.
func (d *detailPane) setContent(s string) {
	d.body = s
	d.lines = strings.Split(s, "\n")
	d.bodyTop = 0
	if img := d.images.lines(d.lead, d.width); len(img) > 0 {
		d.bodyTop = len(img)
		d.lines = append(img, d.lines...)
		s = strings.Join(d.lines, "\n")
	}
	d.vp.SetContent(s)
	d.search.setText(d.lines, d.bodyTop)
}

// preview is what the pane shows until the render lands: the summary's
// title, provider, date and excerpt as wrapped plain text.
func (d *detailPane) preview() string {
	a, s := d.article, d.styles
	w := max(1, d.width-2)
	var b strings.Builder
	// Cleaned again, as the list's rows are (see delegate.Render); the
	// excerpt also loses its newlines here.
	title := textsafe.Line(a.Title)
	b.WriteString("\n" + indent(s.DetailTitle.Render(ansi.Wrap(title, w, " -")), "  ") + "\n\n")
	meta := []string{}
	if p := textsafe.Line(a.Provider.Name); p != "" {
		meta = append(meta, p)
	}
	if !a.Published.IsZero() {
		meta = append(meta, a.Published.Format("2006-01-02 15:04")+" ("+render.Relative(a.Published, d.clock())+")")
	}
	if len(meta) > 0 {
		b.WriteString(indent(s.DetailMeta.Render(ansi.Wrap(strings.Join(meta, s.Dot), w, " ")), "  ") + "\n\n")
	}
	if ex := textsafe.Line(a.Excerpt); ex != "" {
		b.WriteString(indent(ansi.Wrap(ex, w, " -"), "  ") + "\n")
	}
	return b.String()
}

func indent(s, pad string) string {
	return pad + strings.ReplaceAll(s, "\n", "\n"+pad)
}

// scroll applies a scrolling action and reports whether it was one.
func (d *detailPane) scroll(msg tea.KeyMsg, k *config.KeyMap, count int) bool {
	// The viewport clamps the offset to its last page.
	off, moved := navigate(k, msg, d.vp.YOffset, max(1, d.vp.TotalLineCount()), max(1, d.vp.Height), count)
	if moved {
		d.vp.SetYOffset(off)
	}
	return moved
}

// view draws the pane, exactly w x h: a header (state, scroll position,
// link count), then the visible part of the content.
func (d *detailPane) view(w, h int, focused bool, empty, note string) []string {
	if h <= 0 {
		return nil
	}
	s := d.styles
	hs := s.Header
	if focused {
		hs = s.HeaderFocused
	}
	left, right := "Article", ""
	switch {
	case d.article == nil:
		left = empty
	case !d.ready:
		left = "Article" + s.Dot + "rendering" + s.Ellipsis
	default:
		right = fmt.Sprintf("%d%%", int(d.vp.ScrollPercent()*100+0.5))
		if n := len(d.links); n > 0 {
			right = plural.Count(n, "link") + s.Dot + right
		}
	}
	if note != "" && d.article != nil {
		left += s.Dot + note
	}
	if focused {
		left = s.FocusMark + left
	}
	if n := d.search.label(); n != "" {
		right = strings.TrimSuffix(n+s.Dot+right, s.Dot)
	}
	head := hs.Render(left)
	if p := d.search.prompt(s, w-width(left+s.Dot+right)-2); p != "" {
		head += hs.Render(s.Dot) + p
	}
	out := make([]string, 0, h)
	out = append(out, leftRight(head, s.Header.Render(right), w, s.Ellipsis))
	if h == 1 {
		return out
	}
	var visible []string
	if d.article != nil {
		top := min(max(0, d.vp.YOffset), len(d.lines))
		visible = d.lines[top:min(len(d.lines), top+h-1)]
		switch {
		case d.search.q != nil:
			visible = d.search.mark(visible, top, s)
		case d.match != nil:
			lit := make([]string, len(visible))
			for i, l := range visible {
				lit[i] = highlightANSI(l, d.match, s.Match)
			}
			visible = lit
		}
	}
	return append(out, fitSlice(visible, w, h-1)...)
}
