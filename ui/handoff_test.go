package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/feed"
)

// runNow runs a handed-off command at once, as tea.ExecProcess would once
// it has the terminal, and records its argv.
type runNow struct{ argv [][]string }

func (r *runNow) exec(cmd *exec.Cmd, done tea.ExecCallback) tea.Cmd {
	r.argv = append(r.argv, cmd.Args)
	err := cmd.Run()
	return func() tea.Msg { return done(err) }
}

// catTo is a pipe command that saves its stdin in a file.
func catTo(t *testing.T) (argv []string, out string) {
	t.Helper()
	dir := t.TempDir()
	out = filepath.Join(dir, "stdin")
	script := filepath.Join(dir, "save")
	if err := os.WriteFile(script, []byte("#!/bin/sh\ncat > "+out+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return []string{script}, out
}

func TestPipeGivesTheArticleOnStdin(t *testing.T) {
	argv, out := catTo(t)
	r := &runNow{}
	hs := newHarness(t, 120, 40, articles(3), func(o *Options) { o.PipeCommands, o.Exec = []PipeCommand{{Name: "save", Argv: argv}}, r.exec })
	hs.press(hs.keys.Down)
	hs.press(hs.keys.Pipe)
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if s := string(got); !strings.Contains(s, "# Story number 1") || !strings.Contains(s, "Body of story 1.") {
		t.Fatalf("pipe command got %q", s)
	}
	if v := lastLines(hs.view(), 2); !strings.Contains(v, "save done.") {
		t.Errorf("status after the pipe:\n%s", v)
	}

	// The URL instead, when configured.
	hs = newHarness(t, 120, 40, articles(3), func(o *Options) {
		o.PipeCommands, o.Exec = []PipeCommand{{Name: "save", Argv: argv, URL: true}}, r.exec
	})
	hs.press(hs.keys.Pipe)
	if got, _ := os.ReadFile(out); string(got) != "https://news.example/story-0\n" {
		t.Fatalf("pipe_input url: got %q", got)
	}
}

func TestPipeFailureAndNoCommand(t *testing.T) {
	hs := newHarness(t, 120, 40, articles(3))
	hs.press(hs.keys.Pipe)
	if v := lastLines(hs.view(), 2); !strings.Contains(v, "No pipe command") {
		t.Errorf("without a command:\n%s", v)
	}
	r := &runNow{}
	hs = newHarness(t, 120, 40, articles(3), func(o *Options) { o.PipeCommands, o.Exec = []PipeCommand{{Name: "f", Argv: []string{"false"}}}, r.exec })
	hs.press(hs.keys.Pipe)
	if v := lastLines(hs.view(), 2); !strings.Contains(v, "false: exit status 1") {
		t.Errorf("a failing command:\n%s", v)
	}
}

// TestPipePicksAmongCommands: with two commands the pipe key shows their
// names; Esc runs nothing, Enter runs the one under the cursor with the
// article selected when the key was pressed.
func TestPipePicksAmongCommands(t *testing.T) {
	first, firstOut := catTo(t)
	second, secondOut := catTo(t)
	r := &runNow{}
	hs := newHarness(t, 120, 40, articles(3), func(o *Options) {
		o.Exec = r.exec
		o.PipeCommands = []PipeCommand{{Name: "summary", Argv: first}, {Name: "mail-me", Argv: second, URL: true}}
	})
	hs.press(hs.keys.Down)
	hs.press(hs.keys.Pipe)
	v := hs.view()
	if !strings.Contains(v, "summary") || !strings.Contains(v, "mail-me") || !strings.Contains(v, "Hand the article to") {
		t.Fatalf("no picker of the command names:\n%s", v)
	}
	hs.press(hs.keys.Back)
	if len(r.argv) != 0 || strings.Contains(hs.view(), "mail-me") {
		t.Fatalf("Esc ran %v or left the picker open:\n%s", r.argv, hs.view())
	}

	hs.press(hs.keys.Pipe)
	hs.press(hs.keys.Down)
	hs.press(hs.keys.Open)
	if len(r.argv) != 1 || r.argv[0][0] != second[0] {
		t.Fatalf("ran %v, want the second command", r.argv)
	}
	if got, _ := os.ReadFile(secondOut); string(got) != "https://news.example/story-1\n" {
		t.Errorf("second command got %q", got)
	}
	if _, err := os.Stat(firstOut); err == nil {
		t.Error("the first command ran too")
	}
	if v := hs.view(); strings.Contains(v, "Hand the article to") || !strings.Contains(lastLines(v, 2), "save done.") {
		t.Errorf("after running, the picker should be closed and the status say so:\n%s", v)
	}

	// Enter on the first entry hands on the Markdown.
	hs.press(hs.keys.Pipe)
	hs.press(hs.keys.Open)
	if got, _ := os.ReadFile(firstOut); !strings.Contains(string(got), "# Story number 1") {
		t.Errorf("first command got %q", got)
	}
}

func TestEditOpensTheFile(t *testing.T) {
	r := &runNow{}
	hs := newHarness(t, 120, 40, articles(3), func(o *Options) { o.Editor, o.Exec = []string{"true", "-x"}, r.exec })
	hs.press(hs.keys.Edit)
	want := []string{"true", "-x", "news/2025-03-01-story-0.md"}
	if len(r.argv) != 1 || strings.Join(r.argv[0], " ") != strings.Join(want, " ") {
		t.Fatalf("editor argv %q, want %q", r.argv, want)
	}
}

func TestTerminalTitleCountsUnread(t *testing.T) {
	var mu sync.Mutex
	var written []string
	hs, st := stateHarness(t, 4, func(o *Options) {
		o.Title = func(title string) { mu.Lock(); written = append(written, title); mu.Unlock() }
	})
	if got := hs.m.handoff.title; got != "Herald · 4 unread" {
		t.Fatalf("title %q", got)
	}
	st.read[hs.m.lib.arts[0].ID] = true
	st.version++
	hs.press(hs.keys.Down)
	if got := hs.m.handoff.title; got != "Herald · 3 unread" {
		t.Fatalf("title after a read %q", got)
	}
	// The title reaches the terminal through Options.Title, from a Cmd:
	// Bubble Tea v1's own SetWindowTitle writes outside the renderer's lock.
	mu.Lock()
	defer mu.Unlock()
	if n := len(written); n == 0 || written[n-1] != "Herald · 3 unread" {
		t.Errorf("titles written to the terminal: %q, want the last to be %q", written, "Herald · 3 unread")
	}
}

func TestEditSkippedFileAtItsLine(t *testing.T) {
	r := &runNow{}
	ch := make(chan feed.Batch, 1)
	ch <- feed.Batch{Articles: articles(2), Found: 4, Done: true, Skipped: []feed.Problem{
		{Path: "news/a.md", Line: 3, Reason: "bad front matter"},
		{Path: "news/b.md", Line: 7, Reason: "no title"},
	}}
	close(ch)
	hs := newHarness(t, 120, 40, nil, withLoader(ch), func(o *Options) { o.Editor, o.Exec = []string{"true"}, r.exec })
	hs.press(hs.keys.Skipped)
	hs.press(hs.keys.Down) // the second file at the top
	hs.press(hs.keys.Edit)
	if len(r.argv) != 1 || strings.Join(r.argv[0], " ") != "true +7 news/b.md" {
		t.Fatalf("editor argv %q", r.argv)
	}
}
