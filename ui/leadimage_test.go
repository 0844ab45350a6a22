package ui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strings"
	"sync"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/ui/picture"
)

// fakeImages serves image bytes by URL; an unknown URL fails.
type fakeImages struct {
	mu   sync.Mutex
	data map[string][]byte
	gets int
}

func (f *fakeImages) Get(_ context.Context, url string) ([]byte, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.gets++
	if b, ok := f.data[url]; ok {
		return b, nil
	}
	return nil, errors.New("HTTP 404 Not Found")
}

// redPNG is a w x h PNG, all red.
func redPNG(t *testing.T, w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.SetRGBA(x, y, color.RGBA{255, 0, 0, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func withImages(src ImageSource, rows int) option {
	return func(o *Options) {
		o.Images = ImageOptions{Source: src, Rows: rows, Cell: picture.Cell{W: 10, H: 20}, Profile: termenv.TrueColor}
	}
}

// runHolding runs cmd like harness.run but keeps the finished drawings
// back, as if the image were still loading; it returns them.
func (hs *harness) runHolding(cmd tea.Cmd) (held []tea.Msg) {
	hs.t.Helper()
	hs.runEach(func(msg tea.Msg, deliver func()) {
		if _, ok := msg.(imageDrawnMsg); ok {
			held = append(held, msg)
			return
		}
		deliver()
	}, cmd)
	return held
}

const redCells = "\x1b[38;2;255;0;0;48;2;255;0;0m▀"

func TestLeadImageLoadsOffTheUpdateLoop(t *testing.T) {
	arts := articles(3)
	arts[1].Detail.Images = []feed.Image{{URL: "https://img.example/lead.png", Width: 400, Height: 200}}
	src := &fakeImages{data: map[string][]byte{"https://img.example/lead.png": redPNG(t, 400, 200)}}
	hs := newHarness(t, 120, 40, arts, withImages(src, 8))

	_, cmd := hs.m.Update(keyMsg(hs.keys.Down.Keys()[0]))
	held := hs.runHolding(cmd)
	if len(held) != 1 {
		t.Fatalf("%d drawings started, want 1", len(held))
	}
	v := hs.view()
	if !strings.Contains(v, "loading image") || strings.Contains(v, "▀") {
		t.Fatalf("while loading, want a placeholder box and no image:\n%s", v)
	}
	// 400x200 on 1:2 cells in 8 rows: 32 cells wide, 8 rows; the box
	// holds that space.
	if !strings.Contains(v, "╭"+strings.Repeat("─", 30)+"╮") || strings.Count(v, "╮") != 1 {
		t.Errorf("want a placeholder box 32 cells wide:\n%s", v)
	}
	if n := strings.Count(v, "│"+strings.Repeat(" ", 30)+"│"); n != 5 {
		t.Errorf("placeholder box has %d empty rows, want 5 (8 rows: borders, a note):\n%s", n, v)
	}
	if !strings.Contains(v, "Body of story 1.") {
		t.Errorf("the text does not show below the placeholder:\n%s", v)
	}

	// The drawing lands: red half blocks above the text, in the colours
	// asked for; View holds only text and SGR.
	hs.send(held[0])
	v = hs.view()
	if got := strings.Count(v, redCells); got != 8 {
		t.Errorf("%d rows of red cells, want 8:\n%s", got, v)
	}
	if strings.Contains(v, "loading image") || !strings.Contains(v, "Body of story 1.") {
		t.Errorf("after the drawing: placeholder gone and text kept, got:\n%s", v)
	}
	if err := controlFree(v); err != nil {
		t.Error(err)
	}

	// Back to the article: drawn once, not fetched again.
	hs.press(hs.keys.Down)
	hs.press(hs.keys.Up)
	if got := src.gets; got != 1 {
		t.Errorf("image fetched %d times, want once", got)
	}
	if !strings.Contains(hs.view(), redCells) {
		t.Errorf("image not shown on coming back:\n%s", hs.view())
	}
}

func TestLeadImageCursorNeverWaits(t *testing.T) {
	arts := articles(3)
	for _, a := range arts {
		a.Detail.Images = []feed.Image{{URL: "https://img.example/" + a.ID + ".png"}}
	}
	hs := newHarness(t, 120, 40, arts, withImages(&fakeImages{}, 8))
	// Every drawing is held back (none ever lands): the cursor still
	// moves and each article shows its text.
	for i := range 2 {
		_, cmd := hs.m.Update(keyMsg(hs.keys.Down.Keys()[0]))
		hs.runHolding(cmd)
		if got, want := hs.selected(), arts[i+1].Title; got != want {
			t.Fatalf("selected %q, want %q", got, want)
		}
		if v := hs.view(); !strings.Contains(v, "Body of story") {
			t.Errorf("no text while the image loads:\n%s", v)
		}
	}
}

func TestLeadImageFailureLeavesLinkAndReason(t *testing.T) {
	arts := articles(2)
	arts[0].Detail.Images = []feed.Image{{URL: "https://img.example/gone.png"}}
	hs := newHarness(t, 120, 40, arts, withImages(&fakeImages{}, 8))
	hs.press(hs.keys.Open)
	v := hs.view()
	if !strings.Contains(v, "Image https://img.example/gone.png: HTTP 404 Not Found") {
		t.Errorf("a failed image should leave its link and the reason:\n%s", v)
	}
	if strings.Contains(v, "loading image") || !strings.Contains(v, "Body of story 0.") {
		t.Errorf("after a failure: no placeholder, text kept:\n%s", v)
	}
}

func TestLeadImageOffWithoutSource(t *testing.T) {
	arts := articles(2)
	arts[0].Detail.Images = []feed.Image{{URL: "https://img.example/lead.png"}}
	hs := newHarness(t, 120, 40, arts)
	hs.press(hs.keys.Open)
	if v := hs.view(); strings.Contains(v, "loading image") || strings.Contains(v, "▀") || strings.Contains(v, "Image https") {
		t.Errorf("images off, yet an image shows:\n%s", v)
	}
}

// With kitty graphics, the image is sent once per image, outside View;
// the view holds only placeholders.
func TestLeadImageKittySendsOnceOutsideView(t *testing.T) {
	arts := articles(3)
	for _, i := range []int{0, 1} {
		arts[i].Detail.Images = []feed.Image{{URL: "https://img.example/" + arts[i].ID + ".png"}}
	}
	src := &fakeImages{data: map[string][]byte{}}
	for _, a := range arts[:2] {
		src.data[a.Detail.Images[0].URL] = redPNG(t, 200, 100)
	}
	var mu sync.Mutex
	var sent []string
	graphics := func(seq string) { mu.Lock(); sent = append(sent, seq); mu.Unlock() }
	hs := newHarness(t, 120, 40, arts, func(o *Options) {
		o.Images = ImageOptions{Source: src, Rows: 8, Cell: picture.Cell{W: 10, H: 20}, Profile: termenv.TrueColor, Graphics: graphics, Kitty: true}
	})
	views := []string{hs.view()}
	for _, k := range []string{"Down", "Up", "Down", "Up"} {
		b := hs.keys.Down
		if k == "Up" {
			b = hs.keys.Up
		}
		hs.press(b)
		views = append(views, hs.view())
	}
	if len(sent) != 2 {
		t.Fatalf("%d transmissions, want one per image (2)", len(sent))
	}
	for i, seq := range sent {
		if !strings.HasPrefix(seq, "\x1b_G") || !strings.Contains(seq, "U=1") || !strings.Contains(seq, fmt.Sprintf("i=%d", i+1)) {
			t.Errorf("transmission %d is not a kitty virtual placement of image %d: %.80q", i, i+1, seq)
		}
	}
	for i, v := range views {
		if strings.Contains(v, "\x1b_G") || strings.Contains(v, "▀") {
			t.Errorf("view %d holds graphics bytes or half blocks", i)
		}
		if !strings.ContainsRune(v, '\U0010EEEE') {
			t.Errorf("view %d has no placeholders:\n%s", i, v)
		}
	}
}
