package ui

import (
	"math"

	"github.com/herald-reader/herald/config"
)

// Layout is where everything goes on a screen of Width x Height cells. It
// is computed by the pure function ComputeLayout, so the arithmetic is
// tested at every size rather than discovered on screen.
//
// Invariants (see layout_test.go): when Split, ListWidth + SepWidth +
// DetailWidth == Width; otherwise both panes take the whole Width in turn
// and SepWidth is 0. BodyHeight + FooterHeight == Height.
type Layout struct {
	Width, Height int
	// Split is true when list and detail are shown side by side.
	Split       bool
	ListWidth   int
	SepWidth    int
	DetailWidth int
	// BodyHeight is the height of the panes (and of overlays).
	BodyHeight int
	// FooterHeight is the status line plus, when there is room, the
	// one-line key help.
	FooterHeight int
}

// Defaults used when the layout settings are zero or out of range.
const (
	defaultSplitAt   = 100
	defaultListShare = 0.4
	minPaneWidth     = 20
	// helpMinHeight is the smallest terminal that still gets a help line
	// under the status line.
	helpMinHeight = 8
)

// ComputeLayout lays out a width x height terminal with the given
// settings. Sizes below 1 are treated as 1 so that a degenerate terminal
// never produces negative widths.
func ComputeLayout(width, height int, s config.Layout) Layout {
	width, height = max(1, width), max(1, height)
	splitAt := s.SplitAt
	if splitAt <= 0 {
		splitAt = defaultSplitAt
	}
	share := s.ListShare
	if share <= 0 || share >= 1 {
		share = defaultListShare
	}

	l := Layout{Width: width, Height: height}
	switch {
	case height >= helpMinHeight:
		l.FooterHeight = 2
	case height >= 2:
		l.FooterHeight = 1
	}
	l.BodyHeight = height - l.FooterHeight

	if width >= splitAt && width >= 2*minPaneWidth+1 {
		l.Split = true
		l.SepWidth = 1
		avail := width - l.SepWidth
		l.ListWidth = int(math.Round(float64(avail) * share))
		l.ListWidth = min(max(l.ListWidth, minPaneWidth), avail-minPaneWidth)
		l.DetailWidth = avail - l.ListWidth
	} else {
		l.ListWidth, l.DetailWidth = width, width
	}
	return l
}
