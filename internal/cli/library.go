package cli

import (
	"path/filepath"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/internal/xdg"
)

// cacheDir is where the index cache lives: $XDG_CACHE_HOME/herald, else
// ~/.cache/herald; "" (no cache) when HERALD_NO_CACHE=1 or neither is
// known. getenv is os.Getenv outside tests.
func cacheDir(getenv func(string) string) string {
	switch getenv("HERALD_NO_CACHE") {
	case "1", "true", "yes":
		return ""
	}
	if d := xdg.CacheHome(getenv); d != "" {
		return filepath.Join(d, "herald")
	}
	return ""
}

// loadOptions are the feed options every subcommand loads with; logf is
// the debug log.
func loadOptions(getenv func(string) string, logf func(string, ...any)) feed.Options {
	opt := feed.Options{Logf: logf}
	if d := cacheDir(getenv); d != "" {
		opt.Cache = feed.OpenCache(d)
	}
	return opt
}

// dirSources turns directory arguments into feed sources, keeping each
// path as given (article paths start with it).
func dirSources(dirs []string) []feed.Source {
	srcs := make([]feed.Source, len(dirs))
	for i, d := range dirs {
		srcs[i] = feed.Dir(d)
	}
	return srcs
}
