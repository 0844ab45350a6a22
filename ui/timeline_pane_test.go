package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/herald-reader/herald/feed"
)

// spreadArticles are n articles over about three weeks, more of them on
// recent days, so the sparkline has shape and gaps.
func spreadArticles(n int) []*feed.Article {
	arts := articles(n)
	for i, a := range arts {
		a.Published = fixedNow.Add(-time.Duration(i*i/3) * 24 * time.Hour / 2)
		if i%4 == 0 {
			a.Title = fmt.Sprintf("Chip story %d", i)
		}
	}
	return arts
}

func TestGoldenTimeline(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {140, 30}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			hs := newHarness(t, sz[0], sz[1], spreadArticles(24))
			hs.press(hs.keys.Timeline)
			v := hs.view()
			checkScreen(t, v, sz[0], sz[1])
			golden.RequireEqual(t, v)
		})
	}
}

func TestTimelineFollowsFilterAndToggles(t *testing.T) {
	hs := newHarness(t, 100, 30, spreadArticles(24))
	hs.press(hs.keys.Timeline)
	lines := strings.Split(hs.view(), "\n")
	if !strings.Contains(lines[2], "24 articles") || !strings.Contains(lines[2], "..") {
		t.Fatalf("timeline label: %q", lines[2])
	}
	hs.press(hs.keys.Filter)
	hs.typeText("chip")
	hs.press(hs.keys.Open)
	lines = strings.Split(hs.view(), "\n")
	if !strings.Contains(lines[2], "6 articles") {
		t.Errorf("timeline does not follow the filter: %q", lines[2])
	}
	// The cursor stays visible with the panel taking two rows.
	hs.press(hs.keys.Bottom)
	if v := hs.view(); !strings.Contains(v, hs.selected()) {
		t.Errorf("selected %q not on screen:\n%s", hs.selected(), v)
	}
	hs.press(hs.keys.Timeline)
	if strings.Contains(hs.view(), "6 articles") {
		t.Error("timeline still shown after the toggle")
	}
}

func TestTimelineFitsEverySize(t *testing.T) {
	hs := newHarness(t, 80, 24, spreadArticles(30))
	hs.press(hs.keys.Timeline)
	for w := 1; w <= 220; w += 3 {
		for h := 1; h <= 40; h++ {
			hs.send(tea.WindowSizeMsg{Width: w, Height: h})
			checkScreen(t, hs.view(), w, h)
		}
	}
	for _, sz := range sizes(7) {
		hs.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		checkScreen(t, hs.view(), sz[0], sz[1])
	}
}
