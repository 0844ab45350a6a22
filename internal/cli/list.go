package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/feed/search"
	"github.com/herald-reader/herald/internal/textsafe"
)

const listUsage = `Usage: herald list [--query QUERY] [--sort KEY] [--format FORMAT] [--limit N] [DIR...]

Prints the articles found in DIR... (walked recursively; default: the dirs
of the config file), newest first.
Files that cannot be used are listed on stderr as "PATH: reason"; they do
not change the exit status, an unreadable DIR does (2).

Formats:
  table   date, provider and title in aligned columns (default)
  json    one object per line: id, path, title, provider, domain,
          published, topics, url, related, type, story
  count   "N articles, K skipped"
  tsv     id, published, provider, title, url; tab-separated, no header
  md      a Markdown list of linked titles with provider and date

  --limit N      print only the first N articles (0: all; count ignores it)
  --query QUERY  only the articles that match, in the filter's query
                 language: words, "phrases", topic:AI, provider:forbes,
                 since:7d, before:2024-03, is:unread|read|starred,
                 type:article, -TERM to negate; terms combine with AND
  --sort KEY     newest (default), oldest, quality, heat, title, provider
`

// runList is `herald list`.
func (g *globals) runList(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("list", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors and usage are printed below, once
	format := fs.String("format", "table", "")
	limit := fs.Int("limit", 0, "")
	query := fs.String("query", "", "")
	sortBy := fs.String("sort", "newest", "")
	dirs, err := parseInterspersed(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		io.WriteString(stdout, listUsage)
		return exitOK
	case err != nil:
		return listUsageError(stderr, err.Error())
	case !slices.Contains([]string{"table", "json", "count", "tsv", "md"}, *format):
		return listUsageError(stderr, fmt.Sprintf("unknown format %q (want table, json, count, tsv or md)", *format))
	case *limit < 0:
		return listUsageError(stderr, "--limit must be 0 or more")
	}
	key, err := search.ParseSortKey(*sortBy)
	if err != nil {
		return listUsageError(stderr, err.Error())
	}
	q, code := parseQuery("list", *query, time.Now(), stderr)
	if code != exitOK {
		return code
	}
	lib, code := g.loadLibrary("list", dirs, stderr)
	if code != exitOK {
		return code
	}
	arts, code := g.queryLibrary("list", lib, q, key, stderr)
	if code != exitOK {
		return code
	}
	matched := len(arts)
	out := bufio.NewWriter(stdout)
	if *limit > 0 && *limit < len(arts) {
		arts = arts[:*limit]
	}
	switch *format {
	case "json":
		err = writeJSON(out, arts)
	case "tsv":
		err = writeTSV(out, arts)
	case "md":
		err = writeMarkdown(out, arts)
	case "count":
		_, err = fmt.Fprintf(out, "%d articles, %d skipped\n", matched, len(lib.Skipped()))
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
		fmt.Fprintf(stderr, "herald list: %v\n", err)
		return exitProblems
	}
	return exitOK
}

func listUsageError(stderr io.Writer, msg string) int {
	fmt.Fprintf(stderr, "herald list: %s\n\n%s", msg, listUsage)
	return exitUsage
}

// parseInterspersed parses flags wherever they appear among the arguments
// (`herald list news --format json`); "--" ends the flags.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
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
			Related: a.RelatedCount, Type: a.Type, Story: a.FirstSaveID,
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
