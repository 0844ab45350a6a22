package ui

import (
	"regexp"
	"strconv"

	"github.com/herald-reader/herald/ui/browser"
	"github.com/herald-reader/herald/ui/render"
)

// Terminal hyperlinks (config Hyperlinks, opt-in; off in plain mode): the
// numbered references of the detail pane ("[3]") become OSC 8 links to
// their URL, so a terminal that supports them opens the link on a click.
// They are added after render.Safe, which strips every OSC from the
// rendered text, and only for URLs the opener would accept
// (browser.CheckURL: http or https, a host, no user-info, no control
// characters), so nothing from an article can smuggle an escape sequence
// or a file:// link into them.

// osc8 opens a hyperlink to url; osc8End closes it.
func osc8(url string) string { return "\x1b]8;;" + url + "\x1b\\" }

const osc8End = "\x1b]8;;\x1b\\"

// refPattern matches a numbered reference in rendered text.
var refPattern = regexp.MustCompile(`\[(\d+)\]`)

// hyperlink wraps each numbered reference of text whose link has an
// acceptable URL in an OSC 8 hyperlink. text must already be safe (SGR
// only); other text is unchanged.
func hyperlink(text string, links []render.Link) string {
	urls := make(map[int]string, len(links))
	for _, l := range links {
		if browser.CheckURL(l.URL) == nil {
			urls[l.N] = l.URL
		}
	}
	if len(urls) == 0 {
		return text
	}
	return refPattern.ReplaceAllStringFunc(text, func(ref string) string {
		n, err := strconv.Atoi(ref[1 : len(ref)-1])
		if u, ok := urls[n]; ok && err == nil {
			return osc8(u) + ref + osc8End
		}
		return ref
	})
}
