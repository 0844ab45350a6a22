package ui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/internal/textsafe"
	"github.com/herald-reader/herald/ui/browser"
	"github.com/herald-reader/herald/ui/render"
)

// maxHistory bounds the related-story history.
const maxHistory = 100

// openArticle opens the selected article's own URL (originalUrl, else
// webUrl) in the browser.
func (m *Model) openArticle() tea.Cmd {
	a := m.current()
	if a == nil {
		m.status.set("No article selected.")
		return nil
	}
	if a.URL() == "" {
		m.status.set("This article has no URL.")
		return nil
	}
	// originalUrl, else webUrl when the first is refused: y copies the
	// same (see copySelected).
	u, err := browser.ArticleURL(a.OriginalURL, a.WebURL)
	if err != nil {
		m.status.setError(fmt.Errorf("refused URL: %v", err))
		return nil
	}
	cmd := m.openURL(u)
	return func() tea.Msg {
		msg := cmd().(openedMsg)
		msg.article = a
		return msg
	}
}

// current is the article the keys act on: the one in the detail pane,
// which follows the list cursor (the cursor is ahead while the detail
// waits to follow it).
func (m *Model) current() *feed.Article {
	if a := m.list.Selected(); a != nil {
		return a
	}
	return m.detail.article
}

// openURL hands url to the opener in a Cmd; the outcome comes back as an
// openedMsg. The opener validates the URL: a refused one starts nothing.
func (m *Model) openURL(url string) tea.Cmd {
	m.status.set("Opening %s", url)
	o := m.opener
	return func() tea.Msg {
		if o == nil {
			return openedMsg{url: url, err: fmt.Errorf("open %s: no browser configured", url)}
		}
		failed, err := o.Open(url)
		return openedMsg{url: url, failed: failed, err: err}
	}
}

// handleOpened tells the outcome: "Opened" only once a browser launched,
// naming the commands that failed before it.
func (m *Model) handleOpened(msg openedMsg) tea.Cmd {
	switch {
	case msg.err != nil:
		m.status.setError(msg.err)
	case len(msg.failed) > 0:
		m.status.setError(fmt.Errorf("opened %s after %s", msg.url, browser.Join(msg.failed)))
	default:
		m.status.set("Opened %s", msg.url)
	}
	if msg.err == nil && m.reading.openMarks {
		return m.markRead(msg.article)
	}
	return nil
}

// pendingLink is a link action asked for while the article was still
// rendering (its links are numbered by the render): it runs when the
// render of that article lands, unless the user has moved on.
type pendingLink struct {
	article *feed.Article
	picker  bool
	n       int
}

// deferLink remembers a link action until the render lands; it reports
// whether it did (false: there is no article to wait for).
func (m *Model) deferLink(picker bool, n int) bool {
	target := m.current()
	if target == nil || (m.detail.ready && m.detail.article == target) {
		return false
	}
	m.pending = &pendingLink{article: target, picker: picker, n: n}
	m.status.set("Rendering the article%s", m.styles.Ellipsis)
	return true
}

// runPending runs the deferred link action once its article is rendered.
func (m *Model) runPending() tea.Cmd {
	p := m.pending
	if p == nil || !m.detail.ready {
		return nil
	}
	m.pending = nil
	if p.article != m.detail.article {
		return nil
	}
	m.status.set("")
	if p.picker {
		m.openPicker()
		return nil
	}
	return m.openLinkN(p.n)
}

func (m *Model) openLinkN(n int) tea.Cmd {
	if m.deferLink(false, n) {
		return nil
	}
	for _, l := range m.detail.links {
		if l.N == n {
			return m.followLink(l)
		}
	}
	m.status.set("No link %d in this article.", n)
	return nil
}

// followLink opens a link: inside Herald when it is an article of the
// library (a related story we have), in the browser otherwise.
func (m *Model) followLink(l render.Link) tea.Cmd {
	if a := m.libraryArticle(l.URL); a != nil {
		return m.jumpTo(a)
	}
	return m.openURL(l.URL)
}

// libraryArticle is the article of the library that url is, other than
// the current one; nil when there is none.
func (m *Model) libraryArticle(url string) *feed.Article {
	if id := feed.URLID(url); id != "" {
		if a := m.lib.byID(id); a != nil && a != m.current() {
			return a
		}
	}
	return nil
}

// jumpTo selects a in the list, remembering where the user was so that
// history_back returns there. A filter that hides a is cleared.
func (m *Model) jumpTo(a *feed.Article) tea.Cmd {
	if cur := m.current(); cur != nil {
		m.history = append(m.history, cur)
		if len(m.history) > maxHistory {
			m.history = m.history[1:]
		}
	}
	cmd := m.selectAnywhere(a)
	back := firstKey(m.keys.HistoryBack)
	if back == "" {
		back = "history_back"
	}
	m.status.set("Related story (%s goes back): %s", back, a.Title)
	return cmd
}

// historyBack returns to the article left by the last jump.
func (m *Model) historyBack() tea.Cmd {
	if len(m.history) == 0 {
		m.status.set("Nothing to go back to.")
		return nil
	}
	a := m.history[len(m.history)-1]
	m.history = m.history[:len(m.history)-1]
	m.status.set("Back: %s", a.Title)
	return m.selectAnywhere(a)
}

// selectAnywhere puts the cursor on a, clearing the filter and the
// unread/starred views when a is not among the shown articles, and
// showing the muted articles when a is one.
func (m *Model) selectAnywhere(a *feed.Article) tea.Cmd {
	if m.list.selectArticle(a) {
		return m.list.cursorMoved()
	}
	if m.lib.mute.isMuted(a) && !m.reading.showMuted {
		m.setShowMuted(true) // the status line says "N muted shown", the row "muted"
		if !m.filter.applied() {
			m.setArticles(m.unfiltered(), a)
			return m.list.cursorMoved()
		}
	}
	if m.filter.applied() {
		m.filter.input.SetValue("")
		m.reading.unreadOnly, m.reading.starred = false, false
		m.filter.always = m.viewsOn() // a sort other than newest stays
		run := m.filter.run()         // bumps the generation: drops a match in flight
		m.setArticles(m.unfiltered(), a)
		return tea.Batch(run, m.list.cursorMoved())
	}
	return m.list.cursorMoved()
}

// linkPicker lists the current article's numbered links; a digit or the
// cursor and open choose one.
type linkPicker struct {
	links []render.Link
	// inside[i]: links[i] is an article of the library, opened in Herald.
	inside []bool
	cursor int
}

func (m *Model) openPicker() {
	switch {
	case m.deferLink(true, 0):
	case !m.detail.ready:
		m.status.set("No article selected.")
	case len(m.detail.links) == 0:
		m.status.set("This article has no links.")
	default:
		m.picker.links, m.picker.cursor = m.detail.links, 0
		m.picker.inside = make([]bool, len(m.detail.links))
		for i, l := range m.detail.links {
			m.picker.inside[i] = m.libraryArticle(l.URL) != nil
		}
		m.over = linksOverlay
	}
}

// handlePickerKey: the cursor keys move, open (or open in browser) takes
// the link under the cursor, or link N after a count N.
func (m *Model) handlePickerKey(msg tea.KeyMsg, count int) tea.Cmd {
	k, p := &m.keys, m.picker
	if !keyIs(msg, k.Top, k.Bottom) || count == 0 {
		var moved bool
		if p.cursor, moved = navigate(k, msg, p.cursor, len(p.links), 0, count); moved {
			return nil
		}
	}
	switch {
	case keyIs(msg, k.Quit):
		return tea.Quit
	case keyIs(msg, k.Back, k.LinkPicker):
		m.over = noOverlay
	case keyIs(msg, k.Open, k.OpenBrowser) && count > 0:
		m.over = noOverlay
		return m.openLinkN(count)
	case keyIs(msg, k.Open, k.OpenBrowser):
		m.over = noOverlay
		return m.followLink(p.links[p.cursor])
	}
	return nil
}

func (p *linkPicker) view(w, h int, s *Styles) []string {
	if h <= 0 {
		return nil
	}
	out := []string{fit(s.Overlay.Render("Links"), w, s.Ellipsis)}
	rows := max(0, h-1)
	// Keep the cursor in view: scroll by whole pages of two-line entries.
	per := max(1, rows/2)
	start := p.cursor / per * per
	for i := start; i < len(p.links) && len(out) < h; i++ {
		l := p.links[i]
		marker := "  "
		if i == p.cursor {
			marker = s.Marker.Render(s.MarkerGlyph) + " "
		}
		num := s.Link.Render(fmt.Sprintf("%2d", l.N))
		label := textsafe.Line(l.Label)
		if i < len(p.inside) && p.inside[i] {
			label = s.Match.Render("[in Herald]") + " " + label
		}
		out = append(out, fit(marker+num+" "+label, w, s.Ellipsis))
		if len(out) < h {
			out = append(out, fit("     "+s.Header.Render(textsafe.Line(l.URL)), w, s.Ellipsis))
		}
	}
	return append(out, fitSlice(nil, w, h-len(out))...)
}
