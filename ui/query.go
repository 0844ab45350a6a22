package ui

import (
	"context"
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/feed/search"
)

// The `/` filter speaks the query language (search.ParseQuery): words,
// "phrases", field qualifiers (topic:, title:, site:, since:, is:, in:...),
// -negation, OR and parentheses.
// It searches the Index the loader's batches were added to, so a
// keystroke costs one pass over compact summaries rather than over the
// articles' text; the search runs in the filter's Cmd, numbered by the
// filter's generation.

// queryMatcher returns the Matcher for one filter run. It captures what
// the run needs now (the index, the marks, the sort, the views, the
// clock, the muted articles to leave out), so the Cmd never reads the
// model.
func (m *Model) queryMatcher() Matcher {
	ix, sort, now := m.lib.index, m.reading.sort, m.clock()
	var muted map[*feed.Article]struct{} // replaced, never changed (muting)
	if !m.reading.showMuted {
		muted = m.lib.mute.muted
	}
	var st search.State
	if m.reading.store != nil {
		st = m.reading.store
	}
	var views []string
	if m.reading.unreadOnly {
		views = append(views, "is:unread")
	}
	if m.reading.starred {
		views = append(views, "is:starred")
	}
	return func(ctx context.Context, query string, preview func([]*feed.Article)) ([]*feed.Article, error) {
		q, err := search.ParseQuery(query, now)
		if err != nil {
			return nil, err
		}
		if len(views) > 0 {
			// Parsed on their own, so that a quote left open in the typed
			// query cannot swallow them, and its last word stays last.
			v, err := search.ParseQuery(strings.Join(views, " "), now)
			if err != nil {
				return nil, err
			}
			q = q.And(v)
		}
		first := search.Preview{After: previewAfter, Rows: previewRows, Show: func(arts []*feed.Article) {
			preview(without(arts, muted))
		}}
		found, err := ix.SearchPreviewed(ctx, q, st, sort, first)
		if err != nil {
			return nil, err
		}
		return without(found, muted), nil
	}
}

// rerunQuery matches again after a view or the sort changed.
func (m *Model) rerunQuery() tea.Cmd {
	m.filter.always = m.viewsOn()
	return m.applyFilter()
}

// appendTerm adds a query term (a picked facet) to the filter and runs it.
func (m *Model) appendTerm(term string) tea.Cmd {
	q := strings.TrimSpace(m.filter.input.Value())
	if q != "" {
		q += " "
	}
	m.filter.input.SetValue(q + term)
	m.filter.input.CursorEnd()
	m.status.setAboutFilter("Filter: %s", term)
	return m.applyFilter()
}

// queryHint is the text shown in place of the list when the query cannot
// be parsed.
func (f *filter) queryHint() string {
	if f.hint == "" {
		return ""
	}
	return fmt.Sprintf("Cannot search: %s", f.hint)
}
