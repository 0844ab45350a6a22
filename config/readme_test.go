package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	startMarker = "<!-- settings:start -->"
	endMarker   = "<!-- settings:end -->"
)

// TestREADMESettings keeps the README's settings section equal to
// Markdown(), so the documentation cannot drift from the code. After
// changing a setting or a default key, regenerate it with
//
//	HERALD_UPDATE_README=1 go test ./config -run TestREADMESettings
func TestREADMESettings(t *testing.T) {
	path := filepath.Join("..", "README.md")
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Skip("no README.md yet")
	}
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	start := strings.Index(text, startMarker)
	end := strings.Index(text, endMarker)
	if start < 0 || end < start {
		t.Fatalf("README.md has no %s ... %s section", startMarker, endMarker)
	}
	want := "\n" + Markdown()
	got := text[start+len(startMarker) : end]
	if got == want {
		return
	}
	if os.Getenv("HERALD_UPDATE_README") != "" {
		text = text[:start+len(startMarker)] + want + text[end:]
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's settings section is out of date; run\n" +
		"  HERALD_UPDATE_README=1 go test ./config -run TestREADMESettings")
}
