package cli

import (
	"path/filepath"

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

// imageOptions decides, before the program starts, how lead images are
// drawn: not at all when the setting is off, without colour (--plain,
// NO_COLOR) or without a cache directory; else in half blocks (auto has
// nothing better to choose yet), at the aspect ratio of the terminal's
// cells on fd. Images are kept under the reader's cache cap and fetched
// unless offline.
func (g *globals) imageOptions(cfg config.Config, look config.Appearance, profile termenv.Profile, fd uintptr) ui.ImageOptions {
	dir := imagesDir(g.getenv)
	if cfg.Images == config.ImagesOff || look.Plain || !look.Color || profile == termenv.Ascii || dir == "" {
		return ui.ImageOptions{}
	}
	var fetcher *page.Fetcher
	if !g.isOffline() {
		fetcher = page.NewFetcher(page.FetcherOptions{Version: version()})
	}
	cell, ok := picture.CellOf(fd)
	if !ok {
		cell = picture.DefaultCell()
	}
	g.debug.Printf("tui: images %s, cell %dx%d px (reported %v)", cfg.Images, cell.W, cell.H, ok)
	return ui.ImageOptions{
		Source:  page.OpenImages(dir, int64(cfg.ReaderCacheMB)<<20, fetcher),
		Rows:    cfg.ImageRows,
		Cell:    cell,
		Profile: profile,
	}
}
