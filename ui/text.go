package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Every line the UI draws goes through fit, so no line is ever wider or
// narrower than its pane: a line wider than the terminal would wrap into two
// rows and push the screen up; a shorter one could leave stale text behind
// on terminals that do not clear to the end of line.

// width is the display width of s in terminal cells (SGR sequences count
// zero, CJK and emoji two).
func width(s string) int { return ansi.StringWidth(s) }

// fit truncates s to w cells (ending in tail when cut) and pads it with
// spaces to exactly w cells.
func fit(s string, w int, tail string) string {
	if w <= 0 {
		return ""
	}
	sw := width(s)
	if sw > w {
		if width(tail) >= w {
			tail = ""
		}
		s = ansi.Truncate(s, w, tail)
		sw = width(s)
	}
	if sw < w {
		s += strings.Repeat(" ", w-sw)
	}
	return s
}

// fitLines makes exactly h lines of exactly w cells from text, dropping
// lines past h and padding with blank lines.
func fitLines(text string, w, h int) []string {
	var src []string
	if text != "" {
		src = strings.Split(text, "\n")
	}
	return fitSlice(src, w, h)
}

// fitSlice is fitLines over lines already split.
func fitSlice(src []string, w, h int) []string {
	if h <= 0 {
		return nil
	}
	out := make([]string, h)
	for i := range out {
		if i < len(src) {
			out[i] = fit(src[i], w, "")
		} else {
			out[i] = strings.Repeat(" ", max(0, w))
		}
	}
	return out
}

// leftRight puts left and right on one line of w cells, right-aligned
// right; left is cut first when both do not fit.
func leftRight(left, right string, w int, tail string) string {
	rw := width(right)
	if rw >= w {
		return fit(right, w, tail)
	}
	return fit(left, w-rw-1, tail) + " " + right
}
