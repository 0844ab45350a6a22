package ui

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/herald-reader/herald/config"
)

// TestGoldenReadingState snapshots the list with reading marks (a read
// row, a starred one, the rest unread, in colour and in plain ASCII), the
// counts in the status line, and the topic picker.
func TestGoldenReadingState(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		for _, plain := range []bool{false, true} {
			t.Run(fmt.Sprintf("%dx%d-plain-%v", sz[0], sz[1], plain), func(t *testing.T) {
				st := newFakeStore()
				arts := goldenArticles()
				st.read[arts[0].ID], st.starred[arts[2].ID] = true, true
				hs := newHarness(t, sz[0], sz[1], arts, withStore(st), func(o *Options) {
					o.Styles = NewStyles(config.Default().Theme, config.Appearance{Plain: plain})
				})
				hs.press(hs.keys.Down)
				v := hs.view()
				checkScreen(t, v, sz[0], sz[1])
				golden.RequireEqual(t, v)
			})
		}
	}
	t.Run("topics", func(t *testing.T) {
		hs := newHarness(t, 120, 40, goldenArticles(), withStore(newFakeStore()))
		hs.press(hs.keys.Topics)
		hs.press(hs.keys.Down)
		v := hs.view()
		checkScreen(t, v, 120, 40)
		golden.RequireEqual(t, v)
	})
}
