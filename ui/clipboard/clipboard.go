// Package clipboard copies a line of text (a link) to the user's clipboard
// in the two ways a terminal program has: an OSC 52 escape sequence, which
// asks the terminal itself to set the clipboard (so it works over ssh and
// inside tmux), and the system's clipboard tool (wl-copy, xclip, xsel,
// pbcopy, clip.exe, termux) through github.com/atotto/clipboard, where one
// is installed.
package clipboard

import (
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	atotto "github.com/atotto/clipboard"

	"github.com/herald-reader/herald/internal/textsafe"
)

// Method is a set of ways the text was copied.
type Method uint8

// The ways to copy.
const (
	// OSC52 is the sequence written to the terminal. Terminals do not
	// answer it, so this means "sent": a terminal may ignore it (some
	// disable it by default, tmux needs set-clipboard on or
	// allow-passthrough on).
	OSC52 Method = 1 << iota
	// Native is the system clipboard tool, which reported success.
	Native
)

// String names the methods for the status line: "OSC 52", "the system
// clipboard", "OSC 52 and the system clipboard", or "nothing".
func (m Method) String() string {
	var parts []string
	if m&OSC52 != 0 {
		parts = append(parts, "OSC 52")
	}
	if m&Native != 0 {
		parts = append(parts, "the system clipboard")
	}
	if len(parts) == 0 {
		return "nothing"
	}
	return strings.Join(parts, " and ")
}

// Errors of Copy.
var (
	// ErrUnsafe is text that holds control characters (newlines, escapes,
	// bidirectional overrides) or invalid UTF-8: pasted into a shell, a
	// newline runs a command, and an override disguises what was pasted.
	ErrUnsafe = errors.New("refusing to copy text with control characters")
	// ErrEmpty is an empty text.
	ErrEmpty = errors.New("nothing to copy")
)

// MaxOSC52 is the longest OSC 52 payload (base64) written: terminals drop
// longer ones silently (xterm and others cap them near 100,000 bytes), so
// longer text goes to the system clipboard only.
const MaxOSC52 = 100_000

// nativeTimeout bounds the wait for the system clipboard tool: an xclip
// that cannot reach its display must not hang the copy.
const nativeTimeout = 3 * time.Second

// Copier copies text. The zero value copies with the system clipboard
// tool only; set Out to the terminal's output for OSC 52.
type Copier struct {
	// Out is where the OSC 52 sequence is written: the terminal's output
	// (the one the program draws on). nil: no OSC 52. The sequence is
	// written with a single Write call, so it cannot be split by a frame
	// the program draws from another goroutine.
	Out io.Writer
	// Getenv reads the environment ($TMUX, $STY); nil means os.Getenv.
	Getenv func(string) string
	// Native writes text to the system clipboard; nil means the
	// atotto/clipboard tool when it found one. It may block (it runs a
	// process): call Copy from a command, never from Update.
	Native func(text string) error
	// NoNative turns the system clipboard off (it is then never tried).
	NoNative bool
}

// Copy copies text and returns the ways that worked. The error is nil when
// at least one worked; otherwise it says why each failed. Text with control
// characters is refused with ErrUnsafe before anything is written.
func (c Copier) Copy(text string) (Method, error) {
	if text == "" {
		return 0, ErrEmpty
	}
	if !Safe(text) {
		return 0, ErrUnsafe
	}
	var done Method
	var errs []error
	if c.Out != nil {
		if err := c.writeOSC52(text); err != nil {
			errs = append(errs, fmt.Errorf("OSC 52: %w", err))
		} else {
			done |= OSC52
		}
	}
	if native := c.native(); native != nil {
		if err := native(text); err != nil {
			errs = append(errs, fmt.Errorf("system clipboard: %w", err))
		} else {
			done |= Native
		}
	}
	if done != 0 {
		return done, nil
	}
	if len(errs) == 0 {
		return 0, errors.New("copy: no terminal output and no system clipboard tool")
	}
	return 0, fmt.Errorf("copy: %w", errors.Join(errs...))
}

func (c Copier) native() func(string) error {
	switch {
	case c.NoNative:
		return nil
	case c.Native != nil:
		return c.Native
	case atotto.Unsupported: // no tool found when the program started
		return nil
	}
	return systemClipboard
}

// systemClipboard runs the clipboard tool, giving up after nativeTimeout
// (the tool is then left to finish or fail on its own).
func systemClipboard(text string) error {
	done := make(chan error, 1)
	go func() { done <- atotto.WriteAll(text) }()
	select {
	case err := <-done:
		return err
	case <-time.After(nativeTimeout):
		return fmt.Errorf("the clipboard tool did not finish within %v", nativeTimeout)
	}
}

// Safe reports whether text may be copied: valid UTF-8 without
// textsafe.Invisible runes (controls, bidi and other format characters).
func Safe(text string) bool {
	if !utf8.ValidString(text) {
		return false
	}
	for _, r := range text {
		if textsafe.Invisible(r) {
			return false
		}
	}
	return true
}

func (c Copier) getenv(k string) string {
	if c.Getenv != nil {
		return c.Getenv(k)
	}
	return os.Getenv(k)
}

// writeOSC52 writes the sequence that sets the clipboard ("c") to text.
//
// Inside tmux ($TMUX set) it writes the sequence twice, in one Write: as
// is, which tmux takes when set-clipboard is on (it then sets its own
// buffer and the outer terminal's clipboard), and wrapped in tmux's DCS
// passthrough, which reaches the outer terminal when allow-passthrough is
// on. tmux's default (set-clipboard external, no passthrough) takes
// neither, which is why the system clipboard is tried as well. Inside GNU
// screen ($STY set) the sequence is wrapped in screen's DCS passthrough, in
// pieces short enough for screen's string buffer.
func (c Copier) writeOSC52(text string) error {
	payload := base64.StdEncoding.EncodeToString([]byte(text))
	if len(payload) > MaxOSC52 {
		return fmt.Errorf("text too long (%d bytes)", len(text))
	}
	seq := Sequence(text)
	var out string
	switch {
	case c.getenv("TMUX") != "":
		out = seq + tmuxPassthrough(seq)
	case c.getenv("STY") != "":
		out = screenPassthrough(seq)
	default:
		out = seq
	}
	n, err := c.Out.Write([]byte(out))
	if err == nil && n < len(out) {
		err = io.ErrShortWrite
	}
	return err
}

// Sequence is the OSC 52 sequence that sets the clipboard to text:
// ESC ] 52 ; c ; base64(text) BEL.
func Sequence(text string) string {
	return "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(text)) + "\a"
}

// tmuxPassthrough wraps a sequence for tmux: DCS tmux; with every ESC
// doubled, then ST.
func tmuxPassthrough(seq string) string {
	return "\x1bPtmux;" + strings.ReplaceAll(seq, "\x1b", "\x1b\x1b") + "\x1b\\"
}

// screenChunk is the size of the pieces screenPassthrough cuts: GNU screen
// drops DCS strings longer than its 768-byte buffer.
const screenChunk = 76

// screenPassthrough wraps a sequence for GNU screen: DCS ... ST around
// every piece of it.
func screenPassthrough(seq string) string {
	var b strings.Builder
	for len(seq) > 0 {
		n := min(screenChunk, len(seq))
		b.WriteString("\x1bP" + seq[:n] + "\x1b\\")
		seq = seq[n:]
	}
	return b.String()
}
