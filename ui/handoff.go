package ui

import (
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/ui/render"
)

// Handing the article to other programs: the pipe key gives it (its
// Markdown, or its URL) to the configured command on stdin, the edit key
// opens its file in the user's editor. Both run through tea.ExecProcess,
// which gives them the terminal and redraws the reader after.

// handoff is the model's share of it: the commands, and the terminal
// title last set.
type handoff struct {
	commands []PipeCommand
	// picking is the commands picker's state while it is open.
	picking commandPicker
	editor  []string
	exec    func(*exec.Cmd, tea.ExecCallback) tea.Cmd
	// detail reads an article's full version (Options.Detail).
	detail func(*feed.Article) (*feed.Article, error)
	title  string
	// setTitle writes the title to the terminal (Options.Title); nil: the
	// title is only kept.
	setTitle func(string)
}

// handedMsg is the end of a command the article was handed to.
type handedMsg struct {
	what string
	err  error
}

func newHandoff(o Options) handoff {
	h := handoff{commands: o.PipeCommands, editor: o.Editor, exec: o.Exec, detail: o.Detail,
		title: "Herald", setTitle: o.Title} // set by Init
	if h.exec == nil {
		h.exec = tea.ExecProcess
	}
	if h.detail == nil {
		h.detail = feed.Detail
	}
	return h
}

// PipeCommand is a command the pipe key can hand the article to.
type PipeCommand struct {
	// Name is what the picker shows.
	Name string
	// Argv is the program and its arguments (no shell).
	Argv []string
	// URL gives it the article's URL on stdin rather than its Markdown.
	URL bool
}

// pipeArticle hands the current article to the pipe command, or opens
// the picker when there are several.
func (m *Model) pipeArticle() tea.Cmd {
	a, h := m.current(), &m.handoff
	switch {
	case a == nil:
		m.status.set("No article selected.")
		return nil
	case len(h.commands) == 0:
		m.status.set("No pipe command: set commands in the config file.")
		return nil
	case len(h.commands) == 1:
		return m.runPipe(h.commands[0], a)
	}
	h.picking = commandPicker{article: a}
	m.over = commandsOverlay
	return nil
}

// runPipe runs c with article a on its stdin.
func (m *Model) runPipe(c PipeCommand, a *feed.Article) tea.Cmd {
	h := &m.handoff
	cmd := exec.Command(c.Argv[0], c.Argv[1:]...)
	if c.URL {
		cmd.Stdin = strings.NewReader(a.URL() + "\n")
	} else {
		detail, now := h.detail, m.clock()
		cmd.Stdin = &lazyReader{text: func() string {
			if full, err := detail(a); err == nil && full != nil {
				a = full
			}
			md, _ := render.Document(a, now)
			return md
		}}
	}
	what := shortCommand(c.Argv)
	return h.exec(cmd, func(err error) tea.Msg { return handedMsg{what: what, err: err} })
}

// editArticle opens the current article's file in $VISUAL or $EDITOR.
func (m *Model) editArticle() tea.Cmd {
	a, h := m.current(), &m.handoff
	switch {
	case a == nil:
		m.status.set("No article selected.")
		return nil
	case len(h.editor) == 0:
		m.status.set("No editor: set VISUAL or EDITOR.")
		return nil
	case a.Path == "":
		m.status.set("This article has no file to edit.")
		return nil
	}
	return m.edit(a.Path, 0)
}

// editSkipped opens the file at the top of the skipped-files panel at the
// line of its problem.
func (m *Model) editSkipped() tea.Cmd {
	p, ok := m.skipped.fileAtTop()
	switch {
	case !ok:
		m.status.set("No file to edit here.")
		return nil
	case len(m.handoff.editor) == 0:
		m.status.set("No editor: set VISUAL or EDITOR.")
		return nil
	}
	return m.edit(p.Path, p.Line)
}

// edit opens path in the editor, at line when it is > 0 (+LINE, which vi,
// vim, nano, emacs and most others accept).
func (m *Model) edit(path string, line int) tea.Cmd {
	h := &m.handoff
	args := append([]string(nil), h.editor[1:]...)
	if line > 0 {
		args = append(args, "+"+strconv.Itoa(line))
	}
	cmd := exec.Command(h.editor[0], append(args, path)...)
	what := shortCommand(h.editor)
	return h.exec(cmd, func(err error) tea.Msg { return handedMsg{what: what, err: err} })
}

func (m *Model) handleHanded(msg handedMsg) tea.Cmd {
	if msg.err != nil {
		m.status.setError(fmt.Errorf("%s: %w", msg.what, msg.err))
		return nil
	}
	m.status.set("%s done.", msg.what)
	return nil
}

// terminalTitle sets the terminal's title to the unread count when it
// changed ("Herald · 12 unread"); nil otherwise. cli restores the title
// the terminal had on exit.
func (m *Model) terminalTitle() tea.Cmd {
	t := "Herald"
	if m.reading.store != nil && !m.lib.loading {
		m.readingParts() // brings the cached counts up to date
		t = fmt.Sprintf("Herald%s%d unread", m.styles.Dot, m.reading.unread)
	}
	if t == m.handoff.title {
		return nil
	}
	m.handoff.title = t
	return m.handoff.writeTitle()
}

// writeTitle is a Cmd that writes the kept title to the terminal (nil
// without Options.Title). Not tea.SetWindowTitle: Bubble Tea v1 writes it
// outside the renderer's lock, racing the frame being flushed.
func (h *handoff) writeTitle() tea.Cmd {
	set, t := h.setTitle, h.title
	if set == nil {
		return nil
	}
	return func() tea.Msg {
		set(t)
		return nil
	}
}

// lazyReader reads text made on the first Read, on the goroutine that
// runs the command rather than in Update.
type lazyReader struct {
	text func() string
	r    *strings.Reader
}

func (l *lazyReader) Read(p []byte) (int, error) {
	if l.r == nil {
		l.r = strings.NewReader(l.text())
	}
	return l.r.Read(p)
}

var _ io.Reader = (*lazyReader)(nil) // the command's stdin

// shortCommand names a command in messages by its program's base name.
func shortCommand(argv []string) string {
	name := argv[0]
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	return name
}
