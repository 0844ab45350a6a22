package ui

import (
	"strings"
	"sync"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/ui/picture"
)

func TestImageViewFullScreenITerm2(t *testing.T) {
	arts := articles(2)
	arts[0].Detail.Images = []feed.Image{{URL: "https://img.example/lead.png"}}
	src := &fakeImages{data: map[string][]byte{"https://img.example/lead.png": redPNG(t, 200, 100)}}
	var mu sync.Mutex
	var sent []string
	hs := newHarness(t, 120, 40, arts, func(o *Options) {
		o.Images = ImageOptions{Source: src, Rows: 8, Cell: picture.Cell{W: 10, H: 20}, Profile: termenv.TrueColor,
			FullScreen: picture.ITerm2, Graphics: func(s string) { mu.Lock(); sent = append(sent, s); mu.Unlock() }}
	})
	// In the pane: half blocks, nothing sent to the terminal.
	if v := hs.view(); !strings.Contains(v, "▀") || len(sent) != 0 {
		t.Fatalf("want half blocks in the pane and nothing sent (%d):\n%s", len(sent), v)
	}
	hs.press(hs.keys.Image)
	v := hs.view()
	if !strings.Contains(v, "https://img.example/lead.png") || strings.Contains(v, "Body of story 0.") || strings.Contains(v, "▀") {
		t.Errorf("the image view should be empty under a header naming the image:\n%s", v)
	}
	if strings.Contains(v, "\x1b]1337") {
		t.Error("View holds graphics bytes")
	}
	if len(sent) != 1 || !strings.HasPrefix(sent[0], "\x1b7\x1b[2;1H\x1b]1337;File=") || !strings.HasSuffix(sent[0], "\x1b8") {
		t.Fatalf("want one iTerm2 image written at row 2 with the cursor restored, got %d: %.60q", len(sent), sent)
	}
	// Any key closes it and clears the screen, which wipes the image.
	_, cmd := hs.m.Update(keyMsg("x"))
	if cmd == nil {
		t.Fatal("closing did not clear the screen")
	}
	if hs.m.over != noOverlay {
		t.Errorf("the view did not close")
	}
	if msg := cmd(); msg != tea.ClearScreen() {
		t.Errorf("closing returned %T, want the screen cleared", msg)
	}
	if v := hs.view(); !strings.Contains(v, "Body of story 0.") {
		t.Errorf("back to the article:\n%s", v)
	}
}

func TestImageViewNeedsAProtocol(t *testing.T) {
	arts := articles(2)
	arts[0].Detail.Images = []feed.Image{{URL: "https://img.example/lead.png"}}
	hs := newHarness(t, 120, 40, arts, withImages(&fakeImages{}, 8))
	hs.press(hs.keys.Image)
	if hs.m.over != noOverlay || !strings.Contains(hs.view(), "needs images: iterm2 or sixel") {
		t.Errorf("with blocks, i should say what it needs:\n%s", hs.view())
	}
}
