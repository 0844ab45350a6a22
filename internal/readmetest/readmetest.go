// Package readmetest keeps generated sections of README.md equal to what
// the code generates, so the documentation cannot drift from the code.
package readmetest

import (
	"os"
	"strings"
	"testing"
)

// UpdateEnv names the environment variable that rewrites a stale section
// instead of failing.
const UpdateEnv = "HERALD_UPDATE_README"

// Section checks that README.md at path holds want between the markers
// <!-- name:start --> and <!-- name:end -->. With HERALD_UPDATE_README set it
// rewrites the section instead; rerun names the test command to do so.
func Section(t *testing.T, path, name, want, rerun string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	start, end := "<!-- "+name+":start -->", "<!-- "+name+":end -->"
	text := string(data)
	i, j := strings.Index(text, start), strings.Index(text, end)
	if i < 0 || j < i {
		t.Fatalf("%s has no %s ... %s section", path, start, end)
	}
	if text[i+len(start):j] == want {
		return
	}
	if os.Getenv(UpdateEnv) != "" {
		text = text[:i+len(start)] + want + text[j:]
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s's %s section is out of date; run\n  %s=1 %s", path, name, UpdateEnv, rerun)
}
