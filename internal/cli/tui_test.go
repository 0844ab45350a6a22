package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-reader/herald/config"
	"github.com/herald-reader/herald/internal/termprobe"
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

func TestAutoImages(t *testing.T) {
	const tmux = "/tmp/tmux-0/default,1,0"
	kitty := termprobe.Reply{Kitty: true, Done: true}
	sixel := termprobe.Reply{Sixel: true, Done: true}
	plain := termprobe.Reply{Done: true}
	for _, tc := range []struct {
		env         map[string]string
		reply       termprobe.Reply
		passthrough bool
		want        string
	}{
		{nil, kitty, false, config.ImagesKitty},
		{nil, sixel, false, config.ImagesSixel},
		{nil, plain, false, config.ImagesBlocks},
		{nil, termprobe.Reply{}, false, config.ImagesBlocks}, // a silent terminal
		{nil, termprobe.Reply{Kitty: true, Sixel: true, Done: true}, false, config.ImagesKitty},
		{map[string]string{"TERM": "xterm-kitty"}, plain, false, config.ImagesKitty},
		{map[string]string{"KITTY_WINDOW_ID": "3"}, termprobe.Reply{}, false, config.ImagesKitty},
		{map[string]string{"TERM_PROGRAM": "ghostty"}, plain, false, config.ImagesKitty},
		{map[string]string{"TERM_PROGRAM": "iTerm.app"}, plain, false, config.ImagesITerm2},
		{map[string]string{"LC_TERMINAL": "iTerm2"}, sixel, false, config.ImagesITerm2},
		{map[string]string{"TERM_PROGRAM": "WezTerm"}, plain, false, config.ImagesITerm2},
		{map[string]string{"TERM_PROGRAM": "Apple_Terminal"}, plain, false, config.ImagesBlocks},
		{map[string]string{"TMUX": tmux, "KITTY_WINDOW_ID": "3"}, kitty, false, config.ImagesBlocks},
		{map[string]string{"TMUX": tmux, "LC_TERMINAL": "iTerm2"}, plain, false, config.ImagesBlocks},
		{map[string]string{"TMUX": tmux, "KITTY_WINDOW_ID": "3"}, termprobe.Reply{}, true, config.ImagesKitty},
		{map[string]string{"TMUX": tmux, "LC_TERMINAL": "iTerm2"}, termprobe.Reply{}, true, config.ImagesITerm2},
		{map[string]string{"TMUX": tmux}, termprobe.Reply{}, true, config.ImagesBlocks},
		{map[string]string{"STY": "1.pts-0", "TERM": "xterm-kitty"}, kitty, true, config.ImagesBlocks},
	} {
		facts := terminalFacts{getenv: func(k string) string { return tc.env[k] }, reply: tc.reply, passthrough: tc.passthrough}
		if got := autoImages(facts); got != tc.want {
			t.Errorf("%v, reply %+v, passthrough %v: %s, want %s", tc.env, tc.reply, tc.passthrough, got, tc.want)
		}
	}
}

func TestTmuxWrap(t *testing.T) {
	got := tmuxWrap("\x1b_Ga=T;AAAA\x1b\\")
	if want := "\x1bPtmux;\x1b\x1b_Ga=T;AAAA\x1b\x1b\\\x1b\\"; got != want {
		t.Errorf("tmuxWrap = %q, want %q", got, want)
	}
}
