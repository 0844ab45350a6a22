// Package demo holds Herald's built-in demo library: two dozen articles in
// the real file format (YAML front matter, optional Markdown body) that
// together give a tour of the reader, one feature per article. `herald`
// with no directory opens them, so a newcomer's first screen explains
// itself. Every link points at a reserved .example domain, and the related
// stories point at each other so that related jumps stay inside Herald.
package demo

import (
	"embed"
	"io/fs"
)

//go:embed articles/*.md
var articles embed.FS

// FS returns the demo articles as a file system whose root holds the
// article files (YYYY-MM-DD-slug.md), ready for feed.FS(demo.FS(), "demo").
func FS() fs.FS {
	sub, err := fs.Sub(articles, "articles")
	if err != nil {
		// fs.Sub fails only on an invalid path, and "articles" is a valid
		// constant: this cannot happen at run time.
		panic(err)
	}
	return sub
}
