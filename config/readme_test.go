package config

import (
	"path/filepath"
	"testing"

	"github.com/herald-reader/herald/internal/readmetest"
)

// TestREADMESettings keeps the README's settings section equal to
// Markdown(). After changing a setting or a default key, regenerate it with
//
//	HERALD_UPDATE_README=1 go test ./config -run TestREADMESettings
func TestREADMESettings(t *testing.T) {
	readmetest.Section(t, filepath.Join("..", "README.md"), "settings", "\n"+Markdown(),
		"go test ./config -run TestREADMESettings")
}
