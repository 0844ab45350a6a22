package ui

import (
	"context"
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/config"
	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/feed/page"
	"github.com/herald-reader/herald/feed/search"
)

// Pages is reader mode's source of web pages (page.Source): the kept
// pages, read from disk, and fetching new ones, which only ever happens in
// a Cmd, so the reader never waits on the network.
type Pages interface {
	// Cached is the kept page for url, nil when none; disk only.
	Cached(url string) (*page.Page, error)
	// Fetch fetches the page at url and keeps it (offline: ErrOffline).
	Fetch(ctx context.Context, url string) (*page.Page, error)
	// Text is the kept page's text for search, "" when none.
	Text(url string) string
}

// spinnerFrames animate the detail header while a page is fetched; plain
// mode shows no spinner.
var spinnerFrames = [...]string{"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"}

const spinnerEvery = 120 * time.Millisecond

// reader is reader mode's state: which pages are being fetched (by URL)
// and the spinner's frame.
type reader struct {
	pages    Pages // nil: no reader mode
	mode     string
	fetching map[string]bool
	frame    int
	ticking  bool
}

// pageFetchedMsg is the outcome of fetching url's page (p nil on err).
type pageFetchedMsg struct {
	url string
	p   *page.Page
	err error
}

// spinnerTickMsg advances the fetch spinner.
type spinnerTickMsg struct{}

// pageText adapts Pages to the search index's page source.
func pageText(p Pages) search.PageText {
	if p == nil {
		return nil
	}
	return func(a *feed.Article) string {
		if u := a.URL(); u != "" {
			return p.Text(u)
		}
		return ""
	}
}

// handleReaderKey is R: fetch the article's page (again) and show it.
func (m *Model) handleReaderKey() tea.Cmd {
	a := m.detail.article
	if m.focus == focusList || a == nil {
		a = m.list.Selected()
	}
	switch {
	case a == nil:
		return nil
	case m.reader.pages == nil || m.reader.mode == config.ReaderOff:
		m.status.set("Reader mode is off (setting reader: off).")
		return nil
	case a.URL() == "":
		m.status.set("This article has no link to fetch.")
		return nil
	}
	return m.fetchPage(a.URL(), false)
}

// autoFetch starts fetching an opened article's page when the reader
// setting is auto and it is not kept yet.
func (m *Model) autoFetch(a *feed.Article) tea.Cmd {
	if a == nil || m.reader.pages == nil || m.reader.mode != config.ReaderAuto || a.URL() == "" {
		return nil
	}
	return m.fetchPage(a.URL(), true)
}

// fetchPage fetches url's page in a Cmd (at most one fetch per URL at a
// time); onlyNew skips a page that is kept already. The fetched text joins
// the current search index at once.
func (m *Model) fetchPage(url string, onlyNew bool) tea.Cmd {
	if m.reader.fetching[url] {
		return nil
	}
	if m.reader.fetching == nil {
		m.reader.fetching = map[string]bool{}
	}
	m.reader.fetching[url] = true
	pages, ix := m.reader.pages, m.lib.index
	fetch := func() tea.Msg {
		if onlyNew {
			if p, err := pages.Cached(url); p != nil || err != nil {
				return pageFetchedMsg{url: url, p: p, err: err}
			}
		}
		p, err := pages.Fetch(context.Background(), url)
		// Before the first index is built there is none to tell: the
		// build reads kept pages itself.
		if err == nil && ix != nil {
			ix.SetPage(url, p.Text)
		}
		return pageFetchedMsg{url: url, p: p, err: err}
	}
	return tea.Batch(fetch, m.startSpinner())
}

func (m *Model) startSpinner() tea.Cmd {
	if m.reader.ticking || m.styles.Plain {
		return nil
	}
	m.reader.ticking = true
	return tea.Tick(spinnerEvery, func(time.Time) tea.Msg { return spinnerTickMsg{} })
}

func (m *Model) handleSpinnerTick() tea.Cmd {
	m.reader.ticking = false
	if len(m.reader.fetching) == 0 {
		return nil
	}
	m.reader.frame = (m.reader.frame + 1) % len(spinnerFrames)
	return m.startSpinner()
}

// handlePageFetched shows a fetched page when its article is on screen;
// a failure is reported and the article stays as it was.
func (m *Model) handlePageFetched(msg pageFetchedMsg) tea.Cmd {
	delete(m.reader.fetching, msg.url)
	if msg.err != nil {
		m.debug("fetch %s: %v", msg.url, msg.err)
		m.status.setError(fmt.Errorf("fetch %s: %w", msg.url, msg.err))
		return nil
	}
	m.debug("fetched %s", msg.url)
	return m.detail.pageArrived(msg.url)
}

// fetchingLabel is the detail header's note while the shown article's
// page is fetched, "" otherwise.
func (m *Model) fetchingLabel() string {
	a := m.detail.article
	if a == nil || !m.reader.fetching[a.URL()] {
		return ""
	}
	s := m.styles
	label := "fetching page" + s.Ellipsis
	if !s.Plain {
		label = spinnerFrames[m.reader.frame] + " " + label
	}
	return label
}
