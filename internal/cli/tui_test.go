package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The reader itself is tested in package ui (and in tmux, driving the
// binary); these are the ways `herald [DIR...]` refuses to start.
func TestTUIRefusals(t *testing.T) {
	e := newScriptEnv(t)
	file := filepath.Join(t.TempDir(), "note.md")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"unknown option", []string{"--bogus"}, `unknown option "--bogus"`},
		{"missing dir", []string{filepath.Join(t.TempDir(), "nope")}, "no such file or directory"},
		{"a file", []string{file}, "not a directory"},
		{"not a terminal", []string{t.TempDir()}, "needs a terminal"},
		{"demo, not a terminal", nil, "needs a terminal"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := e.run(tc.args...)
			if code != exitUsage || !strings.Contains(errOut, tc.want) || out != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want 2 and %q", code, out, errOut, tc.want)
			}
		})
	}
}
