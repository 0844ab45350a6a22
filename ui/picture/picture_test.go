package picture

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"
)

// fixture is a 64x32 picture with shapes a scaler must keep apart: a sky
// gradient, a red sun and a green field, and a transparent corner.
func fixture() *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, 64, 32))
	for y := range 32 {
		for x := range 64 {
			c := color.NRGBA{uint8(40 + y*4), uint8(90 + y*3), 230, 255}
			if y >= 22 {
				c = color.NRGBA{30, uint8(120 + x), 40, 255}
			}
			if dx, dy := x-46, y-10; dx*dx+dy*dy < 36 {
				c = color.NRGBA{230, 40, 30, 255}
			}
			if x < 6 && y < 4 {
				c = color.NRGBA{}
			}
			img.SetNRGBA(x, y, c)
		}
	}
	return img
}

func TestBlocksGolden(t *testing.T) {
	for _, profile := range []termenv.Profile{termenv.TrueColor, termenv.ANSI256} {
		for _, cols := range []int{20, 40} {
			name := map[termenv.Profile]string{termenv.TrueColor: "truecolor", termenv.ANSI256: "ansi256"}[profile]
			t.Run(fmt.Sprintf("%s-%d", name, cols), func(t *testing.T) {
				text, c, r := Render(fixture(), cols, 100, Cell{W: 10, H: 20}, profile)
				// 64x32 pixels on cells twice as tall as wide: cols x cols/4 cells.
				if c != cols || r != cols/4 {
					t.Fatalf("drawn at %dx%d cells, want %dx%d", c, r, cols, cols/4)
				}
				lines := strings.Split(text, "\n")
				if len(lines) != r {
					t.Fatalf("%d lines, want %d", len(lines), r)
				}
				for i, l := range lines {
					if w := ansi.StringWidth(l); w != c {
						t.Errorf("line %d is %d cells wide, want %d", i, w, c)
					}
					if !strings.HasSuffix(l, "\x1b[0m") {
						t.Errorf("line %d does not end with a reset", i)
					}
				}
				golden.RequireEqual(t, text)
			})
		}
	}
}

func TestBlocksColours(t *testing.T) {
	px := image.NewRGBA(image.Rect(0, 0, 2, 2))
	px.SetRGBA(0, 0, color.RGBA{255, 0, 0, 255})
	px.SetRGBA(0, 1, color.RGBA{0, 0, 255, 255})
	px.SetRGBA(1, 0, color.RGBA{}) // transparent over blue
	px.SetRGBA(1, 1, color.RGBA{0, 0, 255, 255})
	got := Blocks(px, termenv.TrueColor)
	want := "\x1b[38;2;255;0;0;48;2;0;0;255m▀\x1b[39;48;2;0;0;255m▀\x1b[0m"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := Blocks(px, termenv.ANSI256); !strings.Contains(got, "38;5;196") || strings.Contains(got, "38;2;") {
		t.Errorf("256 colours: %q, want palette colours only", got)
	}
	if got := Blocks(px, termenv.Ascii); got != "" {
		t.Errorf("no colours: %q, want nothing drawn", got)
	}
}

func TestFit(t *testing.T) {
	for _, tc := range []struct {
		w, h, cols, rows int
		cell             Cell
		c, r             int
	}{
		{1300, 731, 60, 12, Cell{10, 20}, 43, 12}, // height-bound: narrower
		{1300, 731, 60, 40, Cell{10, 20}, 60, 17}, // width-bound
		{1300, 731, 60, 40, Cell{8, 8}, 60, 34},   // square cells: twice the rows
		{1300, 731, 60, 40, Cell{}, 60, 17},       // unknown: the default
		{10, 1000, 60, 5, Cell{10, 20}, 1, 5},     // a sliver keeps a column
		{0, 10, 60, 5, Cell{10, 20}, 0, 0},
		{10, 10, 0, 5, Cell{10, 20}, 0, 0},
	} {
		c, r := Fit(tc.w, tc.h, tc.cols, tc.rows, tc.cell)
		if c != tc.c || r != tc.r {
			t.Errorf("Fit(%dx%d in %dx%d, %v) = %dx%d, want %dx%d", tc.w, tc.h, tc.cols, tc.rows, tc.cell, c, r, tc.c, tc.r)
		}
	}
}

func TestDecode(t *testing.T) {
	var buf bytes.Buffer
	png.Encode(&buf, fixture())
	img, err := Decode(buf.Bytes())
	if err != nil || img.Bounds().Dx() != 64 {
		t.Fatalf("decode PNG: %v", err)
	}
	if _, err := Decode([]byte("GIF89a broken")); err == nil || !strings.Contains(err.Error(), "unreadable image") {
		t.Errorf("broken image: err %v", err)
	}
}

// A 1300x731 JPEG, a typical lead image, decoded and drawn in 60x12
// cells; the target is 30 ms.
func BenchmarkDecodeAndDraw(b *testing.B) {
	src := image.NewRGBA(image.Rect(0, 0, 1300, 731))
	for y := range 731 {
		for x := range 1300 {
			src.SetRGBA(x, y, color.RGBA{uint8(x), uint8(y), uint8(x ^ y), 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, src, &jpeg.Options{Quality: 85}); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.ResetTimer()
	for b.Loop() {
		img, err := Decode(data)
		if err != nil {
			b.Fatal(err)
		}
		Render(img, 60, 12, DefaultCell(), termenv.TrueColor)
	}
}
