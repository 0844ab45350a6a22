package ui

import (
	"fmt"
	"maps"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/feed/search"
	"github.com/herald-reader/herald/internal/plural"
)

// muting is the library's share of the mute rules (the config's mute):
// which articles a rule matches. They are found where the articles are
// indexed, in the index's Cmd (library.reindex): a rule over a batch as
// it is added, over the whole index when it is rebuilt. So a keystroke
// never runs a rule: the filter only drops the articles of muted, a map
// look-up per result, and the list takes visible, computed once per
// library version.
type muting struct {
	rules search.Mute
	// muted are the articles a rule matches, among those screened. It is
	// replaced, never changed in place: a search running in a Cmd reads
	// it (queryMatcher).
	muted map[*feed.Article]struct{}
	// pending are the articles not screened yet (they came since the
	// index's Cmd started); the list leaves them out until they are.
	pending map[*feed.Article]struct{}
	// gen counts the changes of muted and pending; visible is the
	// articles without them, for library version visibleAt and gen
	// visibleGen; hidden is how many of the articles are muted.
	gen, visibleAt, visibleGen int
	visible                    []*feed.Article
	hidden                     int
}

// on reports whether there are mute rules.
func (mu *muting) on() bool { return len(mu.rules) > 0 }

// arrived notes articles that are not screened yet.
func (mu *muting) arrived(arts []*feed.Article) {
	if !mu.on() || len(arts) == 0 {
		return
	}
	if mu.pending == nil {
		mu.pending = make(map[*feed.Article]struct{}, len(arts))
	}
	for _, a := range arts {
		mu.pending[a] = struct{}{}
	}
	mu.gen++
}

// screen finds the articles of add that a rule matches, in the index's
// Cmd: over ix when it was built anew for them (full), one Match per
// article and rule otherwise. It reads only its arguments. The index
// also finds words in fetched pages, which muting leaves alone (as the
// commands do: fetching a page must not mute its article), so each
// article it finds is matched again.
func screen(rules search.Mute, ix *search.Index, add []*feed.Article, full bool) []*feed.Article {
	if len(rules) == 0 {
		return nil
	}
	var hits []*feed.Article
	if full {
		seen := map[*feed.Article]bool{}
		for _, q := range rules {
			for _, a := range ix.Search(q, nil) {
				if !seen[a] && q.Match(a, nil) {
					seen[a] = true
					hits = append(hits, a)
				}
			}
		}
		return hits
	}
	for _, a := range add {
		if rules.Muted(a) {
			hits = append(hits, a)
		}
	}
	return hits
}

// screened takes the outcome of screen for add: with full, it replaces
// what was known (the articles were reordered or replaced).
func (mu *muting) screened(add, hits []*feed.Article, full bool) {
	if !mu.on() {
		return
	}
	muted := make(map[*feed.Article]struct{}, len(hits))
	if !full {
		muted = maps.Clone(mu.muted)
		if muted == nil {
			muted = map[*feed.Article]struct{}{}
		}
	}
	for _, a := range hits {
		muted[a] = struct{}{}
	}
	mu.muted = muted
	if full {
		mu.pending = nil
	}
	for _, a := range add {
		delete(mu.pending, a)
	}
	mu.gen++
}

// isMuted reports whether a rule matches a.
func (mu *muting) isMuted(a *feed.Article) bool {
	_, ok := mu.muted[a]
	return ok
}

// shown is what the list shows with no filter: the articles of version
// without the muted and the pending ones, or every one with all (the
// user asked to see them) or without rules. Computed once per version.
func (mu *muting) shown(arts []*feed.Article, version int, all bool) []*feed.Article {
	if !mu.on() {
		return arts
	}
	if mu.visibleAt != version || mu.visibleGen != mu.gen || mu.visible == nil {
		mu.visible = make([]*feed.Article, 0, len(arts))
		mu.hidden = 0
		for _, a := range arts {
			if _, p := mu.pending[a]; p {
				continue
			}
			if _, m := mu.muted[a]; m {
				mu.hidden++
				continue
			}
			mu.visible = append(mu.visible, a)
		}
		mu.visibleAt, mu.visibleGen = version, mu.gen
	}
	if all {
		return arts
	}
	return mu.visible
}

// without returns arts without the muted ones: arts itself when none is
// (it may be the index's own slice, never changed). It runs in the
// filter's Cmd, over a map no one changes.
func without(arts []*feed.Article, muted map[*feed.Article]struct{}) []*feed.Article {
	if len(muted) == 0 {
		return arts
	}
	for i, a := range arts {
		if _, m := muted[a]; !m {
			continue
		}
		out := append(make([]*feed.Article, 0, len(arts)-1), arts[:i]...)
		for _, b := range arts[i+1:] {
			if _, m := muted[b]; !m {
				out = append(out, b)
			}
		}
		return out
	}
	return arts
}

// unfiltered is what the list shows with no filter: the articles without
// the muted ones, unless the user shows them (muting.shown).
func (m *Model) unfiltered() []*feed.Article {
	return m.lib.mute.shown(m.lib.arts, m.lib.version, m.reading.showMuted)
}

// toggleMuted shows the muted articles, marked as such, or hides them
// again.
func (m *Model) toggleMuted() tea.Cmd {
	mu := &m.lib.mute
	if !mu.on() {
		m.status.set("No mute rules: the config's mute setting lists none.")
		return nil
	}
	m.setShowMuted(!m.reading.showMuted)
	m.unfiltered() // brings hidden up to date
	if m.reading.showMuted {
		m.status.set("Showing %s.", plural.Count(mu.hidden, "muted article"))
	} else {
		m.status.set("Hiding %s.", plural.Count(mu.hidden, "muted article"))
	}
	if m.filter.applied() {
		return m.rerunQuery()
	}
	m.setArticles(m.unfiltered(), m.list.Selected())
	return m.list.cursorMoved()
}

// setShowMuted shows or hides the muted articles, marking their rows
// while shown; the caller shows the list again.
func (m *Model) setShowMuted(on bool) {
	m.reading.showMuted = on
	m.list.delegate.muted = nil
	if on {
		m.list.delegate.muted = m.lib.mute.isMuted
	}
}

// mutedPart is the status line's "N muted" (hidden) or "N muted shown";
// nothing when no article is muted.
func (m *Model) mutedPart() []string {
	mu := &m.lib.mute
	if !mu.on() {
		return nil
	}
	m.unfiltered() // brings hidden up to date
	switch {
	case mu.hidden == 0:
		return nil
	case m.reading.showMuted:
		return []string{fmt.Sprintf("%d muted shown", mu.hidden)}
	}
	return []string{fmt.Sprintf("%d muted", mu.hidden)}
}
