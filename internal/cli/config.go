package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/herald-reader/herald/config"
)

const configUsage = `Usage: herald config [--path]

Prints the full default configuration, every setting with a comment: a
valid config file to start from (herald config > ~/.config/herald/config.yaml).

  --path   print the config file herald uses, then check it: exit 2 and
           list its problems (FILE:LINE: setting: problem) if it has any
`

// runConfig is `herald config [--path]`.
func (g *globals) runConfig(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("config", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	showPath := fs.Bool("path", false, "")
	switch err := fs.Parse(args); {
	case errors.Is(err, flag.ErrHelp):
		io.WriteString(stdout, configUsage)
		return exitOK
	case err != nil:
		fmt.Fprintf(stderr, "herald config: %v\n\n%s", err, configUsage)
		return exitUsage
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "herald config: unexpected argument %q\n\n%s", fs.Arg(0), configUsage)
		return exitUsage
	}
	if !*showPath {
		if _, err := stdout.Write(config.Default().YAML()); err != nil {
			fmt.Fprintf(stderr, "herald config: %v\n", err)
			return exitProblems
		}
		return exitOK
	}
	return g.printConfigPath(stdout, stderr)
}

// printConfigPath prints the file in use and checks it. A default file that
// does not exist is fine (the defaults apply), and said so on stderr so
// the path alone stays on stdout for scripts.
func (g *globals) printConfigPath(stdout, stderr io.Writer) int {
	path, explicit := config.Resolve(g.configPath, g.getenv)
	g.debug.Printf("config path %q (named by the user: %v)", path, explicit)
	if path == "" {
		fmt.Fprintln(stderr, "herald config: no config location (neither XDG_CONFIG_HOME nor HOME is set); using the defaults")
		return exitOK
	}
	fmt.Fprintln(stdout, path)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) && !explicit {
		fmt.Fprintln(stderr, "herald config: the file does not exist; using the defaults")
		return exitOK
	}
	if _, _, err := g.loadConfig(); err != nil {
		return configFailed(stderr, err)
	}
	return exitOK
}
