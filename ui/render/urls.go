package render

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	xansi "github.com/charmbracelet/x/ansi"
)

// URLs are atomic on screen: a URL broken across lines copies and clicks
// as a broken address. One wider than its line is shortened in the middle
// instead ("https://example.com/a/lo…/page.html"), keeping the host and
// the end that tell links apart; the link numbers, opening, copying and
// OSC 8 targets all use the full URL (Document's links).

// urlPattern finds a URL in rendered text: a scheme, then everything up
// to a space.
var urlPattern = regexp.MustCompile(`https?://[^\s]+`)

// mdURL finds a URL in Markdown source, up to what ends it there; a
// backslash escape is part of it (the text shows the character).
var mdURL = regexp.MustCompile("https?://(?:[^\\s<>()\\[\\]\"'`\\\\]|\\\\[[:punct:]])+")

// tokenStart begins each stand-in for a URL. glamour breaks words at '-'
// and '.', which URLs are full of, but not a scheme and letters.
const tokenStart = "https://zqxurl"

// protectURLs replaces each URL of md with a stand-in of the same width
// that glamour will not break, and returns the replacer that puts the
// URLs (as they show: Markdown escapes undone) back in its output.
func protectURLs(md string) (string, *strings.Replacer) {
	var pairs []string
	index := map[string]string{}
	out := mdURL.ReplaceAllStringFunc(md, func(u string) string {
		if tok, ok := index[u]; ok {
			return tok
		}
		shown := unescape(u)
		id := strconv.Itoa(len(index))
		if !isASCII(shown) || len(shown) < len(tokenStart)+len(id)+1 {
			return u
		}
		tok := tokenStart + id + "Q" + strings.Repeat("q", len(shown)-len(tokenStart)-len(id)-1)
		index[u] = tok
		pairs = append(pairs, tok, shown)
		return tok
	})
	return out, strings.NewReplacer(pairs...)
}

// minShownURL is the fewest characters a shortened URL keeps; a line that
// cannot fit even that much is broken as before.
const minShownURL = 16

// ShortenURL fits text holding a URL (the status line's copied link) into
// width cells the way the detail pane fits its lines: the URL loses its
// middle, keeping its start (scheme and host) and its end (the page). The
// text is returned as it is when it fits or cannot give up enough.
func ShortenURL(text string, width int, ellipsis string) string {
	out, _ := shortenURL(text, width, ellipsis)
	return out
}

// shortenURL makes a line wider than width fit by shortening its widest
// URL in the middle with ellipsis. The line may hold SGR sequences (and
// nothing else: it has been through Safe); those inside the cut part are
// kept, so the styles after it are unchanged. ok is false, and the line
// returned as it was, when it has no ASCII URL that can give up enough.
func shortenURL(line string, width int, ellipsis string) (string, bool) {
	text := xansi.Strip(line)
	over := xansi.StringWidth(text) - width
	if over <= 0 {
		return line, true
	}
	var best []int
	for _, m := range urlPattern.FindAllStringIndex(text, -1) {
		if isASCII(text[m[0]:m[1]]) && (best == nil || m[1]-m[0] > best[1]-best[0]) {
			best = m
		}
	}
	if best == nil {
		return line, false
	}
	n := best[1] - best[0]
	keep := n - over - utf8.RuneCountInString(ellipsis)
	if keep < minShownURL {
		return line, false
	}
	// The cut, in runes of the visible text: the URL keeps a head (scheme
	// and host first) and a tail (the page), a little more of the head.
	start := utf8.RuneCountInString(text[:best[0]])
	head := (keep + 1) / 2
	from, to := start+head, start+n-(keep-head)
	return cutVisible(line, from, to, ellipsis), true
}

// cutVisible drops the visible runes [from, to) of line, putting ellipsis
// in their place and keeping every SGR sequence.
func cutVisible(line string, from, to int, ellipsis string) string {
	var b strings.Builder
	b.Grow(len(line))
	pos := 0
	for i := 0; i < len(line); {
		if line[i] == esc {
			j := strings.IndexByte(line[i:], 'm')
			if j < 0 {
				j = len(line) - i - 1
			}
			b.WriteString(line[i : i+j+1])
			i += j + 1
			continue
		}
		_, size := utf8.DecodeRuneInString(line[i:])
		if pos == from {
			b.WriteString(ellipsis)
		}
		if pos < from || pos >= to {
			b.WriteString(line[i : i+size])
		}
		pos++
		i += size
	}
	return b.String()
}

// shortWord is a word of plain text (no escapes) shortened in the middle
// to width when it is a URL wider than that; ok is false otherwise.
func shortWord(word string, width int, ellipsis string) (string, bool) {
	if !urlPattern.MatchString(word) || !strings.HasPrefix(word, "http") {
		return word, false
	}
	return shortenURL(word, width, ellipsis)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
