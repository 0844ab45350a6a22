package ui

import (
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/feed"
)

// BenchmarkQueryKeystrokeMuted100k is BenchmarkQueryKeystroke100k with
// two mute rules that hide a third of the 100,000 articles: what muting
// adds to a keystroke is leaving the muted out of the results (the rules
// themselves ran once, with the index).
func BenchmarkQueryKeystrokeMuted100k(b *testing.B) {
	arts := make([]*feed.Article, 100_000)
	for i := range arts {
		arts[i] = article(i, fmt.Sprintf("Generated story %d about machine learning in healthcare and beyond", i))
	}
	st := newFakeStore()
	for i := 0; i < len(arts); i += 3 {
		st.read[arts[i].ID] = true
	}
	t := &testing.T{}
	hs := newHarness(t, 120, 40, arts, withStore(st), withMute(b, `p:"Provider 2"`, "crypto"))
	hs.t = t
	if n := len(hs.m.lib.mute.muted); n < 30_000 {
		b.Fatalf("%d articles muted, want a third", n)
	}
	hs.press(hs.keys.UnreadOnly)
	for range 3 {
		hs.press(hs.keys.Sort) // oldest, quality, heat
	}
	hs.press(hs.keys.Filter)
	hs.typeText(`learning t:AI -p:"Provider 1" `)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		msg := tea.KeyMsg{Type: tea.KeyBackspace}
		if i%2 == 0 {
			msg = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'a' + rune(i/2%3)}}
		}
		_, cmd := hs.m.Update(msg)
		deliver(hs.m, cmd, func(msg tea.Msg) bool { _, ok := msg.(filterResultMsg); return ok })
		_ = hs.m.View()
	}
}
