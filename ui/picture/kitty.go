package picture

import (
	"bytes"
	"fmt"
	"image"
	"strings"

	"github.com/charmbracelet/x/ansi/kitty"
)

// Kitty graphics with Unicode placeholders: the image is sent to the
// terminal once, as a virtual placement of cols x rows cells under an ID,
// and the screen holds ordinary text (U+10EEEE with diacritics for the
// row and column, its colour naming the ID), so Bubble Tea's line renderer
// moves and clears it like any text.

// MaxKittyRows is the most rows placeholders can number (the diacritics
// table's length).
const MaxKittyRows = 297

// KittyTransmit is the escape sequence that sends img to a kitty-protocol
// terminal as image id (1 to 2^24-1), scaled to cols x rows cells of cell
// pixels, to be shown by KittyPlaceholders. It must be written to the
// terminal outside the frame, once per id.
func KittyTransmit(img image.Image, id, cols, rows int, cell Cell) (string, error) {
	if !cell.valid() {
		cell = DefaultCell()
	}
	// Sent at the size it is shown: a 4000-pixel photograph is not sent
	// whole to fill 60 cells.
	px := Scale(img, cols*cell.W, rows*cell.H/2)
	var b bytes.Buffer
	err := kitty.EncodeGraphics(&b, px, &kitty.Options{
		Action: kitty.TransmitAndPut, Transmission: kitty.Direct, ID: id, Format: kitty.PNG, Quiet: 2,
		Chunk: true, VirtualPlacement: true, Columns: cols, Rows: rows,
	})
	if err != nil {
		return "", fmt.Errorf("kitty image: %w", err)
	}
	return b.String(), nil
}

// KittyPlaceholders are the rows x cols placeholder cells that show image
// id: its 24 bits in the foreground colour, each cell's row and column in
// diacritics. Each line ends with the colour reset.
func KittyPlaceholders(id, cols, rows int) string {
	rows = min(rows, MaxKittyRows)
	cols = min(cols, MaxKittyRows)
	colour := fmt.Sprintf("\x1b[38;2;%d;%d;%dm", id>>16&0xff, id>>8&0xff, id&0xff)
	var b strings.Builder
	for r := range rows {
		if r > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(colour)
		for c := range cols {
			b.WriteRune(kitty.Placeholder)
			b.WriteRune(kitty.Diacritic(r))
			b.WriteRune(kitty.Diacritic(c))
		}
		b.WriteString("\x1b[39m")
	}
	return b.String()
}
