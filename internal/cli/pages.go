package cli

import (
	"path/filepath"

	"github.com/herald-reader/herald/config"
	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/feed/page"
	"github.com/herald-reader/herald/internal/xdg"
)

// What the commands share about reader mode's fetched pages (see
// feed/page): where they are kept and whether the network may be used.

// pagesDir is where fetched pages are kept: $XDG_CACHE_HOME/herald/pages,
// else ~/.cache/herald/pages; "" when neither is known. HERALD_NO_CACHE
// does not apply: the pages are content fetched once and read offline, not
// a cache of what the article files hold.
func pagesDir(getenv func(string) string) string {
	if d := xdg.CacheHome(getenv); d != "" {
		return filepath.Join(d, "herald", "pages")
	}
	return ""
}

// pageStore opens the store of fetched pages with the configured cap; nil
// when there is no place for it.
func (g *globals) pageStore(cfg config.Config) *page.Store {
	dir := pagesDir(g.getenv)
	if dir == "" {
		return nil
	}
	return page.OpenStore(dir, int64(cfg.ReaderCacheMB)<<20)
}

// pageTexts returns the fetched pages' text by article for search; it
// finds nothing when there is no store (or no usable config: the command
// reports that itself).
func (g *globals) pageTexts() func(*feed.Article) string {
	cfg, _, err := g.loadConfig()
	var store *page.Store
	if err == nil {
		store = g.pageStore(cfg)
	}
	if store == nil {
		return func(*feed.Article) string { return "" }
	}
	texts := store.Texts()
	return func(a *feed.Article) string {
		if u := a.URL(); u != "" {
			return texts(u)
		}
		return ""
	}
}

// isOffline reports --offline or HERALD_OFFLINE=1: no command touches the
// network then, and fetched pages still show.
func (g *globals) isOffline() bool {
	if g.offline {
		return true
	}
	switch g.getenv("HERALD_OFFLINE") {
	case "1", "true", "yes":
		return true
	}
	return false
}

// pageSource is the reader's source of pages: the store, and fetcher
// (nil: offline); nil (no reader mode) when there is no store.
func (g *globals) pageSource(cfg config.Config, fetcher *page.Fetcher) *page.Source {
	store := g.pageStore(cfg)
	if store == nil {
		return nil
	}
	return page.NewSource(store, fetcher)
}

// onlineFetcher is the fetcher the reader's pages and images share, so
// that its limits (two connections to a host) hold for both; nil when
// offline.
func (g *globals) onlineFetcher() *page.Fetcher {
	if g.isOffline() {
		return nil
	}
	return page.NewFetcher(page.FetcherOptions{Version: version()})
}
