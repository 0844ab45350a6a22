package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"runtime/debug"

	"github.com/herald-reader/herald/config"
)

// globals are the options every command shares (`herald --config FILE
// --plain show ID`) and what every command derives from them and the
// environment. runEnv builds one per invocation; there is no
// package-level state.
type globals struct {
	configPath string // --config; "" = HERALD_CONFIG, then the default place
	plain      bool   // --plain
	offline    bool   // --offline (see isOffline)
	getenv     func(string) string
	// debug logs to the file named by HERALD_DEBUG, never to the terminal;
	// it discards when the variable is unset.
	debug      *log.Logger
	closeDebug func()
	loaded     *loadedConfig // the first loadConfig's result
}

type loadedConfig struct {
	cfg  config.Config
	path string
	err  error
}

func newGlobals(getenv func(string) string) *globals {
	return &globals{getenv: getenv, debug: log.New(io.Discard, "", 0), closeDebug: func() {}}
}

// openDebug starts the HERALD_DEBUG log. A file that cannot be opened is
// reported once on stderr and otherwise ignored: debugging must not stop
// herald from working. closeDebug closes the file.
func (g *globals) openDebug(stderr io.Writer) {
	path := g.getenv("HERALD_DEBUG")
	if path == "" {
		return
	}
	// Not through a symbolic link: a link planted where the log is kept
	// would have herald append to whatever it points at.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND|noFollow, 0o600)
	if err != nil {
		fmt.Fprintf(stderr, "herald: debug log: %v\n", err)
		return
	}
	g.debug = log.New(f, "herald ", log.LstdFlags|log.Lmicroseconds)
	g.debug.Printf("start: version %s, pid %d", version(), os.Getpid())
	g.closeDebug = func() { f.Close() }
}

// loadConfig reads the configuration (see config.Open) and applies
// --plain. The path is the file consulted ("" when there is none). Every
// command that uses the configuration reads it here, so a broken one stops
// each of them the same way: exit 2 and its problems as PATH:LINE:
// problem. A named file that cannot be read is one such problem
// (PATH: no such file or directory). The file is read once per run.
func (g *globals) loadConfig() (config.Config, string, error) {
	if g.loaded == nil {
		cfg, path, err := g.openConfig()
		g.loaded = &loadedConfig{cfg: cfg, path: path, err: err}
	}
	return g.loaded.cfg, g.loaded.path, g.loaded.err
}

func (g *globals) openConfig() (config.Config, string, error) {
	cfg, path, err := config.Open(g.configPath, g.getenv)
	g.debug.Printf("config %q: err=%v", path, err)
	var cerr *config.Error
	var perr *fs.PathError
	if err != nil && !errors.As(err, &cerr) && errors.As(err, &perr) {
		err = &config.Error{Path: path, Problem: perr.Err.Error()}
	}
	if g.plain {
		cfg.Plain = true
	}
	return cfg, path, err
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
