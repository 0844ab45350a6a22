package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/internal/plural"
	"github.com/herald-reader/herald/internal/textsafe"
)

// listFormats are the values of --format.
func listFormats() []string { return []string{"table", "json", "count", "tsv", "md"} }

const listLong = `Prints the articles found in DIR... (walked recursively; default: the dirs
of the config file), newest first; with a --query that has free words,
the best match first (see --sort).
Files that cannot be used are listed on stderr as "PATH: reason"; they do
not change the exit status, an unreadable DIR does (2).

Formats:
  table   date, provider and title in aligned columns (default)
  json    one object per line: id, path, title, provider, domain,
          published, topics, url, related, type, story
  count   "N articles, K skipped"
  tsv     id, published, provider, title, url; tab-separated, no header
  md      a Markdown list of linked titles with provider and date`

// listOptions are the flags of `herald list`.
type listOptions struct {
	format string
	limit  int
	sel    selection
	sort   string
	// sortGiven: --sort was on the command line (it beats a saved
	// search's sort).
	sortGiven bool
}

func (g *globals) listCommand() *cobra.Command {
	var opt listOptions
	cmd := &cobra.Command{
		Use:               "list [--query QUERY] [--sort KEY] [--saved NAME] [--include-muted] [--format FORMAT] [--limit N] [DIR...]",
		Short:             "print the articles of DIR... (default: the configured dirs), newest first",
		Long:              listLong,
		ValidArgsFunction: completeDirs,
		RunE: func(cmd *cobra.Command, dirs []string) error {
			opt.sortGiven = cmd.Flags().Changed("sort")
			return g.runList(opt, dirs, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	f := cmd.Flags()
	f.StringVar(&opt.format, "format", "table", "print in `FORMAT`: "+strings.Join(listFormats(), ", "))
	choices(cmd, "format", listFormats())
	f.IntVar(&opt.limit, "limit", 0, "print only the first `N` articles (0: all; count ignores it)")
	selectionFlags(cmd, &opt.sel, "only the articles that match")
	f.StringVar(&opt.sort, "sort", "relevance", "order by `KEY`: "+strings.Join(sortKeys(), ", ")+
		" (relevance: the best match first when the query has words, else newest)"+
		"; without it, the --saved search's sort if it has one")
	choices(cmd, "sort", sortKeys())
	return cmd
}

// runList is `herald list`.
func (g *globals) runList(opt listOptions, dirs []string, stdout, stderr io.Writer) error {
	switch {
	case !slices.Contains(listFormats(), opt.format):
		return usagef("unknown format %q (want table, json, count, tsv or md)", opt.format)
	case opt.limit < 0:
		return usagef("--limit must be 0 or more")
	}
	sel, err := g.resolve(opt.sel, time.Now())
	if err != nil {
		return err
	}
	key, err := sel.sortKey(opt.sort, opt.sortGiven)
	if err != nil {
		return err
	}
	if opt.format == "count" {
		return g.runCount(dirs, sel, stdout, stderr)
	}
	lib, err := g.loadLibrary(dirs)
	if err != nil {
		return err
	}
	arts, err := g.queryLibrary("list", lib, sel, key, stderr)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(stdout)
	if opt.limit > 0 && opt.limit < len(arts) {
		arts = arts[:opt.limit]
	}
	switch opt.format {
	case "json":
		err = writeJSON(out, arts)
	case "tsv":
		err = writeTSV(out, arts)
	case "md":
		err = writeMarkdown(out, arts)
	default:
		err = writeTable(out, arts)
	}
	if err == nil {
		err = out.Flush()
	}
	for _, p := range lib.Skipped() {
		fmt.Fprintln(stderr, p.String())
	}
	if err != nil {
		return problems(err)
	}
	return nil
}

// listJSON is one line of `list --format json`; the keys are a contract
// with scripts.
type listJSON struct {
	ID        string   `json:"id"`
	Path      string   `json:"path"`
	Title     string   `json:"title"`
	Provider  string   `json:"provider"`
	Domain    string   `json:"domain"`
	Published string   `json:"published"`
	Topics    []string `json:"topics"`
	URL       string   `json:"url"`
	Related   int      `json:"related"`
	Type      string   `json:"type"`
	Story     string   `json:"story"`
}

func writeJSON(w io.Writer, arts []*feed.Article) error {
	var buf strings.Builder
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // "&" in a title stays readable
	for _, a := range arts {
		rec := listJSON{
			ID: a.ID, Path: a.Path, Title: a.Title, Provider: a.Provider.Name,
			Domain: a.Provider.Domain, Topics: a.Topics, URL: a.URL(),
			Related: int(a.RelatedCount), Type: a.Type, Story: a.FirstSaveID,
		}
		if rec.Topics == nil {
			rec.Topics = []string{}
		}
		if !a.Published.IsZero() {
			rec.Published = a.Published.UTC().Format(time.RFC3339)
		}
		buf.Reset()
		if err := enc.Encode(rec); err != nil {
			return err
		}
		if _, err := io.WriteString(w, escapeInvisible(buf.String())); err != nil {
			return err
		}
	}
	return nil
}

// Table columns: the provider column is as wide as the widest provider up
// to this many cells; longer names are cut with an ellipsis.
const maxProviderWidth = 24

func writeTable(w io.Writer, arts []*feed.Article) error {
	pw := len("PROVIDER")
	for _, a := range arts {
		pw = max(pw, min(ansi.StringWidth(textsafe.Line(a.Provider.Name)), maxProviderWidth))
	}
	var b strings.Builder
	row := func(date, provider, title string) {
		b.Reset()
		b.WriteString(pad(date, len("2006-01-02")))
		b.WriteString("  ")
		b.WriteString(pad(ansi.Truncate(provider, pw, "…"), pw))
		b.WriteString("  ")
		b.WriteString(title)
		b.WriteByte('\n')
	}
	row("DATE", "PROVIDER", "TITLE")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	for _, a := range arts {
		date := ""
		if !a.Published.IsZero() {
			date = a.Published.UTC().Format("2006-01-02")
		}
		row(date, textsafe.Line(a.Provider.Name), textsafe.Line(a.Title))
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
	}
	return nil
}

// pad fills s with spaces to width terminal cells: a CJK character takes
// two cells, so padding by bytes or runes would break the columns.
func pad(s string, width int) string {
	if n := width - ansi.StringWidth(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}

// runCount is `list --format count`. It keeps no article: a listing
// needs the whole library in order, a count does not (at 100,000 articles
// the library, its ID map and its links were a third of the command's
// memory). Without a selection it does not even read them (feed.Count);
// with one, it tests each as the batches come.
func (g *globals) runCount(dirs []string, sel selector, stdout, stderr io.Writer) error {
	var (
		tally feed.Tally
		err   error
	)
	if sel.empty() {
		tally, err = g.countLibrary(dirs)
	} else {
		tally, err = g.countSelected(dirs, sel, stderr)
	}
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(stdout, "%s, %d skipped\n", plural.Count(tally.Articles, "article"), len(tally.Skipped))
	for _, p := range tally.Skipped {
		fmt.Fprintln(stderr, p.String())
	}
	if err != nil {
		return problems(err)
	}
	return nil
}

// countSelected counts the articles sel keeps, as the batches come.
func (g *globals) countSelected(dirs []string, sel selector, stderr io.Writer) (feed.Tally, error) {
	st, closeState, err := g.readState("list", stderr)
	if err != nil {
		return feed.Tally{}, err
	}
	defer closeState()
	pages := g.pageTexts()
	var t feed.Tally
	err = g.scanLibrary(dirs, func(b feed.Batch) {
		t.Skipped = append(t.Skipped, b.Skipped...)
		for _, a := range b.Articles {
			if sel.keeps(a, pages(a), st) {
				t.Articles++
			}
		}
	})
	return t, err
}
