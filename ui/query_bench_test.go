package ui

import (
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/feed"
)

// BenchmarkQueryKeystroke100k is one character typed at the end of a
// query with qualifiers ("learning t:AI -p:\"Provider 1\" x") at 100,000
// articles, with the unread-only view on (every search asks the store)
// and the heat sort: the search, the result and the frame.
func BenchmarkQueryKeystroke100k(b *testing.B) {
	arts := make([]*feed.Article, 100_000)
	for i := range arts {
		arts[i] = article(i, fmt.Sprintf("Generated story %d about machine learning in healthcare and beyond", i))
	}
	st := newFakeStore()
	for i := 0; i < len(arts); i += 3 {
		st.read[arts[i].ID] = true
	}
	t := &testing.T{}
	hs := newHarness(t, 120, 40, arts, withStore(st))
	hs.t = t
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
