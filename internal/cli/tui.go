package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/herald-reader/herald/config"
	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/feed/search"
	"github.com/herald-reader/herald/internal/demo"
	"github.com/herald-reader/herald/internal/gcpace"
	"github.com/herald-reader/herald/internal/state"
	"github.com/herald-reader/herald/ui"
	"github.com/herald-reader/herald/ui/browser"
	"github.com/herald-reader/herald/ui/clipboard"
	"github.com/herald-reader/herald/ui/render"
)

// runTUI is `herald [DIR...]`: the reader, in the alternate screen. With
// no directory it opens the configured dirs, else the demo library built
// into the binary.
func (g *globals) runTUI(args []string, stdout io.Writer) error {
	for _, a := range args {
		if strings.HasPrefix(a, "-") && a != "-" {
			return usagef("unknown option %q (see herald --help)", a)
		}
	}
	cfg, _, err := g.loadConfig()
	if err != nil {
		return err
	}
	keys, err := cfg.KeyMap()
	if err != nil {
		return err
	}
	// Parsed now, as the commands parse them: a since:7d rule counts from
	// the start of this run.
	mute, err := search.ParseMute(cfg.Mute, time.Now())
	if err != nil {
		return err
	}
	dirs := args
	if len(dirs) == 0 {
		dirs = cfg.Dirs
	}
	for _, d := range dirs {
		if err := checkDir(d); err != nil {
			return err
		}
	}
	out, ok := stdout.(*os.File)
	if !ok || !isTerminal(stdout) {
		return errors.New("the reader needs a terminal; for scripts use herald list")
	}

	// Decide everything about the terminal now, before the program owns
	// it: a background query later would race Bubble Tea for the replies.
	dark := true
	look := cfg.Appearance(g.getenv, func() bool {
		start := time.Now()
		dark = askBackground(out)
		g.debug.Printf("tui: dark background %v (asked the terminal in %v)", dark, time.Since(start))
		return dark
	})
	profile := colorProfile(g.getenv)
	if !look.Color {
		profile = termenv.Ascii
	}
	ui.PinTerminal(dark, profile)
	renderer, err := render.NewRenderer(look.Glamour, render.WithColorProfile(profile))
	if err != nil {
		return err
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srcs := dirSources(dirs)
	if len(dirs) == 0 {
		srcs = []feed.Source{feed.FS(demo.FS(), "demo")}
	}
	// The walk of a warm start waits until the first articles are on the
	// screen: on a small machine it would take the cores the first frame
	// needs. The UI opens the gate, the loader waits for it, and the
	// watcher starts with the walk (see feed.StartGate).
	gate := feed.NewStartGate(firstFrameOut)
	loadOpt := loadOptions(g.getenv, g.debug.Printf)
	loadOpt.Gate = gate
	// The watcher starts as the walk does: on a warm start that is after
	// the first screen, which needs the cores more. Setting the watches
	// lists the whole tree (130-150 ms at 100,000 files), at about the time
	// the loader reads the same directories, so only a file written in
	// those milliseconds could go unseen until the next change. A watch
	// that cannot start costs live updates only.
	var changes <-chan feed.Change
	if len(dirs) > 0 {
		changes = feed.Watch(ctx, dirs, feed.WatchOptions{Start: gate.Walking()}).Changes()
	}
	// The reading state: a store that cannot be opened is shown in the
	// status line; the reader works without marks.
	var store ui.Store
	stateDir, stateErr := state.DefaultDir(g.getenv)
	if stateErr == nil {
		var st *state.Store
		if st, stateErr = state.Open(stateDir); stateErr == nil {
			defer st.Close()
			store = st
		}
	}
	pace := loadPace(g.getenv)
	defer pace.Stop()
	loading := feed.Stream(ctx, srcs, loadOpt)
	fetcher := g.onlineFetcher()
	term := &termWriter{File: out}
	// The demo's images are placeholders on a reserved domain that no
	// server answers: asking for them would put a failure (and a name
	// lookup) on a newcomer's first screen, and asking the terminal would
	// delay it.
	var images ui.ImageOptions
	if len(dirs) > 0 {
		images = g.imageOptions(cfg, look, profile, term, fetcher)
	}
	var pages ui.Pages // a nil *page.Source must not become a non-nil interface
	if src := g.pageSource(cfg, fetcher); src != nil {
		pages = src
	}
	m := ui.New(ui.Options{
		Keys:             keys,
		Styles:           ui.NewStyles(cfg.Theme, look),
		Layout:           cfg.Layout,
		Dates:            cfg.Dates,
		Clock:            time.Now,
		Opener:           browser.Opener{Browser: cfg.Browser, Env: g.getenv},
		Renderer:         renderer,
		Loader:           loading.Batches(),
		Found:            loading.Found,
		LoaderDone:       loading.Done(),
		LoadSettled:      pace.Stop,
		Watch:            changes,
		Clustering:       cfg.Clustering,
		Copier:           clipboard.Copier{Out: out},
		Hyperlinks:       look.Hyperlinks,
		RenderCacheBytes: cfg.RenderCacheMB << 20,
		Debug:            g.debug.Printf,
		State:            store,
		StateErr:         stateErr,
		MarkReadOnOpen:   cfg.MarkReadOnOpen,
		OpenMarksRead:    cfg.OpenMarksRead,
		PipeCommands:     pipeCommands(cfg.PipeCommands()),
		Editor:           editor(g.getenv),
		Title:            func(t string) { io.WriteString(term, ansi.SetWindowTitle(t)) },
		// One frame (at 120 fps) for the list to move on its own, and a
		// rest of a few frames before a render takes a core: measured with
		// keylat.sh at 100,000 articles, first change 16.6 ms against 22.8
		// without them, the rendered article still within 100 ms.
		FollowDelay: 9 * time.Millisecond,
		RenderDelay: 30 * time.Millisecond,
		// Long enough to read a path or a URL, short enough that the
		// line does not describe a state long gone.
		StatusTTL: 5 * time.Second,
		// Longer than a keystroke's search at 100,000 articles (a fresh
		// word's first letter ranks about half of them in ~100-150 ms),
		// so the line does not flicker while typing; at a million a short
		// word takes seconds, and the stale count would mislead.
		SearchingAfter: 250 * time.Millisecond,
		StartGate:      gate,
		Pages:          pages,
		Reader:         cfg.Reader,
		Images:         images,
		Mute:           mute,
		Searches:       cfg.Searches,
	})
	// 120 frames a second (Bubble Tea's maximum, default 60): a key press
	// waits for the next frame tick to reach the screen, so this halves
	// that wait; frames with no change are not written.
	opts := []tea.ProgramOption{tea.WithOutput(term), tea.WithContext(ctx), tea.WithFPS(120)}
	if !look.Plain {
		// Plain mode is also for screen readers: it stays on the main
		// screen, whose lines they can read back (Bubble Tea rewrites only
		// the lines that changed either way).
		opts = append(opts, tea.WithAltScreen())
	}
	if cfg.Mouse {
		// Opt-in: reporting the mouse takes the terminal's selection away.
		opts = append(opts, tea.WithMouseCellMotion())
	}
	p := tea.NewProgram(m, opts...)
	// The reader sets the terminal's title to the unread count: keep the
	// user's title on the terminal's title stack (xterm, tmux, most
	// others; ignored elsewhere) and put it back on exit.
	fmt.Fprint(out, "\x1b[22;0t")
	defer fmt.Fprint(out, "\x1b[23;0t")
	g.debug.Printf("tui: %d dirs, glamour %s, profile %v", len(dirs), look.Glamour, profile)
	_, err = p.Run()
	stopped := ctx.Err() != nil // the program was stopped from outside, not failed
	cancel()
	// The cache of a large library is written when its load ends: a quit
	// just then must not kill the write, or the next start is cold. A
	// load cancelled midway stops at once.
	select {
	case <-loading.Done():
	case <-time.After(saveCacheWait):
		g.debug.Printf("tui: quit without waiting any longer for the cache")
	}
	if err != nil && !stopped {
		return problems(err)
	}
	return nil
}

// saveCacheWait bounds how long quitting waits for the cache to be saved
// (about a second for 100,000 articles here).
const saveCacheWait = 3 * time.Second

// askBackground reports whether the terminal's background is dark. On
// os.Stdout Bubble Tea v1 has already asked (its package init calls
// lipgloss.HasDarkBackground, which keeps the answer): asking again would
// cost a second query, each up to termenv.OSCTimeout (5 s) on a terminal
// that never answers, and would swallow the keys typed meanwhile.
func askBackground(out *os.File) bool {
	if out == os.Stdout {
		return lipgloss.HasDarkBackground()
	}
	return termenv.NewOutput(out).HasDarkBackground()
}

// firstFrameOut is how long after the first articles are drawn the walk
// may start: two frames at 120 fps, for the renderer to write the frame
// and the terminal to show it before the walk takes the cores.
const firstFrameOut = 17 * time.Millisecond

// pathless is err without the operation and path a *fs.PathError
// prefixes, for a message that names the path itself: not "open X: open
// X: no such file or directory".
func pathless(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// checkDir reports a directory argument that cannot be read, so that the
// common mistakes (a typo, a file) fail before the screen is taken over.
func checkDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("open %s: %w", dir, pathless(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("open %s: %w", dir, pathless(err))
	}
	if !st.IsDir() {
		return fmt.Errorf("open %s: not a directory", dir)
	}
	return nil
}

// editor is $VISUAL, else $EDITOR, as argv (split on spaces, no shell);
// nil when neither is set.
func editor(getenv func(string) string) []string {
	for _, name := range []string{"VISUAL", "EDITOR"} {
		if f := strings.Fields(getenv(name)); len(f) > 0 {
			return f
		}
	}
	return nil
}

// pipeCommands turns the configured commands into argv (words split on
// white space, no shell).
func pipeCommands(cmds []config.Command) []ui.PipeCommand {
	out := make([]ui.PipeCommand, 0, len(cmds))
	for _, c := range cmds {
		if argv := strings.Fields(c.Run); len(argv) > 0 {
			out = append(out, ui.PipeCommand{Name: c.Name, Argv: argv, URL: c.Input == config.PipeURL})
		}
	}
	return out
}

// loadPace paces the garbage collector while the library loads
// (gcpace.Load), unless the user set its pace with GOGC or GOMEMLIMIT.
func loadPace(getenv func(string) string) *gcpace.Pacer {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return gcpace.Off()
	}
	return gcpace.Load()
}
