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

func TestITerm2Terminal(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want bool
	}{
		{map[string]string{"TERM_PROGRAM": "iTerm.app"}, true},
		{map[string]string{"LC_TERMINAL": "iTerm2"}, true},
		{map[string]string{"TERM_PROGRAM": "WezTerm"}, true},
		{map[string]string{"TERM_PROGRAM": "iTerm.app", "TMUX": "/tmp/tmux-0/default,1,0"}, false},
		{map[string]string{"TERM_PROGRAM": "Apple_Terminal"}, false},
	} {
		if got := iTerm2Terminal(func(k string) string { return tc.env[k] }); got != tc.want {
			t.Errorf("%v: iTerm2 %v, want %v", tc.env, got, tc.want)
		}
	}
}

func TestKittyTerminal(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want bool
	}{
		{map[string]string{"TERM": "xterm-kitty"}, true},
		{map[string]string{"TERM": "xterm-256color", "KITTY_WINDOW_ID": "3"}, true},
		{map[string]string{"TERM_PROGRAM": "ghostty"}, true},
		{map[string]string{"TERM": "xterm-kitty", "TMUX": "/tmp/tmux-0/default,1,0"}, false},
		{map[string]string{"TERM": "xterm-256color"}, false},
	} {
		if got := kittyTerminal(func(k string) string { return tc.env[k] }); got != tc.want {
			t.Errorf("%v: kitty %v, want %v", tc.env, got, tc.want)
		}
	}
}
