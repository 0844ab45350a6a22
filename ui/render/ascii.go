package render

import (
	"github.com/charmbracelet/glamour/ansi"
	"github.com/charmbracelet/glamour/styles"
)

// asciiStyle is glamour's ascii style as text a screen reader can read
// aloud: no Markdown markup left (glamour's ascii style writes "# " before
// headings and "**" around bold), ASCII list bullets and arrows. With it
// the Renderer also folds the article's own text to ASCII (internal/ascii)
// before layout, so the detail pane of --plain is ASCII through and
// through.
func asciiStyle() ansi.StyleConfig {
	s := styles.ASCIIStyleConfig
	for _, h := range []*ansi.StyleBlock{&s.H1, &s.H2, &s.H3, &s.H4, &s.H5, &s.H6} {
		h.Prefix = ""
	}
	for _, p := range []*ansi.StylePrimitive{&s.Emph, &s.Strong, &s.Strikethrough, &s.Code.StylePrimitive} {
		p.BlockPrefix, p.BlockSuffix = "", ""
	}
	s.Item.BlockPrefix = "- "
	s.ImageText.Format = "Image: {{.text}} ->"
	return s
}
