// Package picture draws images in a terminal as text: half-block cells
// (U+2580 with a foreground and a background colour, two pixels a cell),
// which every colour terminal shows, tmux and ssh included. It decodes
// (JPEG, PNG, GIF, WebP) and scales; it knows nothing of fetching.
package picture

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	_ "image/gif" // the formats articles' images come in
	_ "image/jpeg"
	_ "image/png"
	"strings"

	"github.com/muesli/termenv"
	"golang.org/x/image/draw"
	_ "golang.org/x/image/webp"
)

// Cell is a terminal cell's size in pixels, which sets the aspect ratio a
// picture is drawn at.
type Cell struct{ W, H int }

// DefaultCell is assumed when the terminal does not report its pixels:
// most monospace fonts are about twice as tall as wide.
func DefaultCell() Cell { return Cell{W: 10, H: 20} }

func (c Cell) valid() bool { return c.W > 0 && c.H > 0 }

// Fit returns the size in cells, at most cols x rows, of an image of w x
// h pixels drawn with its aspect ratio kept on cells of size cell; 0 x 0
// when nothing fits.
func Fit(w, h, cols, rows int, cell Cell) (c, r int) {
	if w <= 0 || h <= 0 || cols <= 0 || rows <= 0 {
		return 0, 0
	}
	if !cell.valid() {
		cell = DefaultCell()
	}
	// Rows for the full width: the image's height in pixels, scaled to
	// cols cells of cell.W pixels, in cells of cell.H pixels.
	c = cols
	r = int(float64(h)*float64(cols*cell.W)/float64(w)/float64(cell.H) + 0.5)
	if r > rows {
		r = rows
		c = int(float64(w)*float64(rows*cell.H)/float64(h)/float64(cell.W) + 0.5)
	}
	return max(1, min(c, cols)), max(1, r)
}

// Decode decodes an image's bytes.
func Decode(data []byte) (image.Image, error) {
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("unreadable image: %v", err)
	}
	return img, nil
}

// Scale returns img scaled to cols x rows cells' worth of half-block
// pixels (cols x 2*rows).
func Scale(img image.Image, cols, rows int) *image.RGBA {
	dst := image.NewRGBA(image.Rect(0, 0, cols, 2*rows))
	draw.BiLinear.Scale(dst, dst.Bounds(), img, img.Bounds(), draw.Src, nil)
	return dst
}

// Blocks draws px (two pixel rows per line) as half blocks in profile's
// colours: lines of exactly px's width in cells, each ending with a reset.
// A transparent pixel shows the terminal's own colour. The Ascii profile
// has no colours to draw with: the result is "".
func Blocks(px *image.RGBA, profile termenv.Profile) string {
	if profile == termenv.Ascii {
		return ""
	}
	b := px.Bounds()
	var out strings.Builder
	out.Grow(b.Dx() * b.Dy() * 20)
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		if y > b.Min.Y {
			out.WriteByte('\n')
		}
		last := ""
		for x := b.Min.X; x < b.Max.X; x++ {
			top := px.RGBAAt(x, y)
			bottom := top
			if y+1 < b.Max.Y {
				bottom = px.RGBAAt(x, y+1)
			}
			sgr := "\x1b[" + sequence(profile, top, false) + ";" + sequence(profile, bottom, true) + "m"
			if sgr != last {
				out.WriteString(sgr)
				last = sgr
			}
			out.WriteString("▀")
		}
		out.WriteString("\x1b[0m")
	}
	return out.String()
}

// sequence is the SGR parameters for c as a foreground or background.
func sequence(p termenv.Profile, c color.RGBA, bg bool) string {
	if c.A < 128 {
		if bg {
			return "49"
		}
		return "39"
	}
	if c.A < 255 { // scaling leaves edge pixels premultiplied by their alpha
		c.R, c.G, c.B = unpremultiply(c.R, c.A), unpremultiply(c.G, c.A), unpremultiply(c.B, c.A)
	}
	return p.Color(fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)).Sequence(bg)
}

func unpremultiply(v, a uint8) uint8 {
	return uint8(min(255, int(v)*255/int(a)))
}

// Render draws img as half blocks at most cols x rows cells, its aspect
// ratio kept (see Fit); it returns the lines and the size drawn.
func Render(img image.Image, cols, rows int, cell Cell, profile termenv.Profile) (text string, c, r int) {
	b := img.Bounds()
	c, r = Fit(b.Dx(), b.Dy(), cols, rows, cell)
	if c == 0 {
		return "", 0, 0
	}
	return Blocks(Scale(img, c, r), profile), c, r
}
