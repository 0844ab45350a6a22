package state

import (
	"errors"
	"path/filepath"
)

// DefaultDir is where Herald keeps its state: $XDG_STATE_HOME/herald, else
// ~/.local/state/herald. getenv is os.Getenv outside tests. A relative
// XDG_STATE_HOME is ignored, as the XDG spec asks.
func DefaultDir(getenv func(string) string) (string, error) {
	if d := getenv("XDG_STATE_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "herald"), nil
	}
	home := getenv("HOME")
	if home == "" {
		return "", errors.New("state directory: neither XDG_STATE_HOME nor HOME is set")
	}
	return filepath.Join(home, ".local", "state", "herald"), nil
}
