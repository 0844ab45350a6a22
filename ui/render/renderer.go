package render

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/glamour/ansi"
	"github.com/charmbracelet/glamour/styles"
	xansi "github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/herald-reader/herald/internal/ascii"
)

// ErrDeadline is returned with plain text when glamour did not finish in
// time (see WithDeadline).
var ErrDeadline = errors.New("rendering took too long; showing plain text")

// DefaultDeadline is how long Render waits for glamour. A seed-sized
// article takes a few milliseconds; anything near a second is hostile.
const DefaultDeadline = time.Second

// Width bounds for glamour: below MinWidth its margins and indents leave
// no room for text (narrower panes get its output broken to fit); above
// MaxWidth lines are unreadable anyway.
const (
	MinWidth = 20
	MaxWidth = 500
)

// Renderer renders Markdown for the terminal with a style fixed at
// construction. It is safe for concurrent use: each Render builds its own
// glamour renderer, because glamour's renderer keeps per-document state.
type Renderer struct {
	styles   ansi.StyleConfig
	profile  termenv.Profile
	deadline time.Duration
	limits   Limits
	// ellipsis marks the middle of a shortened URL: "..." in the ascii
	// style, which promises ASCII only.
	ellipsis string
	// ascii: the ascii style, whose output is ASCII only (asciiStyle).
	ascii bool
	// slots bounds the glamour goroutines in flight, including ones whose
	// caller gave up at the deadline, so that scrolling through hostile
	// articles cannot pile up CPU-bound goroutines.
	slots chan struct{}
}

// Option configures a Renderer.
type Option func(*Renderer)

// WithDeadline sets how long Render waits for glamour before it returns
// plain text and ErrDeadline.
func WithDeadline(d time.Duration) Option { return func(r *Renderer) { r.deadline = d } }

// WithLimits replaces DefaultLimits (zero fields disable that limit).
func WithLimits(l Limits) Option { return func(r *Renderer) { r.limits = l } }

// WithColorProfile sets the colours glamour may use (default TrueColor);
// termenv.Ascii gives text without colours, as tests and NO_COLOR want.
func WithColorProfile(p termenv.Profile) Option { return func(r *Renderer) { r.profile = p } }

// NewRenderer returns a Renderer for style: one of glamour's built-in
// styles ("dark", "light", "notty", "ascii", "dracula", "pink",
// "tokyo-night") or the path of a JSON style file, read now. "auto" is
// refused: glamour would query the terminal for its background during a
// render, whose reply then arrives as keystrokes; resolve dark or light
// once before the program starts instead.
func NewRenderer(style string, opts ...Option) (*Renderer, error) {
	r := &Renderer{
		profile:  termenv.TrueColor,
		deadline: DefaultDeadline,
		limits:   DefaultLimits(),
		ellipsis: "…",
		slots:    make(chan struct{}, max(2, runtime.GOMAXPROCS(0))),
	}
	for _, o := range opts {
		o(r)
	}
	switch {
	case style == "" || style == styles.AutoStyle:
		return nil, fmt.Errorf("style %q: choose dark, light, notty, ascii or a JSON file", style)
	case style == styles.AsciiStyle:
		r.styles, r.ascii, r.ellipsis = asciiStyle(), true, "..."
	case styles.DefaultStyles[style] != nil:
		r.styles = *styles.DefaultStyles[style]
	default:
		data, err := os.ReadFile(style)
		if err != nil {
			return nil, fmt.Errorf("load style: %w", err)
		}
		if err := json.Unmarshal(data, &r.styles); err != nil {
			return nil, fmt.Errorf("load style %s: %w", style, err)
		}
	}
	// Build one glamour renderer now so a bad style fails here, not on the
	// first article.
	if _, err := r.glamour(80); err != nil {
		return nil, fmt.Errorf("style %s: %w", style, err)
	}
	return r, nil
}

func (r *Renderer) glamour(width int) (*glamour.TermRenderer, error) {
	return glamour.NewTermRenderer(
		glamour.WithStyles(r.styles),
		glamour.WithWordWrap(width),
		glamour.WithColorProfile(r.profile),
	)
}

type result struct {
	out string
	err error
}

// Render renders md wrapped to width columns. The Markdown is first held
// within the Renderer's Limits; glamour then runs on another goroutine. If
// it has not finished by the deadline, or fails, Render returns the
// Markdown as word-wrapped plain text with ErrDeadline (or the failure);
// the abandoned goroutine finishes on its own, bounded by the limits. The
// result always passes through Safe.
func (r *Renderer) Render(md string, width int) (string, error) {
	width = min(max(width, 1), MaxWidth)
	gw := max(width, MinWidth)
	md = r.limits.apply(md)
	if r.ascii {
		// Herald's link marks stay for Refs.
		parts := strings.Split(md, refMark)
		for i, p := range parts {
			parts[i] = ascii.Fold(p)
		}
		md = strings.Join(parts, refMark)
	}
	protected, restore := protectURLs(md)
	timer := time.NewTimer(r.deadline)
	defer timer.Stop()

	select {
	case r.slots <- struct{}{}:
	case <-timer.C:
		return plain(md, width), ErrDeadline
	}
	done := make(chan result, 1) // buffered: an abandoned render must not block
	go func() {
		defer func() { <-r.slots }()
		defer func() {
			if p := recover(); p != nil {
				done <- result{err: fmt.Errorf("glamour panicked: %v", p)}
			}
		}()
		tr, err := r.glamour(gw)
		if err != nil {
			done <- result{err: err}
			return
		}
		out, err := tr.Render(protected)
		done <- result{restore.Replace(out), err}
	}()

	select {
	case res := <-done:
		if res.err != nil {
			return plain(md, width), fmt.Errorf("render markdown: %w", res.err)
		}
		out := tidy(Safe(res.out), width, r.ellipsis)
		if r.profile == termenv.Ascii {
			// No colour means no SGR at all: glamour writes resets even
			// without colours.
			out = xansi.Strip(out)
		}
		return out, nil
	case <-timer.C:
		return plain(md, width), ErrDeadline
	}
}

// tidy drops the blank lines glamour puts around a document, fits lines
// wider than width (glamour does not break a long word): a URL is
// shortened in the middle with ellipsis (urls.go), anything else broken;
// and it closes any colour left open at the end of a line, so that SGR
// smuggled in through an entity cannot bleed into the rest of the screen.
func tidy(s string, width int, ellipsis string) string {
	lines := strings.Split(s, "\n")
	for len(lines) > 0 && strings.TrimSpace(xansi.Strip(lines[0])) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(xansi.Strip(lines[len(lines)-1])) == "" {
		lines = lines[:len(lines)-1]
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, l := range lines {
		l, _ = shortenURL(l, width, ellipsis)
		for j, part := range strings.Split(fit(l, width), "\n") {
			if i > 0 || j > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(part)
			if !endsReset(part) {
				b.WriteString("\x1b[0m")
			}
		}
	}
	return b.String()
}

// endsReset reports whether the last SGR sequence of line, if any, is a
// reset. Safe has left only SGR sequences, so every ESC starts one.
func endsReset(line string) bool {
	j := strings.LastIndexByte(line, esc)
	if j < 0 {
		return true
	}
	k := strings.IndexByte(line[j:], 'm')
	if k < 0 {
		return false
	}
	seq := line[j : j+k+1]
	return seq == "\x1b[0m" || seq == "\x1b[m"
}
