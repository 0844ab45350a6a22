package cli

import (
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/muesli/termenv"

	"github.com/herald-reader/herald/config"
	"github.com/herald-reader/herald/feed/page"
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

// kittyTerminal reports, from the environment alone (no query, so no
// wait), a terminal that shows kitty graphics with Unicode placeholders;
// inside tmux the graphics would need passthrough, so blocks are safer.
func kittyTerminal(getenv func(string) string) bool {
	if getenv("TMUX") != "" || getenv("STY") != "" {
		return false
	}
	return getenv("TERM") == "xterm-kitty" || getenv("KITTY_WINDOW_ID") != "" ||
		getenv("TERM_PROGRAM") == "ghostty"
}

// iTerm2Terminal reports, from the environment alone, a terminal that
// shows iTerm2 inline images (iTerm2, WezTerm); not inside tmux or screen.
func iTerm2Terminal(getenv func(string) string) bool {
	if getenv("TMUX") != "" || getenv("STY") != "" {
		return false
	}
	return getenv("TERM_PROGRAM") == "iTerm.app" || getenv("LC_TERMINAL") == "iTerm2" ||
		getenv("TERM_PROGRAM") == "WezTerm"
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
	cell, ok := picture.CellOf(term.Fd())
	if !ok {
		cell = picture.DefaultCell()
	}
	g.debug.Printf("tui: images %s, cell %dx%d px (reported %v)", cfg.Images, cell.W, cell.H, ok)
	o := ui.ImageOptions{
		Source:  page.OpenImages(dir, int64(cfg.ReaderCacheMB)<<20, fetcher),
		Rows:    cfg.ImageRows,
		Cell:    cell,
		Profile: profile,
	}
	o.Graphics = func(seq string) { io.WriteString(term, seq) }
	switch {
	case cfg.Images == config.ImagesKitty || cfg.Images == config.ImagesAuto && kittyTerminal(g.getenv):
		o.Kitty = true
	case cfg.Images == config.ImagesITerm2 || cfg.Images == config.ImagesAuto && iTerm2Terminal(g.getenv):
		o.FullScreen = picture.ITerm2
	case cfg.Images == config.ImagesSixel:
		o.FullScreen = picture.Sixel
	}
	return o
}
