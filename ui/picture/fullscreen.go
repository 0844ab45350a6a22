package picture

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image"
	"image/png"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/ansi/iterm2"
	"github.com/charmbracelet/x/ansi/sixel"
)

// Protocols for a picture the terminal draws itself, full screen (they
// cannot live inside Bubble Tea's line renderer: the terminal scrolls and
// places them by the cursor).
const (
	ITerm2 = "iterm2"
	Sixel  = "sixel"
)

// Graphic is the escape sequence that draws img at the cursor in
// protocol (ITerm2 or Sixel), fitted to cols x rows cells of cell pixels,
// its aspect ratio kept.
func Graphic(protocol string, img image.Image, cols, rows int, cell Cell) (string, error) {
	if !cell.valid() {
		cell = DefaultCell()
	}
	b := img.Bounds()
	c, r := Fit(b.Dx(), b.Dy(), cols, rows, cell)
	if c == 0 {
		return "", fmt.Errorf("no room for the image")
	}
	// Sent at the size shown: the terminal is not sent a photograph whole.
	px := Scale(img, c*cell.W, r*cell.H/2)
	switch protocol {
	case ITerm2:
		var buf bytes.Buffer
		if err := png.Encode(&buf, px); err != nil {
			return "", err
		}
		return ansi.ITerm2(iterm2.File{
			Name: "image.png", Size: int64(buf.Len()), Inline: true,
			Width: iterm2.Cells(c), Height: iterm2.Cells(r),
			Content: []byte(base64.StdEncoding.EncodeToString(buf.Bytes())),
		}), nil
	case Sixel:
		var buf bytes.Buffer
		if err := (&sixel.Encoder{}).Encode(&buf, px); err != nil {
			return "", err
		}
		return ansi.SixelGraphics(0, 1, 0, buf.Bytes()), nil
	}
	return "", fmt.Errorf("unknown image protocol %q", protocol)
}
