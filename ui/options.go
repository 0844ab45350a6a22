package ui

import (
	"os/exec"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/config"
	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/feed/search"
)

// Opener opens a URL outside Herald (browser.Opener): err when nothing
// launched (a refused URL starts nothing), failed for the commands that
// failed before one did. It may block for a while: call it in a Cmd.
type Opener interface {
	Open(url string) (failed []error, err error)
}

// Renderer turns the detail Markdown into terminal text (render.Renderer):
// printable text and SGR only, within its own deadline.
type Renderer interface {
	Render(md string, width int) (string, error)
}

// Options are the Model's dependencies.
type Options struct {
	Keys   config.KeyMap
	Styles Styles
	Layout config.Layout
	Dates  config.Dates
	// Clock is the time relative dates are computed from.
	Clock    func() time.Time
	Opener   Opener
	Renderer Renderer
	// Loader streams the library (feed.Stream's Batches); nil = nothing to load.
	Loader <-chan feed.Batch
	// Found, when set, is how many files the loader has found so far
	// (feed.Loading.Found): the loading counter shows it every
	// loadingTick until the first batch, so a large tree's walk is seen
	// to move.
	Found func() int
	// LoaderDone, when set, is closed once the loader has stopped, its
	// cache written (feed.Loading.Done): the load's garbage is handed back
	// after that (library.releaseLoad).
	LoaderDone <-chan struct{}
	// LoadSettled, when set, is called once the load has settled and the
	// loader stopped, just before the load's garbage is handed back
	// (library.releaseLoad): the reader ends the load's pacing of the
	// garbage collector there (internal/gcpace).
	LoadSettled func()
	// Watch brings file changes (feed.Watch's Changes); nil = no live updates.
	Watch <-chan feed.Change
	// Clustering shows one row per story (stories.go).
	Clustering bool
	// Copier copies links (clipboard.go); nil = the copy key says so.
	Copier Copier
	// Hyperlinks makes the detail pane's numbered links OSC 8 terminal
	// hyperlinks (hyperlink.go).
	Hyperlinks bool
	// RenderCacheBytes caps the renders kept for going back to an
	// article; 0 = 64 MB (see renderCacheBytes).
	RenderCacheBytes int
	// Detail reads an article's full version; nil = feed.Detail.
	Detail func(*feed.Article) (*feed.Article, error)
	// State keeps read and starred marks; nil = none (the keys say so).
	// StateErr is why it could not be opened, shown in the status line.
	State    Store
	StateErr error
	// MarkReadOnOpen marks an article read when it is opened.
	MarkReadOnOpen bool
	// PipeCommands are the commands the pipe key hands the article to
	// (none: the key says so; several: it shows a picker of their names).
	// Editor is $VISUAL or $EDITOR as argv (nil = none). Exec runs them
	// with the terminal; nil = tea.ExecProcess (tests run them directly).
	PipeCommands []PipeCommand
	Editor       []string
	Exec         func(*exec.Cmd, tea.ExecCallback) tea.Cmd
	// Title writes the terminal's title ("Herald · N unread") between
	// frames, from a Cmd; nil sets none.
	Title func(title string)
	// OpenMarksRead marks an article read when it is opened in the
	// browser.
	OpenMarksRead bool
	// FollowDelay is how long the detail pane waits before following a
	// cursor move, so the frame of a key press carries only the list's
	// change; RenderDelay is how long the cursor must rest on an article
	// before its (CPU-heavy) render starts, so holding a key does not
	// render every article passed. Zero: no wait (tests).
	FollowDelay, RenderDelay time.Duration
	// SearchingAfter is how long a filter search runs before the status
	// line says "searching…" in place of the stale count (at a million
	// articles a short word takes seconds); zero: never (tests).
	SearchingAfter time.Duration
	// StatusTTL is how long a status message stays before it is cleared;
	// errors stay until the next key. Zero: messages stay (tests).
	StatusTTL time.Duration
	// Debug logs what the model does (keys, renders, loading) to the
	// HERALD_DEBUG file; nil = no log. Never the terminal.
	Debug func(format string, args ...any)
	// StartGate is opened once the first articles are drawn, which lets
	// the loader's walk start (see feed.StartGate); nil = nothing to tell.
	StartGate *feed.StartGate
	// Pages are reader mode's fetched web pages (reader.go); nil = no
	// reader mode. Reader is the reader setting (config.ReaderManual, ...).
	Pages  Pages
	Reader string
	// Images draw the article's lead image above its text (leadimage.go);
	// the zero value draws none.
	Images ImageOptions
	// Mute are the mute rules: the articles they match are hidden, and
	// left out of every count, until the show-muted key (mute.go).
	Mute search.Mute
	// Searches are the saved searches the saved-search key lists
	// (saved.go).
	Searches []config.SavedSearch
}
