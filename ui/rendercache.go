package ui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
)

// The detail pane keeps finished renders, by article file and width, for
// going back to them. The render cache holds at most maxCached renders and renderCacheBytes of
// them (the default of the render_cache_mb setting): a screenful of glamour output is a few kilobytes, but a hostile
// article can render to megabytes (a 16 KB file to 8.6 MB), and 256 of
// those were 4.5 GB. One render is capped at maxRenderedBytes, cut at a
// line with a "(truncated)" note: no one reads that far, and the viewport
// and the cache must not hold it.
const (
	maxCached        = 256
	renderCacheBytes = 64 << 20
	maxRenderedBytes = 8 << 20
)

// truncatedNote ends a render cut at maxRenderedBytes.
const truncatedNote = "\x1b[0m\n\n(truncated)"

// capRendered cuts content to at most limit bytes at a line break, with
// truncatedNote (limit includes it).
func capRendered(content string, limit int) string {
	if len(content) <= limit {
		return content
	}
	cut := strings.LastIndexByte(content[:max(0, limit-len(truncatedNote))], '\n')
	if cut < 0 {
		cut = 0
	}
	return content[:cut] + truncatedNote
}

func (d *detailPane) store(k renderKey, r rendered) {
	if _, ok := d.cache[k]; ok {
		return
	}
	for len(d.order) > 0 && (len(d.order) >= maxCached || d.cached+len(r.content) > d.budget) {
		d.uncache(d.order[0])
		d.order = d.order[1:]
	}
	d.cache[k] = r
	d.order = append(d.order, k)
	d.cached += len(r.content)
}

// uncache drops k's render from the cache (the caller drops it from
// order), keeping count of the bytes held.
func (d *detailPane) uncache(k renderKey) {
	d.cached -= len(d.cache[k].content)
	delete(d.cache, k)
}

// pageArrived drops the renders of the articles whose page (at url) was
// just fetched, and renders the shown one again when it is one of them.
func (d *detailPane) pageArrived(url string) tea.Cmd {
	if d.inflight {
		d.dropBelow = d.seq + 1
	}
	kept := d.order[:0]
	for _, k := range d.order {
		if r, ok := d.cache[k]; ok && r.url == url {
			d.uncache(k)
			continue
		}
		kept = append(kept, k)
	}
	d.order = kept
	if d.article == nil || d.article.URL() != url {
		return nil
	}
	return d.refresh()
}
