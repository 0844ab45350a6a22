package state

import (
	"errors"
	"path/filepath"

	"github.com/herald-reader/herald/internal/xdg"
)

// DefaultDir is where Herald keeps its state: $XDG_STATE_HOME/herald, else
// ~/.local/state/herald. getenv is os.Getenv outside tests. A relative
// XDG_STATE_HOME is ignored, as the XDG spec asks.
func DefaultDir(getenv func(string) string) (string, error) {
	d := xdg.StateHome(getenv)
	if d == "" {
		return "", errors.New("state directory: neither XDG_STATE_HOME nor HOME is set")
	}
	return filepath.Join(d, "herald"), nil
}
