package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/herald-reader/herald/feed/page"
	"github.com/herald-reader/herald/feed/search"
	"github.com/herald-reader/herald/internal/textsafe"
)

const fetchLong = `Fetches the web page of every article of DIR... (default: the dirs of the
config file) that matches QUERY (default: all), extracts its readable text
and keeps it in $XDG_CACHE_HOME/herald/pages (else ~/.cache/herald/pages)
for reader mode: the reader and "herald show" show it, offline too, and
search finds its words. A page already kept is not fetched again unless
--force is given. At most 2 connections go to one host at a time.

Prints "fetched N, cached M, failed K" (with a progress bar before it on a
terminal); each page that could not be fetched is reported on stderr as
URL: reason. Exit status: 0 it ran (some pages may have failed), 2 bad
arguments or query, unreadable directory.`

// maxJobs bounds --jobs: more parallel fetches only queue on the hosts'
// two connections.
const maxJobs = 64

type fetchOptions struct {
	sel   selection
	force bool
	jobs  int
}

func (g *globals) fetchCommand() *cobra.Command {
	var opt fetchOptions
	cmd := &cobra.Command{
		Use:               "fetch [--query QUERY] [--saved NAME] [--include-muted] [--force] [--jobs N] [DIR...]",
		Short:             "fetch the articles' web pages for reading offline in reader mode",
		Long:              fetchLong,
		ValidArgsFunction: completeDirs,
		RunE: func(cmd *cobra.Command, dirs []string) error {
			return g.runFetch(opt, dirs, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	f := cmd.Flags()
	selectionFlags(cmd, &opt.sel, "the articles whose pages to fetch")
	f.BoolVar(&opt.force, "force", false, "fetch pages again even when they are kept already")
	f.IntVar(&opt.jobs, "jobs", 8, fmt.Sprintf("fetch up to `N` pages at once, 1 to %d", maxJobs))
	return cmd
}

// fetchResult is one page's outcome.
type fetchResult struct {
	url string
	err error
}

// runFetch is `herald fetch`.
func (g *globals) runFetch(opt fetchOptions, dirs []string, stdout, stderr io.Writer) error {
	if opt.jobs < 1 || opt.jobs > maxJobs {
		return usagef("--jobs must be 1 to %d", maxJobs)
	}
	sel, err := g.resolve(opt.sel, time.Now())
	if err != nil {
		return err
	}
	cfg, _, err := g.loadConfig()
	if err != nil {
		return err
	}
	lib, err := g.loadLibrary(dirs)
	if err != nil {
		return err
	}
	store := g.pageStore(cfg)
	if store == nil {
		return errors.New("no cache directory: set XDG_CACHE_HOME or HOME")
	}
	arts, err := g.queryLibrary("fetch", lib, sel, search.SortNewest, stderr)
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	var todo []string
	cached := 0
	for _, a := range arts {
		u := a.URL()
		if u == "" || seen[u] {
			continue
		}
		seen[u] = true
		if store.Has(u) && (!opt.force || g.isOffline()) {
			cached++
			continue
		}
		todo = append(todo, u)
	}

	results := make(chan fetchResult)
	go g.fetchAll(todo, opt.jobs, store, results)
	bar := newProgress(stderr, len(todo))
	fetched, failed := 0, 0
	for r := range results {
		if r.err != nil {
			failed++
			bar.clear()
			fmt.Fprintf(stderr, "%s: %s\n", textsafe.Line(r.url), textsafe.Line(r.err.Error()))
		} else {
			fetched++
		}
		bar.step()
	}
	bar.clear()
	fmt.Fprintf(stdout, "fetched %d, cached %d, failed %d\n", fetched, cached, failed)
	return nil
}

// fetchAll fetches urls with jobs workers into the store and reports each
// outcome on results, which it closes when done. Offline, nothing is
// fetched: every page fails as not cached.
func (g *globals) fetchAll(urls []string, jobs int, store *page.Store, results chan<- fetchResult) {
	defer close(results)
	if g.isOffline() {
		for _, u := range urls {
			results <- fetchResult{u, page.ErrOffline}
		}
		return
	}
	fetcher := page.NewFetcher(page.FetcherOptions{Version: version()})
	work := make(chan string)
	done := make(chan struct{})
	for range jobs {
		go func() {
			defer func() { done <- struct{}{} }()
			for u := range work {
				p, err := fetcher.Fetch(context.Background(), u)
				if err == nil {
					err = store.Put(p)
				}
				results <- fetchResult{u, err}
			}
		}()
	}
	for _, u := range urls {
		work <- u
	}
	close(work)
	for range jobs {
		<-done
	}
}
