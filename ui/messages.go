package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/feed"
)

// Every side effect runs in a tea.Cmd and comes back as one of these
// messages. Results that can go stale carry the generation or sequence
// number they were started for, and Update drops the ones that no longer
// match what the user is looking at.

// batchMsg is loader output: one batch, or several that were waiting,
// merged. closed means the loader's channel is closed.
type batchMsg struct {
	batch  feed.Batch
	closed bool
}

// filterResultMsg is the outcome of matching the filter query of
// generation gen; or, when preview, the first rows of a search still
// running (see search.Preview), and next waits for what follows.
type filterResultMsg struct {
	gen      int
	articles []*feed.Article
	err      error
	preview  bool
	next     tea.Cmd
}

// searchSlowMsg says the filter's search of generation gen has run for
// Options.SearchingAfter.
type searchSlowMsg struct{ gen int }

// cursorMovedMsg is sent by the list pane when the selected article
// changed (nil: nothing selected); the detail pane follows it.
type cursorMovedMsg struct {
	article *feed.Article
}

// renderedMsg is a finished detail render, started as number seq for key.
type renderedMsg struct {
	seq    int
	key    renderKey
	result rendered
}

// openedMsg is the outcome of handing url to the opener (Opener.Open).
type openedMsg struct {
	url    string
	failed []error
	err    error
	// article is the article whose own URL this is; nil for its links.
	article *feed.Article
}

// renderDueMsg ends the rest period a render waits for (see
// detailPane.delay); wait numbers it.
type renderDueMsg struct {
	wait int
}

// followMsg ends the rest period before the detail pane follows the
// cursor (see Options.FollowDelay).
type followMsg struct {
	article *feed.Article
}
