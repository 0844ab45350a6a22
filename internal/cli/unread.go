package cli

import (
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/herald-reader/herald/feed/search"
)

const unreadCountLong = `Prints the number of unread articles of DIR... (default: the dirs of the
config file), only the number, for status bars and prompts. With --query,
counts the unread articles that match QUERY; with --saved, those of a
saved search. Muted articles are not counted unless --include-muted.

Exit status: 0 with a number, 2 bad arguments, query or saved search
name, unreadable directory.`

func (g *globals) unreadCountCommand() *cobra.Command {
	var sel selection
	cmd := &cobra.Command{
		Use:               "unread-count [--query QUERY] [--saved NAME] [--include-muted] [DIR...]",
		Short:             "print the number of unread articles (that match QUERY), for status bars",
		Long:              unreadCountLong,
		ValidArgsFunction: completeDirs,
		RunE: func(cmd *cobra.Command, dirs []string) error {
			return g.runUnreadCount(sel, dirs, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	selectionFlags(cmd, &sel, "count only the articles that match")
	return cmd
}

// runUnreadCount is `herald unread-count`.
func (g *globals) runUnreadCount(opt selection, dirs []string, stdout, stderr io.Writer) error {
	sel, err := g.resolve(opt, time.Now())
	if err != nil {
		return err
	}
	lib, err := g.loadLibrary(dirs)
	if err != nil {
		return err
	}
	st, closeState, err := g.readState("unread-count", stderr)
	if err != nil {
		return err
	}
	defer closeState()
	n := 0
	for _, a := range selectArticles(lib, sel, st, search.SortNewest, g.pageTexts()) {
		if st == nil || !st.IsRead(a.ID) {
			n++
		}
	}
	fmt.Fprintln(stdout, n)
	return nil
}
