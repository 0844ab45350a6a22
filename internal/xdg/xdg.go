// Package xdg finds the base directories of the XDG Base Directory spec
// (config, state, cache), reading the environment through an injected
// getenv (os.Getenv outside tests) so tests can pin it. A relative XDG_*
// variable is ignored, as the spec asks.
//
// github.com/adrg/xdg would not do: it reads the process environment once,
// at init, which no injected environment can replace.
package xdg

import (
	"path/filepath"
	"runtime"
)

// ConfigHome is os.UserConfigDir read through getenv: $XDG_CONFIG_HOME,
// else the OS's config directory ($HOME/.config on Unix); "" when neither
// is known.
func ConfigHome(getenv func(string) string) string {
	if d, ok := fromEnv(getenv, "XDG_CONFIG_HOME"); ok {
		return d
	}
	switch runtime.GOOS {
	case "windows":
		return getenv("AppData")
	case "darwin", "ios":
		if h := getenv("HOME"); h != "" {
			return filepath.Join(h, "Library", "Application Support")
		}
	case "plan9":
		if h := getenv("home"); h != "" {
			return filepath.Join(h, "lib")
		}
	default:
		if h := getenv("HOME"); h != "" {
			return filepath.Join(h, ".config")
		}
	}
	return ""
}

// StateHome is $XDG_STATE_HOME, else $HOME/.local/state on every OS; ""
// when neither is set.
func StateHome(getenv func(string) string) string {
	if d, ok := fromEnv(getenv, "XDG_STATE_HOME"); ok {
		return d
	}
	if h := getenv("HOME"); h != "" {
		return filepath.Join(h, ".local", "state")
	}
	return ""
}

// CacheHome is $XDG_CACHE_HOME, else $HOME/.cache on every OS; "" when
// neither is an absolute path. Unlike the other two it ignores a relative
// HOME too, as the cache always has.
func CacheHome(getenv func(string) string) string {
	if d, ok := fromEnv(getenv, "XDG_CACHE_HOME"); ok {
		return d
	}
	if h := getenv("HOME"); filepath.IsAbs(h) {
		return filepath.Join(h, ".cache")
	}
	return ""
}

// fromEnv is the variable name when it holds an absolute path.
func fromEnv(getenv func(string) string, name string) (string, bool) {
	d := getenv(name)
	return d, filepath.IsAbs(d)
}
