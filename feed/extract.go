package feed

import (
	"fmt"

	"github.com/herald-reader/herald/feed/internal/frontmatter"
)

// maxWarnings caps the warnings kept per article; a hostile file could
// otherwise produce one per value.
const maxWarnings = 20

// node is a value of the decoded front matter.
type node = frontmatter.Node

// extractor maps a decoded front matter onto an Article. It never fails:
// a field it cannot use is left empty (or falls back) with a warning.
type extractor struct {
	t    *frontmatter.Tree
	a    *Article
	path string
	full bool // keep the detail fields (see Article)
	// borrow: the caller copies every string it keeps (the loader's
	// compactSummary), so text is not cloned out of the file's bytes here.
	borrow bool
}

func (x *extractor) warn(line int, format string, args ...any) {
	if x.a.WarningCount() >= maxWarnings {
		return
	}
	msg := fmt.Sprintf(format, args...)
	if line > 0 {
		msg = fmt.Sprintf("line %d: %s", line, msg)
	}
	x.a.addWarning(msg)
}

// article fills x.a from the root mapping. Keys are matched exactly (the
// format is camelCase); unknown keys, and "secured" (an opaque encrypted
// blob), are ignored.
func (x *extractor) article() {
	for _, w := range x.t.Warnings() {
		x.warn(0, "%s", w)
	}
	a := x.a
	var title, name, published, date, website node // the zero node when absent
	x.t.Root().Each(func(c node) {
		switch c.Key() {
		case "title":
			title = c
		case "name":
			name = c
		case "publishedDateTime":
			published = c
		case "date":
			date = c
		case "category":
			a.Category = x.line(c)
		case "excerpt":
			a.Excerpt = x.multiline(c)
		case "originalUrl":
			a.OriginalURL = x.url(c)
		case "webUrl":
			a.WebURL = x.url(c)
		case "website":
			website = c
		case "ampWebUrl":
			if x.full {
				a.Detail.AmpWebURL = x.url(c)
			}
		case "cdnAmpWebUrl":
			if x.full {
				a.Detail.CDNAmpWebURL = x.url(c)
			}
		case "type":
			a.Type = x.line(c)
		case "quality":
			a.Quality = clampInt32(int64(x.int(c)))
		case "heat":
			a.Heat = clampInt32(int64(x.int(c)))
		case "provider":
			var imgs []Image
			a.Provider, imgs = x.provider(c)
			if x.full {
				a.Detail.ProviderImages = imgs
			}
		case "topics":
			a.Topics = x.list(c)
		case "tags":
			a.Tags = x.list(c)
		case "images":
			if x.full {
				a.Detail.Images = x.images(c)
			}
		case "related":
			x.related(c)
		case "featuredContent":
			if x.full {
				a.Detail.FeaturedContent = x.flatten(c)
			}
		}
	})
	x.title(title, name)
	x.published(published, date)
	if a.URL() == "" && !website.IsZero() {
		// Events and communities link to their site: that is what opens.
		a.WebURL = x.url(website)
	}
}

// title: title, else name (pages, authors), else the file name's slug.
func (x *extractor) title(title, name node) {
	for _, c := range []node{title, name} {
		if !c.IsZero() {
			if x.a.Title = x.line(c); x.a.Title != "" {
				return
			}
		}
	}
	x.a.Title = titleFromName(x.path)
	x.warn(0, "no title; using the file name")
}

// published: publishedDateTime, else date (Jekyll's key), else the date in
// the file name. A value that is not a date falls back the same way, with
// a warning.
func (x *extractor) published(published, date node) {
	for _, c := range []node{published, date} {
		if c.IsZero() || c.Kind() == frontmatter.Null {
			continue
		}
		if t, ok := x.date(c); ok {
			x.a.Published = t
			return
		}
		if t, ok := DateFromName(x.path); ok {
			x.a.Published = t
			x.warn(c.Line(), "%s %s is not a date; using the date in the file name", c.Key(), x.shown(c))
		} else {
			x.warn(c.Line(), "%s %s is not a date", c.Key(), x.shown(c))
		}
		return
	}
	if t, ok := DateFromName(x.path); ok {
		x.a.Published = t
	}
}

// provider reads {name, domain, images}; a bare string is taken as the
// name. The images are read only for a full article.
func (x *extractor) provider(n node) (p Provider, images []Image) {
	switch n.Kind() {
	case frontmatter.Map:
		n.Each(func(c node) {
			switch c.Key() {
			case "name":
				p.Name = x.line(c)
			case "domain":
				p.Domain = x.line(c)
			case "images":
				if x.full {
					images = x.images(c)
				}
			}
		})
	case frontmatter.Seq:
		x.warn(n.Line(), "provider is a list; ignored")
	default:
		p.Name = x.line(n)
	}
	return p, images
}

// images reads a list of {url, width, height, title, isCached}; a bare
// string is taken as a URL.
func (x *extractor) images(n node) []Image {
	if n.Kind() == frontmatter.Null {
		return nil
	}
	var imgs []Image
	x.items(n, func(c node) {
		var img Image
		if c.Kind() != frontmatter.Map {
			img.URL = x.url(c)
		}
		c.Each(func(f node) {
			switch f.Key() {
			case "url":
				img.URL = x.url(f)
			case "width":
				img.Width = x.int(f)
			case "height":
				img.Height = x.int(f)
			case "title":
				img.Title = x.line(f)
			case "isCached":
				img.IsCached = x.bool(f)
			}
		})
		if img != (Image{}) {
			imgs = append(imgs, img)
		}
	})
	return imgs
}

// items calls f for each element of a sequence, or for a lone value given
// where a sequence belongs.
func (x *extractor) items(n node, f func(c node)) {
	switch n.Kind() {
	case frontmatter.Seq:
		n.Each(f)
	case frontmatter.Null:
	default:
		f(n)
	}
}

// related reads the related stories: the summary keeps their count, titles
// and IDs; the full article keeps them all.
func (x *extractor) related(n node) {
	a := x.a
	ids, _, titles := a.relatedParts() // a second related: key adds to the first
	idb, titleb := []byte(ids), []byte(titles)
	x.items(n, func(c node) {
		a.RelatedCount++
		if c.Kind() != frontmatter.Map {
			x.warn(c.Line(), "related entry is not a mapping; ignored")
			return
		}
		var r Related
		c.Each(func(f node) {
			switch f.Key() {
			case "title":
				r.Title = x.line(f)
			case "webUrl":
				r.WebURL = x.url(f)
			}
			if !x.full {
				return
			}
			switch f.Key() {
			case "excerpt":
				r.Excerpt = x.multiline(f)
			case "publishedDateTime":
				if f.Kind() == frontmatter.Null {
					break
				}
				if t, ok := x.date(f); ok {
					r.Published = t
				} else {
					x.warn(f.Line(), "related publishedDateTime %s is not a date", x.shown(f))
				}
			case "ampWebUrl":
				r.AmpWebURL = x.url(f)
			case "cdnAmpWebUrl":
				r.CDNAmpWebURL = x.url(f)
			case "type":
				r.Type = x.line(f)
			case "provider":
				r.Provider, r.ProviderImages = x.provider(f)
			case "quality":
				r.Quality = x.int(f)
			case "images":
				r.Images = x.images(f)
			}
		})
		if r.Title != "" {
			titleb = appendPrefixed(titleb, r.Title)
		}
		idb = appendPackedID(idb, URLID(r.WebURL))
		if x.full {
			a.Detail.Related = append(a.Detail.Related, r)
		}
	})
	// The warnings with those the entries added; the titles in Titles' own form.
	_, warnings, _ := a.relatedParts()
	a.setRelated(string(idb), warnings, Titles{s: string(titleb)})
}
