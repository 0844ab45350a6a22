package cli

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/muesli/termenv"

	"github.com/herald-reader/herald/config"
	"github.com/herald-reader/herald/feed/page"
	"github.com/herald-reader/herald/internal/termprobe"
	"github.com/herald-reader/herald/internal/xdg"
	"github.com/herald-reader/herald/ui"
	"github.com/herald-reader/herald/ui/picture"
)

// imagesDir is where fetched images are kept, next to the pages:
// $XDG_CACHE_HOME/herald/images; "" when no cache directory is known.
func imagesDir(getenv func(string) string) string {
	if d := xdg.CacheHome(getenv); d != "" {
		return filepath.Join(d, "herald", "images")
	}
	return ""
}

// termWriter is the terminal as the program writes to it: Bubble Tea
// writes each frame in one Write, and a kitty image's transmission, sent
// from a Cmd, must land between frames, never inside one.
type termWriter struct {
	*os.File
	mu sync.Mutex
}

func (w *termWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.File.Write(p)
}

func (w *termWriter) WriteString(s string) (int, error) {
	return w.Write([]byte(s))
}

// terminalFacts is what auto decides from: the environment, the
// terminal's answer to termprobe.Query, and whether tmux passes graphics
// through to the terminal around it.
type terminalFacts struct {
	getenv      func(string) string
	reply       termprobe.Reply
	passthrough bool // tmux's allow-passthrough is on (only asked inside tmux)
}

// inMultiplexer reports tmux or screen, which draw the screen themselves:
// graphics reach the terminal only through tmux's passthrough.
func inMultiplexer(getenv func(string) string) bool {
	return getenv("TMUX") != "" || getenv("STY") != ""
}

// autoImages is what images: auto means in a terminal: kitty graphics
// where the terminal answered the kitty query (or the environment names
// kitty or Ghostty), iTerm2 images in iTerm2 and WezTerm, sixel where DA1
// lists it, else blocks. Inside screen, or tmux without passthrough,
// always blocks.
func autoImages(t terminalFacts) string {
	env := t.getenv
	if env("STY") != "" || env("TMUX") != "" && !t.passthrough {
		return config.ImagesBlocks
	}
	switch {
	case t.reply.Kitty || env("TERM") == "xterm-kitty" || env("KITTY_WINDOW_ID") != "" || env("TERM_PROGRAM") == "ghostty":
		return config.ImagesKitty
	case env("TERM_PROGRAM") == "iTerm.app" || env("LC_TERMINAL") == "iTerm2" || env("TERM_PROGRAM") == "WezTerm":
		return config.ImagesITerm2
	case t.reply.Sixel:
		return config.ImagesSixel
	}
	return config.ImagesBlocks
}

// probeWait bounds the terminal query: a terminal that answers DA1 ends
// it in a few milliseconds; one that answers nothing costs this once.
const probeWait = 150 * time.Millisecond

// askTerminal gathers the facts for images: auto, asking the terminal out
// only where its answer can matter: not inside screen or tmux without
// passthrough (tmux answers DA1 itself there).
func (g *globals) askTerminal(out *os.File) terminalFacts {
	t := terminalFacts{getenv: g.getenv}
	if g.getenv("TMUX") != "" {
		t.passthrough = tmuxPassthrough()
	}
	if inMultiplexer(g.getenv) {
		return t
	}
	start := time.Now()
	reply, err := termprobe.Ask(out, probeWait)
	g.debug.Printf("tui: terminal graphics %+v, err %v (asked in %v)", reply, err, time.Since(start))
	t.reply = reply
	return t
}

// tmuxPassthrough reports tmux's allow-passthrough option on (or "all"),
// asked of the tmux server without a shell and with a short timeout.
func tmuxPassthrough() bool {
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	out, err := exec.CommandContext(ctx, "tmux", "show", "-gv", "allow-passthrough").Output()
	if err != nil {
		return false
	}
	v := strings.TrimSpace(string(out))
	return v == "on" || v == "all"
}

// tmuxWrap passes seq through tmux to the terminal around it: the DCS
// passthrough, with every ESC inside doubled.
func tmuxWrap(seq string) string {
	return "\x1bPtmux;" + strings.ReplaceAll(seq, "\x1b", "\x1b\x1b") + "\x1b\\"
}

// imageOptions decides, before the program starts, how lead images are
// drawn: not at all when the setting is off, without colour (--plain,
// NO_COLOR) or without a cache directory; with kitty graphics when asked
// for, or for auto in a terminal known to show them; else in half
// blocks. The aspect ratio comes from the cells of term. Images are kept
// under the reader's cache cap and fetched with fetcher (nil: offline).
func (g *globals) imageOptions(cfg config.Config, look config.Appearance, profile termenv.Profile, term *termWriter, fetcher *page.Fetcher) ui.ImageOptions {
	dir := imagesDir(g.getenv)
	if cfg.Images == config.ImagesOff || look.Plain || !look.Color || profile == termenv.Ascii || dir == "" {
		return ui.ImageOptions{}
	}
	mode := cfg.Images
	if mode == config.ImagesAuto {
		mode = autoImages(g.askTerminal(term.File))
	}
	cell, ok := picture.CellOf(term.Fd())
	if !ok {
		cell = picture.DefaultCell()
	}
	g.debug.Printf("tui: images %s (%s), cell %dx%d px (reported %v)", mode, cfg.Images, cell.W, cell.H, ok)
	o := ui.ImageOptions{
		Source:  page.OpenImages(dir, int64(cfg.ReaderCacheMB)<<20, fetcher),
		Rows:    cfg.ImageRows,
		Cell:    cell,
		Profile: profile,
	}
	o.Graphics = func(seq string) { io.WriteString(term, seq) }
	if g.getenv("TMUX") != "" && (mode == config.ImagesKitty || mode == config.ImagesITerm2) {
		// tmux does not draw these itself: they go to the terminal
		// around it (kitty's placeholders are text tmux does draw).
		o.Graphics = func(seq string) { io.WriteString(term, tmuxWrap(seq)) }
	}
	switch mode {
	case config.ImagesKitty:
		o.Kitty = true
	case config.ImagesITerm2:
		o.FullScreen = picture.ITerm2
	case config.ImagesSixel:
		o.FullScreen = picture.Sixel
	}
	return o
}
