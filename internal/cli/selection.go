package cli

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/feed/search"
	"github.com/herald-reader/herald/internal/suggest"
)

// selection is how a command that lists or counts articles picks them:
// --query, --saved NAME (a saved search of the config) and
// --include-muted (otherwise the config's mute rules hide their matches,
// as the reader does).
type selection struct {
	query, saved string
	includeMuted bool
}

// savedAnnotation marks the flags whose values are the config's saved
// searches, for completion (registerChoices).
const savedAnnotation = "herald_saved"

// selectionFlags declares --query, --saved and --include-muted on cmd;
// what says what the query selects.
func selectionFlags(cmd *cobra.Command, sel *selection, what string) {
	queryFlag(cmd, &sel.query, what)
	f := cmd.Flags()
	f.StringVar(&sel.saved, "saved", "", "the articles of the saved search `NAME` (searches in the config); "+
		"with --query, those that match both")
	must(f.SetAnnotation("saved", savedAnnotation, []string{"names"}))
	f.BoolVar(&sel.includeMuted, "include-muted", false, "include the articles that the config's mute rules hide")
}

// selector is a selection resolved against the configuration.
type selector struct {
	// queries must all match: --query and the saved search's.
	queries []search.Query
	// mute hides its matches; nil with --include-muted.
	mute search.Mute
	// sort is the saved search's sort, when it names one.
	sort    search.SortKey
	hasSort bool
}

// matchesAll reports whether the queries match every article (mute rules
// aside).
func (s selector) matchesAll() bool {
	for _, q := range s.queries {
		if !q.Empty() {
			return false
		}
	}
	return true
}

// empty reports whether the selector keeps every article.
func (s selector) empty() bool { return s.matchesAll() && len(s.mute) == 0 }

// keeps reports whether a is selected; page is its fetched page's text.
func (s selector) keeps(a *feed.Article, page string, st search.State) bool {
	for _, q := range s.queries {
		if !q.Empty() && !q.MatchPage(a, page, st) {
			return false
		}
	}
	return !s.mute.Muted(a)
}

// ranking is the query whose words order the results by relevance: the
// first with free words (--query before the saved search's).
func (s selector) ranking() (search.Query, bool) {
	for _, q := range s.queries {
		if q.Ranked() {
			return q, true
		}
	}
	return search.Query{}, false
}

// sortKey is --sort when the user gave it (changed), else the saved
// search's sort, else the flag's default.
func (s selector) sortKey(flag string, changed bool) (search.SortKey, error) {
	if !changed && s.hasSort {
		return s.sort, nil
	}
	k, err := search.ParseSortKey(flag)
	if err != nil {
		return k, &usageError{msg: err.Error()}
	}
	return k, nil
}

// resolve parses the selection at now: a bad query or an unknown saved
// search stops the command (exit 2), the latter naming the closest name.
func (g *globals) resolve(sel selection, now time.Time) (selector, error) {
	var s selector
	q, err := parseQuery(sel.query, now)
	if err != nil {
		return s, err
	}
	s.queries = append(s.queries, q)
	cfg, _, err := g.loadConfig()
	if err != nil {
		return s, err
	}
	if sel.saved != "" {
		ss, ok := cfg.SavedSearch(sel.saved)
		if !ok {
			return s, unknownSaved(sel.saved, cfg.SearchNames())
		}
		sq, err := search.ParseQuery(ss.Query, now)
		if err != nil { // Load checked it; only a since: beyond reach could fail now
			return s, fmt.Errorf("saved search %q: %w", ss.Name, err)
		}
		s.queries = append(s.queries, sq)
		if ss.Sort != "" {
			if s.sort, err = search.ParseSortKey(ss.Sort); err != nil {
				return s, fmt.Errorf("saved search %q: %w", ss.Name, err)
			}
			s.hasSort = true
		}
	}
	if !sel.includeMuted {
		if s.mute, err = search.ParseMute(cfg.Mute, now); err != nil {
			return s, err
		}
	}
	return s, nil
}

// unknownSaved is the usage error for a --saved name the config does not
// have: the closest name as a hint, else the names there are.
func unknownSaved(name string, names []string) error {
	switch best := suggest.Closest(name, names, 3); {
	case best != "":
		return fmt.Errorf("unknown saved search %q (did you mean %q?)", name, best)
	case len(names) == 0:
		return fmt.Errorf("unknown saved search %q (the config has no searches)", name)
	default:
		return fmt.Errorf("unknown saved search %q (the config has %s)", name, quoteAll(names))
	}
}

func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}

// completeSaved completes --saved with the config's saved searches.
func (g *globals) completeSaved(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	cfg, _, err := g.loadConfig()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveError
	}
	return completeFrom(cfg.SearchNames())(nil, nil, toComplete)
}
