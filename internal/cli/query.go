package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"github.com/herald-reader/herald/config"
	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/feed/search"
	"github.com/herald-reader/herald/internal/state"
	"github.com/herald-reader/herald/internal/textsafe"
)

// What the commands that read a library share (list, mark-read,
// unread-count, show, errors): the configured or given directories, the
// --query flag and its parsing, and the reading state.

// loadLibrary loads dirs, or the configured dirs when none are given, with
// the cache of g's environment. The configuration is read either way: a
// broken one stops every command alike, given directories or not. No
// directory at all is a usage error (2).
func (g *globals) loadLibrary(dirs []string) (*feed.Library, error) {
	srcs, err := g.librarySources(dirs)
	if err != nil {
		return nil, err
	}
	return feed.Load(context.Background(), srcs, loadOptions(g.getenv, g.debug.Printf))
}

// scanLibrary is loadLibrary for a command that takes the batches as they
// come (feed.Scan) and keeps no library.
func (g *globals) scanLibrary(dirs []string, fn func(feed.Batch)) error {
	srcs, err := g.librarySources(dirs)
	if err != nil {
		return err
	}
	return feed.Scan(context.Background(), srcs, loadOptions(g.getenv, g.debug.Printf), fn)
}

// countLibrary counts the articles of dirs without reading them (see
// feed.Count).
func (g *globals) countLibrary(dirs []string) (feed.Tally, error) {
	srcs, err := g.librarySources(dirs)
	if err != nil {
		return feed.Tally{}, err
	}
	return feed.Count(context.Background(), srcs, loadOptions(g.getenv, g.debug.Printf))
}

// librarySources are the sources of dirs, or of the configured dirs when
// none are given (see loadLibrary).
func (g *globals) librarySources(dirs []string) ([]feed.Source, error) {
	cfg, _, err := g.loadConfig()
	if err != nil {
		return nil, err
	}
	if len(dirs) == 0 {
		dirs = cfg.Dirs
	}
	if len(dirs) == 0 {
		return nil, errors.New("no directory given, and the config file sets no dirs")
	}
	return dirSources(dirs), nil
}

// queryFlag declares --query on cmd; what says what the query selects.
func queryFlag(cmd *cobra.Command, query *string, what string) {
	cmd.Flags().StringVar(query, "query", "", what+", in the filter's `QUERY` language: "+
		`words, "phrases", topic:AI, provider:forbes, title:WORD, excerpt:WORD, related:WORD, `+
		"body:WORD (the body and the fetched page), site:HOST, since:7d, before:2024-03, "+
		"is:unread|read|starred, type:article, in:FOLDER, -TERM to negate; terms combine with AND, "+
		"A OR B with either, (...) to group")
}

// parseQuery parses --query; a query that does not parse is a usage error
// whose message is the parser's hint ("unknown qualifier ... (did you
// mean ...)").
func parseQuery(s string, now time.Time) (search.Query, error) {
	q, err := search.ParseQuery(s, now)
	if err != nil {
		return search.Query{}, fmt.Errorf("query: %w", err)
	}
	return q, nil
}

// sortKeys are the names --sort accepts, in the order the reader cycles
// through them.
func sortKeys() []string { return config.SortNames() }

// readState opens the reading state for a command that only reads it.
// Reading must not create anything: when there is no state log (herald
// never marked anything, or no state directory can be named) the result
// is nil, which the query takes as "nothing read, nothing starred". The
// returned func closes the store. Damaged log lines are reported on
// stderr and skipped, as the TUI does; they never stop the command.
func (g *globals) readState(cmd string, stderr io.Writer) (search.State, func(), error) {
	dir, err := state.DefaultDir(g.getenv)
	if err != nil {
		return nil, func() {}, nil // no place a mark could have been written
	}
	if _, err := os.Stat(filepath.Join(dir, state.LogName)); errors.Is(err, fs.ErrNotExist) {
		return nil, func() {}, nil
	}
	// NoAutoCompact: a listing should not rewrite the user's log.
	st, err := state.OpenWith(dir, state.Options{ReadOnly: true})
	if err != nil {
		return nil, func() {}, err
	}
	reportStateProblems(cmd, st, stderr)
	return st, func() { st.Close() }, nil
}

// writeState opens (creating if need be) the reading state for a command
// that changes it.
func (g *globals) writeState(cmd string, stderr io.Writer) (*state.Store, error) {
	dir, err := state.DefaultDir(g.getenv)
	if err != nil {
		return nil, err
	}
	st, err := state.Open(dir)
	if err != nil {
		return nil, err
	}
	reportStateProblems(cmd, st, stderr)
	return st, nil
}

// reportStateProblems warns about damaged lines of the state log; they
// do not stop the command, so they are not its error.
func reportStateProblems(cmd string, st *state.Store, stderr io.Writer) {
	for _, p := range st.Problems() {
		fmt.Fprintf(stderr, "herald %s: state: %s\n", cmd, textsafe.Line(p))
	}
}

// selectArticles returns the articles of lib that sel keeps, ordered by
// k; free words also search the fetched pages, as pages gives them (see
// globals.pageTexts). The library's own slice is never reordered (it is
// shared).
func selectArticles(lib *feed.Library, sel selector, st search.State, k search.SortKey, pages func(*feed.Article) string) []*feed.Article {
	if sel.empty() {
		arts := lib.Articles()
		if k == search.SortNewest || k == search.SortRelevance { // the library's order already
			return arts
		}
		arts = slices.Clone(arts)
		search.SortArticles(arts, k)
		return arts
	}
	// One pass of Match rather than an Index: a command queries once, and
	// building the index (folded text and grams of every article) costs
	// more than the one search it would speed up (about 0.5 s more CPU
	// over 100,000 articles; Match folds only when a term needs text).
	var out []*feed.Article
	for _, a := range lib.Articles() {
		if sel.keeps(a, pages(a), st) {
			out = append(out, a)
		}
	}
	if q, ok := sel.ranking(); ok && k == search.SortRelevance {
		search.RankArticles(out, q, pages)
	} else {
		search.SortArticles(out, k)
	}
	return out
}

// queryLibrary is selectArticles with the reading state opened for the
// selection when it has terms (a plain listing never looks at the state).
func (g *globals) queryLibrary(cmd string, lib *feed.Library, sel selector, k search.SortKey, stderr io.Writer) ([]*feed.Article, error) {
	var st search.State
	if !sel.empty() {
		s, closeState, err := g.readState(cmd, stderr)
		if err != nil {
			return nil, err
		}
		defer closeState()
		st = s
	}
	return selectArticles(lib, sel, st, k, g.pageTexts()), nil
}
