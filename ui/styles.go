package ui

import (
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/herald-reader/herald/config"
)

// Styles is every lipgloss style and glyph the UI draws with, built once
// from the theme's colour strings (config keeps colours as strings; lipgloss
// lives only here). No style uses lipgloss.AdaptiveColor: that would query
// the terminal for its background in the middle of a frame, and the reply
// would arrive as keystrokes. The background is resolved once, before the
// program starts, and is already reflected in the theme.
type Styles struct {
	// Plain: ASCII glyphs and no colour (config.Appearance.Plain).
	Plain bool

	Title        lipgloss.Style // list row title
	Meta         lipgloss.Style // list row provider/date/topics line
	Selected     lipgloss.Style // title of the row under the cursor
	SelectedMeta lipgloss.Style // meta line of the row under the cursor
	Marker       lipgloss.Style // cursor marker in front of the selected row
	Match        lipgloss.Style // the query's words in titles and text, the filter prompt
	CurrentMatch lipgloss.Style // the article search's match the reader is on
	Unread       lipgloss.Style // unread marker
	Starred      lipgloss.Style // starred marker

	Header        lipgloss.Style // pane header, pane not focused
	HeaderFocused lipgloss.Style // pane header, pane focused
	Separator     lipgloss.Style // column between list and detail
	DetailMeta    lipgloss.Style // preview text shown while rendering
	DetailTitle   lipgloss.Style
	Link          lipgloss.Style // link numbers in the link picker

	Status      lipgloss.Style
	StatusError lipgloss.Style
	Progress    lipgloss.Style
	HelpKey     lipgloss.Style
	HelpDesc    lipgloss.Style
	HelpSep     lipgloss.Style
	Overlay     lipgloss.Style // overlay title

	// Glyphs, ASCII in plain mode.
	SepGlyph    string // vertical pane separator
	MarkerGlyph string // one cell, before the selected row
	BarFull     string
	BarEmpty    string
	Ellipsis    string
	Dot         string // separator in meta lines
	// FocusMark goes before the focused pane's header when colour cannot
	// show focus (plain mode, NO_COLOR: no SGR is written at all).
	FocusMark string
}

// NewStyles builds the styles from theme as the appearance allows: no
// colour without a.Color, ASCII glyphs in a.Plain mode.
func NewStyles(t config.Theme, a config.Appearance) Styles {
	plain, color := a.Plain, a.Color && !a.Plain
	fg := func(c string) lipgloss.Style {
		s := lipgloss.NewStyle()
		if c != "" && color {
			s = s.Foreground(lipgloss.Color(c))
		}
		return s
	}
	s := Styles{
		Plain:        plain,
		Title:        fg(t.List.Title),
		Meta:         fg(t.List.Meta),
		Selected:     fg(t.List.Selected).Bold(true),
		SelectedMeta: fg(t.List.Meta),
		Marker:       fg(t.Accent).Bold(true),
		Match:        fg(t.List.Match).Bold(true),
		CurrentMatch: fg(t.List.Match).Bold(true).Reverse(true),
		Unread:       fg(t.List.Unread).Bold(true),
		Starred:      fg(t.List.Starred).Bold(true),

		Header:        fg(t.Detail.Border),
		HeaderFocused: fg(t.Accent).Bold(true),
		Separator:     fg(t.Detail.Border),
		DetailMeta:    fg(t.Detail.Meta),
		DetailTitle:   fg(t.Detail.Title).Bold(true),
		Link:          fg(t.Detail.Link).Bold(true),

		Status:      fg(t.Status.Text),
		StatusError: fg(t.Status.Error).Bold(true),
		Progress:    fg(t.Accent),
		HelpKey:     fg(t.Accent),
		HelpDesc:    fg(t.List.Meta),
		HelpSep:     fg(t.Detail.Border),
		Overlay:     fg(t.Accent).Bold(true),

		SepGlyph:    "│",
		MarkerGlyph: "▌",
		BarFull:     "█",
		BarEmpty:    "░",
		Ellipsis:    "…",
		Dot:         " · ",
	}
	if t.Status.Background != "" && color {
		s.Status = s.Status.Background(lipgloss.Color(t.Status.Background))
	}
	if plain {
		s.SepGlyph, s.MarkerGlyph = "|", ">"
		s.BarFull, s.BarEmpty = "#", "-"
		s.Ellipsis, s.Dot = "...", " - "
	}
	if !color {
		s.FocusMark = "▸ "
		if plain {
			s.FocusMark = "* "
		}
		// Without colour, the selected row and the focused header still
		// need to stand out where bold and reverse are allowed.
		s.Selected = lipgloss.NewStyle().Bold(true)
		s.HeaderFocused = lipgloss.NewStyle().Bold(true).Reverse(true)
	}
	return s
}

// PinTerminal fixes what lipgloss would otherwise find out from the
// terminal, once, before the program starts: whether the background is
// dark (lipgloss would query it, and the reply would arrive as keys) and
// the colour profile (termenv.Ascii writes no SGR at all).
func PinTerminal(dark bool, profile termenv.Profile) {
	lipgloss.SetHasDarkBackground(dark)
	lipgloss.SetColorProfile(profile)
}
