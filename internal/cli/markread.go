package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/herald-reader/herald/feed/search"
	"github.com/herald-reader/herald/internal/plural"
)

const markReadLong = `Marks every article of DIR... (default: the dirs of the config file) that
matches QUERY as read, in the reading state the reader uses
($XDG_STATE_HOME/herald, else ~/.local/state/herald). Article files are
never changed. Prints how many articles changed.

Exit status: 0 done, 2 bad arguments or query, unreadable directory or
state that cannot be written.`

// markReadOptions are the flags of `herald mark-read`.
type markReadOptions struct {
	sel    selection
	all    bool
	unread bool
}

func (g *globals) markReadCommand() *cobra.Command {
	var opt markReadOptions
	cmd := &cobra.Command{
		Use:               "mark-read (--query QUERY | --saved NAME | --all) [--include-muted] [--unread] [DIR...]",
		Short:             "mark the articles that match QUERY read (or unread) in the reading state",
		Long:              markReadLong,
		ValidArgsFunction: completeDirs,
		RunE: func(cmd *cobra.Command, dirs []string) error {
			return g.runMarkRead(opt, dirs, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	f := cmd.Flags()
	selectionFlags(cmd, &opt.sel, "the articles to mark")
	f.BoolVar(&opt.all, "all", false, "mark every article; an empty query is refused without it, "+
		"so a mistyped command cannot mark a whole library")
	f.BoolVar(&opt.unread, "unread", false, "mark them unread instead")
	return cmd
}

// runMarkRead is `herald mark-read`.
func (g *globals) runMarkRead(opt markReadOptions, dirs []string, stdout, stderr io.Writer) error {
	sel, err := g.resolve(opt.sel, time.Now())
	if err != nil {
		return err
	}
	if sel.matchesAll() && !opt.all {
		if strings.TrimSpace(opt.sel.query) == "" && opt.sel.saved == "" {
			return usagef("no --query given (use --all to mark every article)")
		}
		return usagef("query %q matches every article (use --all to mark them all)", opt.sel.query)
	}
	lib, err := g.loadLibrary(dirs)
	if err != nil {
		return err
	}
	st, err := g.writeState("mark-read", stderr)
	if err != nil {
		return err
	}
	defer st.Close()

	want := !opt.unread
	var ids []string
	already := 0
	for _, a := range selectArticles(lib, sel, st, search.SortNewest, g.pageTexts()) {
		if st.IsRead(a.ID) == want {
			already++ // another event would only grow the log
			continue
		}
		ids = append(ids, a.ID)
	}
	if len(ids) > 0 {
		if err := st.SetRead(ids, want); err != nil {
			return err
		}
	}
	verb := "read"
	if !want {
		verb = "unread"
	}
	msg := fmt.Sprintf("marked %s %s", plural.Count(len(ids), "article"), verb)
	if already > 0 {
		msg += fmt.Sprintf(" (%d already %s)", already, verb)
	}
	fmt.Fprintln(stdout, msg)
	return nil
}
