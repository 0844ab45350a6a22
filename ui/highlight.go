package ui

import (
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"github.com/herald-reader/herald/feed/search"
	"github.com/herald-reader/herald/ui/find"
)

// The words of the applied query are highlighted (theme.list.match) in
// the list's titles and in the detail pane's text, so the reader sees why
// an article matched: free words and phrases (in any OR alternative, a
// word being typed as the prefix it is), and the values of the text
// qualifiers (title:, excerpt:, related:, body:) wherever they occur.
// Metadata qualifiers (topic:, provider:, site:...) mark nothing: their
// values are names shown elsewhere, and "ai" marked in every "said" would
// hide the real matches. Matching is case-insensitive; the query's
// folding of accents is not repeated here (cafe finds Café but marks only
// cafe).

// highlighter is the pattern of the applied query's words, built once per
// query; nil when it has none.
func (f *filter) highlighter() *regexp.Regexp {
	if f.query != f.litFor {
		f.litFor, f.lit = f.query, queryWords(f.query)
	}
	return f.lit
}

// queryWords compiles the words of query, longest first so a phrase wins
// over a word inside it; nil for none or a query that does not parse.
func queryWords(query string) *regexp.Regexp {
	if strings.TrimSpace(query) == "" {
		return nil
	}
	q, err := search.ParseQuery(query, time.Time{})
	if err != nil {
		return nil
	}
	words := q.Words()
	if len(words) == 0 {
		return nil
	}
	sort.Slice(words, func(i, j int) bool { return len(words[i]) > len(words[j]) })
	parts := make([]string, len(words))
	for i, w := range words {
		parts[i] = strings.ReplaceAll(regexp.QuoteMeta(w), " ", `\s+`)
	}
	return regexp.MustCompile(`(?i)` + strings.Join(parts, "|"))
}

// highlightText styles text (no escapes) with base, its matches of re
// with match.
func highlightText(text string, re *regexp.Regexp, base, match lipgloss.Style) string {
	if re == nil {
		return base.Render(text)
	}
	locs := re.FindAllStringIndex(text, -1)
	if len(locs) == 0 {
		return base.Render(text)
	}
	var b strings.Builder
	last := 0
	for _, l := range locs {
		if l[0] > last {
			b.WriteString(base.Render(text[last:l[0]]))
		}
		b.WriteString(match.Render(text[l[0]:l[1]]))
		last = l[1]
	}
	if last < len(text) {
		b.WriteString(base.Render(text[last:]))
	}
	return b.String()
}

// highlightANSI marks the matches of re in a line of rendered text that
// holds SGR sequences (find.Mark: the line's own styles go on after each).
// A match style that writes no SGR (no colour) leaves the line as it is.
func highlightANSI(line string, re *regexp.Regexp, match lipgloss.Style) string {
	if re == nil {
		return line
	}
	on := sgrOf(match)
	if on == "" {
		return line
	}
	locs := re.FindAllStringIndex(find.Plain(line), -1)
	if len(locs) == 0 {
		return line
	}
	spans := make([]find.Span, len(locs))
	for i, l := range locs {
		spans[i] = find.Span{From: l[0], To: l[1], On: on}
	}
	return find.Mark(line, spans)
}

// sgrOf is the SGR sequence style writes before its text; "" when it
// writes none (no colour).
func sgrOf(style lipgloss.Style) string {
	on, _, _ := strings.Cut(style.Render("x"), "x")
	return on
}
