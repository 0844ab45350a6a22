package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"

	"github.com/herald-reader/herald/ui/find"
	"github.com/herald-reader/herald/ui/render"
)

// longBody is about size bytes of Markdown: paragraphs of generated
// prose, a heading every fifth one and a short list now and then.
func longBody(size int) string {
	words := strings.Fields(`the model generative research data training open source language
		inference hospital regulators benchmark chip laptop robotics newsroom summary
		parity reasoning pilot triage accelerator foundation draft rules start-up
		arms demonstration moment experiment carefully results early three`)
	var b strings.Builder
	for p := 0; b.Len() < size; p++ {
		if p%5 == 0 {
			fmt.Fprintf(&b, "## Section %d\n\n", p/5+1)
		}
		for w := 0; w < 70; w++ {
			word := words[(p*31+w*7)%len(words)]
			if w == 0 {
				word = strings.ToUpper(word[:1]) + word[1:]
			}
			b.WriteString(word)
			if w%12 == 11 {
				b.WriteString(",")
			}
			b.WriteString(" ")
		}
		b.WriteString("and so on.\n\n")
		if p%7 == 3 {
			b.WriteString("- a point on **generative** models\n- another on `inference`\n\n")
		}
	}
	return b.String()
}

// searchHarness reads a generated article of about 30 KB, rendered in
// colour (SGR on every word, as on a real terminal), at 120x40.
func searchHarness(b *testing.B) *harness {
	b.Helper()
	r, err := render.NewRenderer("dark", render.WithColorProfile(termenv.ANSI256))
	if err != nil {
		b.Fatal(err)
	}
	arts := articles(3)
	arts[0].Detail.Body = longBody(30 << 10)
	t := &testing.T{}
	hs := newHarness(t, 120, 40, arts, withRenderer(r))
	hs.t = t
	hs.press(hs.keys.Focus)
	if !hs.m.detail.ready || len(arts[0].Detail.Body) < 30<<10 {
		b.Fatal("the article is not rendered")
	}
	return hs
}

// BenchmarkArticleSearchKeystroke is one key typed into the article
// search: the search of the whole rendered article and the frame that
// shows the match. "typing" is the common case, a query typed and deleted
// again ("generative model", ctrl+u); "first" is a key on an article not
// searched before, which also strips its lines of their escapes.
func BenchmarkArticleSearchKeystroke(b *testing.B) {
	const query = "generative model"
	b.Run("typing", func(b *testing.B) {
		hs := searchHarness(b)
		hs.press(hs.keys.Find)
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			k := tea.KeyMsg{Type: tea.KeyCtrlU}
			if n := i % (len(query) + 1); n < len(query) {
				k = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{rune(query[n])}}
			}
			hs.m.Update(k)
			_ = hs.m.View()
		}
		b.StopTimer()
		b.ReportMetric(float64(len(hs.m.detail.body))/1024, "KB-rendered")
	})
	b.Run("first", func(b *testing.B) {
		hs := searchHarness(b)
		hs.press(hs.keys.Find)
		d := hs.m.detail
		key := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'g'}}
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			d.search.text = find.NewText(d.lines, d.bodyTop) // not stripped yet
			d.search.input.SetValue("")
			hs.m.Update(key)
			_ = hs.m.View()
		}
	})
}
