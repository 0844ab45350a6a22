package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/herald-reader/herald/internal/textsafe"
)

const errorsUsage = `Usage: herald errors [DIR...]

Lists the files of DIR... (default: the dirs of the config file) that
could not be used, one per line: PATH:LINE: reason, or PATH: reason.
Exit status: 0 when every file loads, 1 when some do not (so it can guard
a pipeline), 2 when a directory cannot be read.
`

// runErrors is `herald errors DIR...`.
func (g *globals) runErrors(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("errors", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dirs, err := parseInterspersed(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		io.WriteString(stdout, errorsUsage)
		return exitOK
	case err != nil:
		fmt.Fprintf(stderr, "herald errors: %v\n\n%s", err, errorsUsage)
		return exitUsage
	}
	dirs, code := g.dirsOrConfigured("errors", dirs, stderr)
	if code != exitOK {
		return code
	}
	lib, err := loadDirs(context.Background(), dirs, g.debug.Printf)
	if err != nil {
		fmt.Fprintf(stderr, "herald errors: %s\n", textsafe.Line(err.Error()))
		return exitUsage
	}
	out := bufio.NewWriter(stdout)
	for _, p := range lib.Skipped() {
		fmt.Fprintln(out, p.String())
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "herald errors: %v\n", err)
		return exitProblems
	}
	if n := len(lib.Skipped()); n > 0 {
		fmt.Fprintf(stderr, "herald errors: %d of %d files could not be used\n", n, lib.Found())
		return exitProblems
	}
	return exitOK
}

// dirsOrConfigured returns dirs, or the config file's dirs when none are
// given. A broken config or no directory at all is a usage error (2).
func (g *globals) dirsOrConfigured(cmd string, dirs []string, stderr io.Writer) ([]string, int) {
	if len(dirs) > 0 {
		return dirs, exitOK
	}
	cfg, _, err := g.loadConfig()
	if err != nil {
		return nil, configFailed(stderr, err)
	}
	if len(cfg.Dirs) == 0 {
		fmt.Fprintf(stderr, "herald %s: no directory given, and the config file sets no dirs\n", cmd)
		return nil, exitUsage
	}
	return cfg.Dirs, exitOK
}
