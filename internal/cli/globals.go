package cli

import (
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"runtime/debug"
	"strings"

	"github.com/herald-reader/herald/config"
)

// globals are the options that come before the subcommand (`herald
// --config FILE --plain show ID`) and what every subcommand derives from
// them and the environment. Run builds one per invocation; there is no
// package-level state.
type globals struct {
	configPath string // --config; "" = HERALD_CONFIG, then the default place
	plain      bool   // --plain
	getenv     func(string) string
	// debug logs to the file named by HERALD_DEBUG, never to the terminal;
	// it discards when the variable is unset.
	debug *log.Logger
}

// globalHelp documents the global options, the environment and examples;
// it ends the usage text.
const globalHelp = `
Global options (before the command):
  --config FILE   read this config file (default: $XDG_CONFIG_HOME/herald/config.yaml)
  --plain         no colour, no box drawing, ASCII only (for screen readers)
  --version       print the version
  --help          print this help

Environment:
  HERALD_CONFIG=FILE   config file, when --config is not given
  NO_COLOR=1           no colour at all (https://no-color.org)
  HERALD_DEBUG=FILE    append a debug log to FILE
  HERALD_NO_CACHE=1    do not read or write the index cache
  XDG_STATE_HOME=DIR   keep the read/starred marks in DIR/herald
                       (default: ~/.local/state/herald)

Examples:
  herald ~/ai/_news                      read the articles in the TUI
  herald list --format tsv ~/ai/_news | fzf --with-nth 4
  herald list --limit 10 --format md ~/ai/_news   the newest ten, as Markdown
  herald show 3f2a9c1b07de ~/ai/_news    one article by ID (see list --format tsv)
  herald list --query 'topic:AI is:unread since:7d' --sort quality
                                         search the configured dirs, best first
  herald mark-read --query 'provider:forbes before:30d'   mark old Forbes articles read
  herald unread-count --query topic:AI   a bare number, for a status bar
  herald errors ~/ai/_news || echo "some files could not be read"
  herald config > ~/.config/herald/config.yaml   start a config from the defaults
  herald config --path                   which config file is used (and is it valid?)
`

// parseGlobals takes the global options off the front of args. done is
// true when the invocation is complete (--version, --help, a bad option),
// with code the exit status.
func parseGlobals(args []string, getenv func(string) string, stdout, stderr io.Writer) (g *globals, rest []string, done bool, code int) {
	g = &globals{getenv: getenv, debug: log.New(io.Discard, "", 0)}
	for len(args) > 0 {
		a := args[0]
		switch {
		case a == "--":
			return g, args[1:], false, exitOK
		case a == "--plain" || a == "-plain":
			g.plain = true
		case a == "--version" || a == "-version":
			fmt.Fprintln(stdout, "herald", version())
			return g, nil, true, exitOK
		case a == "--config" || a == "-config":
			if len(args) < 2 || args[1] == "" {
				fmt.Fprintln(stderr, "herald: --config needs a file name")
				return g, nil, true, exitUsage
			}
			g.configPath = args[1]
			args = args[1:]
		case strings.HasPrefix(a, "--config=") || strings.HasPrefix(a, "-config="):
			g.configPath = a[strings.IndexByte(a, '=')+1:]
			if g.configPath == "" {
				fmt.Fprintln(stderr, "herald: --config needs a file name")
				return g, nil, true, exitUsage
			}
		default:
			return g, args, false, exitOK
		}
		args = args[1:]
	}
	return g, nil, false, exitOK
}

// openDebug starts the HERALD_DEBUG log. A file that cannot be opened is
// reported once on stderr and otherwise ignored: debugging must not stop
// herald from working. The returned func closes the file.
func (g *globals) openDebug(stderr io.Writer) func() {
	path := g.getenv("HERALD_DEBUG")
	if path == "" {
		return func() {}
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		fmt.Fprintf(stderr, "herald: debug log: %v\n", err)
		return func() {}
	}
	g.debug = log.New(f, "herald ", log.LstdFlags|log.Lmicroseconds)
	g.debug.Printf("start: version %s, pid %d", version(), os.Getpid())
	return func() { f.Close() }
}

// loadConfig reads the configuration (see config.Open) and applies
// --plain. The path is the file consulted ("" when there is none).
func (g *globals) loadConfig() (config.Config, string, error) {
	cfg, path, err := config.Open(g.configPath, g.getenv)
	g.debug.Printf("config %q: err=%v", path, err)
	if g.plain {
		cfg.Plain = true
	}
	return cfg, path, err
}

// configFailed prints a configuration error, one problem per line in the
// PATH:LINE: SETTING: problem form editors can jump to, and returns the
// exit status for it.
func configFailed(stderr io.Writer, err error) int {
	var cerr *config.Error
	if !errors.As(err, &cerr) {
		fmt.Fprintf(stderr, "herald: %v\n", err)
		return exitUsage
	}
	fmt.Fprintln(stderr, "herald: the configuration has problems:")
	for _, line := range strings.Split(err.Error(), "\n") {
		fmt.Fprintln(stderr, line)
	}
	return exitUsage
}

// version is the module version the binary was built from ("(devel)" for
// a build from a checkout), from the build information Go embeds.
func version() string {
	v := "(devel)"
	goVersion := ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" {
			v = bi.Main.Version
		}
		goVersion = bi.GoVersion
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 && v == "(devel)" {
				v += " " + s.Value[:12]
			}
		}
	}
	if goVersion != "" {
		v += " " + goVersion
	}
	return v
}
