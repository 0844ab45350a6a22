package ui

import (
	"context"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/internal/textsafe"
	"github.com/herald-reader/herald/ui/picture"
)

// ImageSource is where lead images come from (page.Images): kept ones
// from disk, others fetched unless offline. Get is only called in a Cmd.
type ImageSource interface {
	Get(ctx context.Context, url string) ([]byte, error)
}

// ImageOptions configure the lead image at the top of the detail pane;
// the zero value shows none (the image stays a link in the text).
type ImageOptions struct {
	Source  ImageSource     // nil: no images
	Rows    int             // the most rows an image takes
	Cell    picture.Cell    // the terminal's cell size in pixels (aspect ratio)
	Profile termenv.Profile // the colours drawn with
	// Graphics writes image sequences to the terminal between frames
	// (never inside View); nil: only half blocks are drawn.
	Graphics func(seq string)
	// Kitty draws the lead image with kitty graphics (Unicode
	// placeholders in the view) rather than half blocks.
	Kitty bool
	// FullScreen is the protocol (picture.ITerm2, picture.Sixel) of the
	// full-screen image view (imageview.go); "": none.
	FullScreen string
}

// maxDrawn bounds the drawn images kept: a drawn image is a few tens of
// kilobytes of SGR, and going back to an article should not fetch again.
const maxDrawn = 64

// imageKey identifies one drawing: an image at a width in cells.
type imageKey struct {
	url  string
	cols int
}

// drawnImage is a drawing's outcome: the lines to show, or why not;
// transmit is the kitty transmission to write once ("" for half blocks).
type drawnImage struct {
	text     string
	transmit string
	err      error
}

// imageDrawnMsg is a finished drawing, made off the UI goroutine.
type imageDrawnMsg struct {
	key   imageKey
	drawn drawnImage
}

// leadImages draws the article's lead image in a Cmd and keeps the
// drawings; the pane asks for the lines of the one it shows. A nil
// *leadImages draws nothing.
type leadImages struct {
	opt     ImageOptions
	drawn   map[imageKey]drawnImage
	order   []imageKey // oldest first, for maxDrawn
	loading map[imageKey]bool
	lastID  int // the last kitty image ID handed out
}

func newLeadImages(o ImageOptions) *leadImages {
	if o.Source == nil || o.Profile == termenv.Ascii {
		return nil
	}
	o.Rows = max(1, o.Rows)
	return &leadImages{opt: o, drawn: map[imageKey]drawnImage{}, loading: map[imageKey]bool{}}
}

// keyFor is img's key in a pane width wide: the image is indented like
// the text (two cells each side).
func (li *leadImages) keyFor(img feed.Image, width int) (imageKey, bool) {
	if li == nil || img.URL == "" || width-4 < 1 {
		return imageKey{}, false
	}
	return imageKey{url: img.URL, cols: width - 4}, true
}

// load starts drawing img for a pane width wide unless it is drawn or
// being drawn.
func (li *leadImages) load(img feed.Image, width int) tea.Cmd {
	k, ok := li.keyFor(img, width)
	if !ok || li.loading[k] {
		return nil
	}
	if _, done := li.drawn[k]; done {
		return nil
	}
	li.loading[k] = true
	li.lastID = li.lastID%(1<<24-1) + 1
	id, kittyOn := li.lastID, li.opt.Kitty && li.opt.Graphics != nil
	src, rows, cell, profile := li.opt.Source, li.opt.Rows, li.opt.Cell, li.opt.Profile
	return func() tea.Msg {
		data, err := src.Get(context.Background(), k.url)
		if err != nil {
			return imageDrawnMsg{key: k, drawn: drawnImage{err: err}}
		}
		decoded, err := picture.Decode(data)
		if err != nil {
			return imageDrawnMsg{key: k, drawn: drawnImage{err: err}}
		}
		if kittyOn {
			c, r := picture.Fit(decoded.Bounds().Dx(), decoded.Bounds().Dy(), k.cols, min(rows, picture.MaxKittyRows), cell)
			seq, err := picture.KittyTransmit(decoded, id, c, r, cell)
			return imageDrawnMsg{key: k, drawn: drawnImage{text: picture.KittyPlaceholders(id, c, r), transmit: seq, err: err}}
		}
		text, _, _ := picture.Render(decoded, k.cols, rows, cell, profile)
		return imageDrawnMsg{key: k, drawn: drawnImage{text: text}}
	}
}

// store keeps a finished drawing; it reports whether it is new, and
// returns the Cmd that sends a kitty image to the terminal, once.
func (li *leadImages) store(msg imageDrawnMsg) (bool, tea.Cmd) {
	if li == nil {
		return false, nil
	}
	delete(li.loading, msg.key)
	if _, ok := li.drawn[msg.key]; ok {
		return false, nil
	}
	var send tea.Cmd
	if seq, write := msg.drawn.transmit, li.opt.Graphics; seq != "" && write != nil && msg.drawn.err == nil {
		send = func() tea.Msg { write(seq); return nil }
	}
	msg.drawn.transmit = "" // sent once; not kept
	if len(li.order) >= maxDrawn {
		delete(li.drawn, li.order[0])
		li.order = li.order[1:]
	}
	li.drawn[msg.key] = msg.drawn
	li.order = append(li.order, msg.key)
	return true, send
}

// lines are what the pane shows above the article for img: the drawing
// and a blank line; while it loads, an empty box of the size it will
// take; when it failed, its link and the reason on one line.
func (li *leadImages) lines(img feed.Image, width int) []string {
	k, ok := li.keyFor(img, width)
	if !ok {
		return nil
	}
	d, done := li.drawn[k]
	switch {
	case done && d.err != nil:
		why := textsafe.Line("Image " + img.URL + ": " + d.err.Error())
		return []string{"  " + ansi.Truncate(why, k.cols, "…"), ""}
	case done:
		out := strings.Split(d.text, "\n")
		for i := range out {
			out[i] = "  " + out[i]
		}
		return append(out, "")
	}
	return append(placeholder(li.placeholderSize(img, k.cols)), "")
}

// placeholderSize is the size the image will take: from the article's
// own width and height for it when given, else the whole width and the
// most rows.
func (li *leadImages) placeholderSize(img feed.Image, cols int) (c, r int) {
	if c, r := picture.Fit(img.Width, img.Height, cols, li.opt.Rows, li.opt.Cell); r > 0 {
		return c, r
	}
	return cols, li.opt.Rows
}

// placeholder is an empty box of cols x rows cells saying an image loads.
func placeholder(cols, rows int) []string {
	note := ansi.Truncate(" loading image… ", max(0, cols-2), "")
	out := make([]string, rows)
	for i := range out {
		switch {
		case cols < 2:
			out[i] = "  " + strings.Repeat(" ", cols)
		case i == 0:
			out[i] = "  ╭" + strings.Repeat("─", cols-2) + "╮"
		case i == rows-1:
			out[i] = "  ╰" + strings.Repeat("─", cols-2) + "╯"
		case i == (rows-1)/2:
			out[i] = "  │" + note + strings.Repeat(" ", cols-2-ansi.StringWidth(note)) + "│"
		default:
			out[i] = "  │" + strings.Repeat(" ", cols-2) + "│"
		}
	}
	return out
}

// leadImage is the image an article leads with: its first image, else
// the lead image of its fetched page.
func leadImage(a *feed.Article, fetchedImage string) feed.Image {
	if a.Detail != nil {
		for _, img := range a.Detail.Images {
			if img.URL != "" {
				return img
			}
		}
	}
	return feed.Image{URL: fetchedImage}
}
