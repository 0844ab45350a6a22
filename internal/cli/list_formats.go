package cli

import (
	"io"
	"strings"
	"time"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/internal/textsafe"
)

// The formats of `herald list` for other tools: tsv for cut, awk and fzf,
// md for notes and chats. They are kept apart from list.go's table and
// json.

// writeTSV prints one article per line: id, published (RFC 3339 in UTC,
// empty if unknown), provider, title, url, separated by tabs and without a
// header, for cut, awk and fzf. Fields never contain a tab or a newline.
func writeTSV(w io.Writer, arts []*feed.Article) error {
	var b strings.Builder
	for _, a := range arts {
		b.Reset()
		published := ""
		if !a.Published.IsZero() {
			published = a.Published.UTC().Format(time.RFC3339)
		}
		for i, f := range []string{a.ID, published, a.Provider.Name, a.Title, a.URL()} {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(tsvField(f))
		}
		b.WriteByte('\n')
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
	}
	return nil
}

func tsvField(s string) string {
	return strings.ReplaceAll(textsafe.Line(s), "\t", " ")
}

// writeMarkdown prints a Markdown list: the title linked to the article
// (when it has a usable URL), then provider and date.
func writeMarkdown(w io.Writer, arts []*feed.Article) error {
	var b strings.Builder
	for _, a := range arts {
		b.Reset()
		b.WriteString("- ")
		title := mdEscape(textsafe.Line(a.Title))
		if title == "" {
			title = "(untitled)"
		}
		if u := mdURL(a.URL()); u != "" {
			b.WriteString("[" + title + "](" + u + ")")
		} else {
			b.WriteString(title)
		}
		var meta []string
		if p := textsafe.Line(a.Provider.Name); p != "" {
			meta = append(meta, mdEscape(p))
		}
		if !a.Published.IsZero() {
			meta = append(meta, a.Published.UTC().Format("2006-01-02"))
		}
		if len(meta) > 0 {
			b.WriteString(" — " + strings.Join(meta, ", "))
		}
		b.WriteByte('\n')
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
	}
	return nil
}

// mdEscape backslash-escapes the characters that would turn article text
// inside a list item into Markdown markup (links, emphasis, HTML, entity
// references such as "&lt;", code, tables); the rest reads better
// unescaped.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>&|~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdURL is u usable as a link destination: http(s) only, with spaces and
// parentheses percent-encoded so the link cannot be broken out of; "" for
// anything else.
func mdURL(u string) string {
	u = textsafe.Line(u)
	low := strings.ToLower(u)
	if !strings.HasPrefix(low, "http://") && !strings.HasPrefix(low, "https://") {
		return ""
	}
	return strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E").Replace(u)
}
