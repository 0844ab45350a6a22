package cli

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// progress draws a one-line progress bar on stderr when it is a terminal
// (nothing otherwise), redrawn at most every 100 ms.
type progress struct {
	w           io.Writer // nil: not a terminal
	done, total int
	drawn       time.Time
	shown       bool
}

const progressWidth = 30

func newProgress(w io.Writer, total int) *progress {
	if !isTerminal(w) || total == 0 {
		return &progress{total: total}
	}
	return &progress{w: w, total: total}
}

// step counts one finished item and redraws.
func (p *progress) step() {
	p.done++
	if p.w == nil || p.done < p.total && time.Since(p.drawn) < 100*time.Millisecond {
		return
	}
	p.drawn = time.Now()
	filled := progressWidth * p.done / p.total
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d pages", strings.Repeat("=", filled), strings.Repeat(" ", progressWidth-filled), p.done, p.total)
	p.shown = true
}

// clear erases the bar, so that a message or the summary can be printed.
func (p *progress) clear() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}
