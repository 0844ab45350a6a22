package render

import (
	"bytes"
	"strings"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// MaxBodyBytes caps the article body in Document, so that the sections
// after it (images, related stories, links) survive the Renderer's
// MaxBytes.
const MaxBodyBytes = 32 << 10

// sentinel is appended after a body to learn whether what follows the body
// is parsed as a new top-level block.
const sentinel = "\n\n# herald-sentinel-7f3a\n"

// bodyLink is a link found in the body, in document order.
type bodyLink struct{ label, url string }

// parser matches glamour's goldmark setup (GFM, with linkify, and
// definition lists), so that we find the links glamour shows.
func parser() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList))
}

// PrepareDeadline bounds the parsing that contains a body, as
// DefaultDeadline bounds glamour: a seed-sized body takes well under a
// millisecond, and one not contained in time is shown as escaped text.
const PrepareDeadline = time.Second

// containBody returns the body ready to be followed by more Markdown: cut
// to MaxBodyBytes, and with any block the body leaves open at its end (a
// fenced code block or an HTML block such as "<pre>" or "<!--" that is
// never closed) closed, so that it cannot swallow the sections after it.
// It also returns the body's links. A body that cannot be contained, or
// not before deadline, is turned into escaped plain text; the abandoned
// parse stops at its next attempt, and each is bounded by MaxBodyBytes.
func containBody(body string, deadline time.Time) (string, []bodyLink) {
	body = strings.TrimRight(strings.ReplaceAll(body, "\r", ""), " \t\n")
	body = dropInvisibleEntities(unmarkBody(body))
	if body == "" {
		return "", nil
	}
	if len(body) > MaxBodyBytes {
		body = cut(body, MaxBodyBytes) + "\n\n*(body truncated)*"
	}
	type contained struct {
		body  string
		links []bodyLink
		ok    bool
	}
	done := make(chan contained, 1) // buffered: an abandoned parse must not block
	go func() {
		b, l, ok := contain(body, deadline)
		done <- contained{b, l, ok}
	}()
	timer := time.NewTimer(time.Until(deadline))
	defer timer.Stop()
	select {
	case c := <-done:
		if c.ok {
			return c.body, c.links
		}
	case <-timer.C:
	}
	return escapeLines(body), nil
}

// contain tries each closer until the body parses as closed, and gives up
// (ok false) when none does or the deadline has passed.
func contain(body string, deadline time.Time) (string, []bodyLink, bool) {
	md := parser()
	for _, closer := range closers(body) {
		if !time.Now().Before(deadline) {
			return "", nil, false
		}
		src := []byte(body + closer + sentinel)
		doc := md.Parser().Parse(text.NewReader(src))
		if endsWithSentinel(doc, src) {
			doc.RemoveChild(doc, doc.LastChild())
			return body + closer, links(doc, src), true
		}
	}
	return "", nil, false
}

// closers lists what may close the block left open at the end of body,
// most likely first. An extra closing line for a fence or an HTML block is
// part of that block, so it shows as nothing.
func closers(body string) []string {
	return []string{
		"",
		"\n" + strings.Repeat("`", max(3, longestRun(body, '`'))),
		"\n" + strings.Repeat("~", max(3, longestRun(body, '~'))),
		"\n</script></pre></style></textarea>",
		"\n-->", "\n?>", "\n]]>", "\n>",
	}
}

func longestRun(s string, c byte) int {
	best, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			run++
			best = max(best, run)
		} else {
			run = 0
		}
	}
	return best
}

func endsWithSentinel(doc ast.Node, src []byte) bool {
	h, ok := doc.LastChild().(*ast.Heading)
	if !ok || h.Level != 1 || h.Lines().Len() != 1 {
		return false
	}
	return string(h.Lines().Value(src)) == strings.TrimSpace(strings.TrimLeft(sentinel, "\n#"))
}

// links collects the destinations of links, autolinks (including bare URLs
// that linkify finds) and images, in document order.
func links(doc ast.Node, src []byte) []bodyLink {
	var out []bodyLink
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			out = append(out, bodyLink{label: nodeText(n, src), url: string(n.Destination)})
		case *ast.Image:
			label := "Image"
			if alt := nodeText(n, src); alt != "" {
				label += ": " + alt
			}
			out = append(out, bodyLink{label: label, url: string(n.Destination)})
		case *ast.AutoLink:
			u := string(n.URL(src))
			if n.AutoLinkType == ast.AutoLinkURL && !strings.Contains(u, "://") {
				u = "http://" + u // linkify's www.example.com, as glamour shows it
			}
			out = append(out, bodyLink{url: u})
		}
		return ast.WalkContinue, nil
	})
	return out
}

// nodeText is the plain text inside an inline node, on one line.
func nodeText(n ast.Node, src []byte) string {
	var b bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		}
		return ast.WalkContinue, nil
	})
	return oneLine(b.String(), 200)
}

// escapeLines turns Markdown into literal text line by line, keeping
// paragraph breaks.
func escapeLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = escape(oneLine(l, len(l)))
	}
	return strings.Join(lines, "\n")
}
