package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/herald-reader/herald/feed/search"
	"github.com/herald-reader/herald/internal/textsafe"
)

const markReadUsage = `Usage: herald mark-read (--query QUERY | --all) [--unread] [DIR...]

Marks every article of DIR... (default: the dirs of the config file) that
matches QUERY as read, in the reading state the reader uses
($XDG_STATE_HOME/herald, else ~/.local/state/herald). Article files are
never changed. Prints how many articles changed.

  --query QUERY   the articles to mark, in the filter's query language
                  (topic:AI provider:forbes since:7d is:unread -word ...)
  --all           mark every article; an empty query is refused without
                  it, so a mistyped command cannot mark a whole library
  --unread        mark them unread instead

Exit status: 0 done, 2 bad arguments or query, unreadable directory or
state that cannot be written.
`

// runMarkRead is `herald mark-read`.
func (g *globals) runMarkRead(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("mark-read", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	query := fs.String("query", "", "")
	all := fs.Bool("all", false, "")
	unread := fs.Bool("unread", false, "")
	dirs, err := parseInterspersed(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		io.WriteString(stdout, markReadUsage)
		return exitOK
	case err != nil:
		return markReadUsageError(stderr, err.Error())
	}
	q, code := parseQuery("mark-read", *query, time.Now(), stderr)
	if code != exitOK {
		return code
	}
	if q.Empty() && !*all {
		if strings.TrimSpace(*query) == "" {
			return markReadUsageError(stderr, "no --query given (use --all to mark every article)")
		}
		return markReadUsageError(stderr, fmt.Sprintf("query %q matches every article (use --all to mark them all)", *query))
	}
	lib, code := g.loadLibrary("mark-read", dirs, stderr)
	if code != exitOK {
		return code
	}
	st, err := g.writeState("mark-read", stderr)
	if err != nil {
		fmt.Fprintf(stderr, "herald mark-read: %s\n", textsafe.Line(err.Error()))
		return exitUsage
	}
	defer st.Close()

	want := !*unread
	var ids []string
	already := 0
	for _, a := range selectArticles(lib, q, st, search.SortNewest) {
		if st.IsRead(a.ID) == want {
			already++ // another event would only grow the log
			continue
		}
		ids = append(ids, a.ID)
	}
	if len(ids) > 0 {
		if err := st.SetRead(ids, want); err != nil {
			fmt.Fprintf(stderr, "herald mark-read: %s\n", textsafe.Line(err.Error()))
			return exitUsage
		}
	}
	verb := "read"
	if !want {
		verb = "unread"
	}
	msg := fmt.Sprintf("marked %s %s", plural(len(ids), "article"), verb)
	if already > 0 {
		msg += fmt.Sprintf(" (%d already %s)", already, verb)
	}
	fmt.Fprintln(stdout, msg)
	return exitOK
}

func markReadUsageError(stderr io.Writer, msg string) int {
	fmt.Fprintf(stderr, "herald mark-read: %s\n\n%s", msg, markReadUsage)
	return exitUsage
}

// plural is "1 article", "2 articles".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
