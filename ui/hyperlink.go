package ui

import (
	"regexp"
	"strings"

	"github.com/herald-reader/herald/ui/browser"
	"github.com/herald-reader/herald/ui/render"
)

// Terminal hyperlinks (config Hyperlinks, opt-in; off in plain mode): the
// link numbers Herald writes in the detail pane ("[3]") become OSC 8 links to
// their URL, so a terminal that supports them opens the link on a click.
// They are added after render.Safe, which strips every OSC from the
// rendered text, and only for URLs the opener would accept
// (browser.CheckURL: http or https, a host, no user-info, no control
// characters), so nothing from an article can smuggle an escape sequence
// or a file:// link into them.

// osc8 opens a hyperlink to url; osc8End closes it.
func osc8(url string) string { return "\x1b]8;;" + url + "\x1b\\" }

const osc8End = "\x1b]8;;\x1b\\"

// hyperlink wraps each of Herald's link numbers in text (refs, from
// render.Refs) whose link has an acceptable URL in an OSC 8 hyperlink. A
// "[3]" the article wrote is not among refs, so it stays text. text must
// already be safe (SGR only).
func hyperlink(text string, refs []render.Ref, links []render.Link) string {
	urls := make(map[int]string, len(links))
	for _, l := range links {
		if browser.CheckURL(l.URL) == nil {
			urls[l.N] = l.URL
		}
	}
	if len(urls) == 0 {
		return text
	}
	lines := strings.Split(text, "\n")
	// Back to front, so that the offsets of the refs not yet wrapped on a
	// line hold.
	for i := len(refs) - 1; i >= 0; i-- {
		r := refs[i]
		u, ok := urls[r.N]
		if !ok || r.Line >= len(lines) || r.To > len(lines[r.Line]) {
			continue
		}
		l := lines[r.Line]
		lines[r.Line] = l[:r.From] + osc8(u) + l[r.From:r.To] + osc8End + l[r.To:]
	}
	for i, l := range lines {
		lines[i] = linkURLText(l, urls)
	}
	return strings.Join(lines, "\n")
}

// urlText matches a URL as the detail pane shows it: up to a space or an
// escape sequence.
var urlText = regexp.MustCompile("https?://[^\\s\x1b]+")

// linkURLText makes each URL that render shortened to fit its line
// ("head…tail") a hyperlink to the full URL it stands for; a URL shown
// whole needs none (terminals find it). The targets of the hyperlinks
// already in line are left alone.
func linkURLText(line string, urls map[int]string) string {
	locs := urlText.FindAllStringIndex(line, -1)
	for i := len(locs) - 1; i >= 0; i-- {
		from, to := locs[i][0], locs[i][1]
		if strings.HasSuffix(line[:from], "\x1b]8;;") {
			continue // the target of an OSC 8 link
		}
		shown := line[from:to]
		for _, u := range urls {
			if isShortFor(shown, u) {
				line = line[:from] + osc8(u) + shown + osc8End + line[to:]
				break
			}
		}
	}
	return line
}

// isShortFor reports whether shown is u shortened in the middle.
func isShortFor(shown, u string) bool {
	for _, ellipsis := range []string{"…", "..."} {
		if head, tail, ok := strings.Cut(shown, ellipsis); ok && len(head)+len(tail) < len(u) &&
			strings.HasPrefix(u, head) && strings.HasSuffix(u, tail) {
			return true
		}
	}
	return false
}
