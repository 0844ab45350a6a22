package ui

import (
	"context"
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/internal/textsafe"
	"github.com/herald-reader/herald/ui/picture"
)

// The full-screen image view (i) for iTerm2 and sixel, whose images the
// terminal places at the cursor and scrolls with the text, so they cannot
// live in a pane that Bubble Tea redraws line by line. The view is an
// empty overlay; once that frame is on screen, the image is written over
// it from a Cmd (cursor saved and restored around it, so the renderer's
// idea of the cursor holds), and closing the view clears the screen,
// which repaints everything and wipes the image.

// imageShowDelay lets the empty overlay reach the screen (a few frames
// at 120 fps) before the image is drawn on it.
const imageShowDelay = 40 * time.Millisecond

// imageView is the full-screen image's state; gen numbers the openings so
// a late result for one already closed is dropped.
type imageView struct {
	url  string
	seq  string // the sequence drawing the image, "" while it loads
	gen  int
	note string // the caption: loading, or the URL
}

// imageViewMsg is an image made ready for the view (seq), or why not.
type imageViewMsg struct {
	gen int
	seq string
	err error
}

// imageShowMsg draws the ready image, if its view is still open.
type imageShowMsg struct{ gen int }

// handleImageKey opens the full-screen view of the shown article's lead
// image and starts making it in a Cmd.
func (m *Model) handleImageKey() tea.Cmd {
	li := m.detail.images
	switch {
	case li == nil || li.opt.FullScreen == "" || li.opt.Graphics == nil:
		m.status.set("The full-screen image needs images: iterm2 or sixel.")
		return nil
	case m.detail.article == nil || m.detail.lead.URL == "":
		m.status.set("This article has no image.")
		return nil
	}
	m.imageView.gen++
	m.imageView.url, m.imageView.seq = m.detail.lead.URL, ""
	m.imageView.note = "loading image" + m.styles.Ellipsis
	m.over = imageOverlay
	gen, url, opt := m.imageView.gen, m.imageView.url, li.opt
	cols, rows := m.layout.Width, max(1, m.layout.BodyHeight-1)
	return func() tea.Msg {
		data, err := opt.Source.Get(context.Background(), url)
		if err != nil {
			return imageViewMsg{gen: gen, err: err}
		}
		img, err := picture.Decode(data)
		if err != nil {
			return imageViewMsg{gen: gen, err: err}
		}
		seq, err := picture.Graphic(opt.FullScreen, img, cols, rows, opt.Cell)
		return imageViewMsg{gen: gen, seq: seq, err: err}
	}
}

// handleImageView takes a made image: shown after the empty frame, or a
// failure reported with the view closed.
func (m *Model) handleImageView(msg imageViewMsg) tea.Cmd {
	if m.over != imageOverlay || msg.gen != m.imageView.gen {
		return nil
	}
	if msg.err != nil {
		m.over = noOverlay
		m.status.setError(fmt.Errorf("image %s: %w", textsafe.Line(m.imageView.url), msg.err))
		return nil
	}
	m.imageView.seq = msg.seq
	m.imageView.note = textsafe.Line(m.imageView.url)
	gen := msg.gen
	return tea.Tick(imageShowDelay, func(time.Time) tea.Msg { return imageShowMsg{gen: gen} })
}

// handleImageShow writes the image below the view's header line.
func (m *Model) handleImageShow(msg imageShowMsg) tea.Cmd {
	if m.over != imageOverlay || msg.gen != m.imageView.gen || m.imageView.seq == "" {
		return nil
	}
	seq, write := "\x1b7\x1b[2;1H"+m.imageView.seq+"\x1b8", m.detail.images.opt.Graphics
	return func() tea.Msg { write(seq); return nil }
}

// closeImageView closes the view; the screen is cleared so the terminal
// forgets the image's pixels.
func (m *Model) closeImageView() tea.Cmd {
	m.over = noOverlay
	m.imageView.gen++
	return tea.ClearScreen
}

// imageViewLines is the overlay: a header naming the image, then empty
// lines the image is drawn over.
func (m *Model) imageViewLines(w, h int) []string {
	s := m.styles
	out := []string{leftRight(s.Overlay.Render("Image"), s.Header.Render(m.imageView.note), w, s.Ellipsis)}
	return append(out, fitSlice(nil, w, h-1)...)
}
