package cli

import (
	"bufio"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/internal/plural"
)

const errorsLong = `Lists the files of DIR... (default: the dirs of the config file) that
could not be used, one per line: PATH:LINE: reason, or PATH: reason.
With --warnings, then the warnings of the files that loaded (a bad date
that fell back to the file name, a field of the wrong type, a duplicate
key, a body that needed cleaning) under the heading "warnings:"; with
--all, also the records that are not articles (no date and no link: a
site's organisations, topics, people) under "not articles:".
Exit status: 0 when every file loads, 1 when some do not (so it can guard
a pipeline; warnings and records never count), 2 when a directory cannot
be read.`

// errorsOptions are the flags of `herald errors`.
type errorsOptions struct {
	warnings, all bool
}

func (g *globals) errorsCommand() *cobra.Command {
	var opt errorsOptions
	cmd := &cobra.Command{
		Use:               "errors [--warnings] [--all] [DIR...]",
		Short:             "list the files that could not be used, with reasons (exit 1 if any)",
		Long:              errorsLong,
		ValidArgsFunction: completeDirs,
		RunE: func(cmd *cobra.Command, dirs []string) error {
			return g.runErrors(opt, dirs, cmd.OutOrStdout())
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opt.warnings, "warnings", false, "also list the warnings of the files that loaded")
	f.BoolVar(&opt.all, "all", false, "also list the warnings and the records that are not articles")
	return cmd
}

// runErrors is `herald errors DIR...`.
func (g *globals) runErrors(opt errorsOptions, dirs []string, stdout io.Writer) error {
	lib, err := g.loadLibrary(dirs)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(stdout)
	section := func(heading string, ps []feed.Problem) {
		if len(ps) == 0 {
			return
		}
		fmt.Fprintln(out, heading)
		for _, p := range ps {
			fmt.Fprintln(out, p.String())
		}
	}
	for _, p := range lib.Skipped() {
		fmt.Fprintln(out, p.String())
	}
	if opt.warnings || opt.all {
		section("warnings:", lib.Warnings())
	}
	if opt.all {
		section("not articles:", lib.NotArticles())
	}
	if err := out.Flush(); err != nil {
		return problems(err)
	}
	if n := len(lib.Skipped()); n > 0 {
		return problems(fmt.Errorf("%d of %s could not be used", n, plural.Count(lib.Found(), "file")))
	}
	return nil
}
