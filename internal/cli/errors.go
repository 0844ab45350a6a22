package cli

import (
	"bufio"
	"fmt"
	"io"

	"github.com/spf13/cobra"
)

const errorsLong = `Lists the files of DIR... (default: the dirs of the config file) that
could not be used, one per line: PATH:LINE: reason, or PATH: reason.
Exit status: 0 when every file loads, 1 when some do not (so it can guard
a pipeline), 2 when a directory cannot be read.`

func (g *globals) errorsCommand() *cobra.Command {
	return &cobra.Command{
		Use:               "errors [DIR...]",
		Short:             "list the files that could not be used, with reasons (exit 1 if any)",
		Long:              errorsLong,
		ValidArgsFunction: completeDirs,
		RunE: func(cmd *cobra.Command, dirs []string) error {
			return g.runErrors(dirs, cmd.OutOrStdout())
		},
	}
}

// runErrors is `herald errors DIR...`.
func (g *globals) runErrors(dirs []string, stdout io.Writer) error {
	lib, err := g.loadLibrary(dirs)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(stdout)
	for _, p := range lib.Skipped() {
		fmt.Fprintln(out, p.String())
	}
	if err := out.Flush(); err != nil {
		return problems(err)
	}
	if n := len(lib.Skipped()); n > 0 {
		return problems(fmt.Errorf("%d of %d files could not be used", n, lib.Found()))
	}
	return nil
}
