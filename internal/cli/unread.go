package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/herald-reader/herald/feed/search"
	"github.com/herald-reader/herald/internal/textsafe"
)

const unreadCountUsage = `Usage: herald unread-count [--query QUERY] [DIR...]

Prints the number of unread articles of DIR... (default: the dirs of the
config file), only the number, for status bars and prompts. With --query,
counts the unread articles that match QUERY.

Exit status: 0 with a number, 2 bad arguments or query, unreadable
directory.
`

// runUnreadCount is `herald unread-count`.
func (g *globals) runUnreadCount(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("unread-count", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	query := fs.String("query", "", "")
	dirs, err := parseInterspersed(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		io.WriteString(stdout, unreadCountUsage)
		return exitOK
	case err != nil:
		fmt.Fprintf(stderr, "herald unread-count: %v\n\n%s", err, unreadCountUsage)
		return exitUsage
	}
	q, code := parseQuery("unread-count", *query, time.Now(), stderr)
	if code != exitOK {
		return code
	}
	lib, code := g.loadLibrary("unread-count", dirs, stderr)
	if code != exitOK {
		return code
	}
	st, closeState, err := g.readState("unread-count", stderr)
	if err != nil {
		fmt.Fprintf(stderr, "herald unread-count: %s\n", textsafe.Line(err.Error()))
		return exitUsage
	}
	defer closeState()
	n := 0
	for _, a := range selectArticles(lib, q, st, search.SortNewest) {
		if st == nil || !st.IsRead(a.ID) {
			n++
		}
	}
	fmt.Fprintln(stdout, n)
	return exitOK
}
