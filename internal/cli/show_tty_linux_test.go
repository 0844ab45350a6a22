//go:build linux

package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/herald-reader/herald/ui/render/rendertest"
)

// openPTY returns both ends of a new pseudo-terminal 80 columns wide, so
// `herald show` can be tested writing to a real terminal.
func openPTY(t *testing.T) (master, tty *os.File) {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	fd := int(master.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		master.Close()
		t.Skipf("unlock pty: %v", err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		master.Close()
		t.Skipf("pty number: %v", err)
	}
	tty, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		master.Close()
		t.Skipf("open pty: %v", err)
	}
	if err := unix.IoctlSetWinsize(int(tty.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 40, Col: 80}); err != nil {
		t.Fatal(err)
	}
	// No output processing: the test sees the bytes herald wrote, without
	// the "\r" the terminal would add before each "\n".
	tio, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	tio.Oflag &^= unix.OPOST
	if err := unix.IoctlSetTermios(int(tty.Fd()), unix.TCSETS, tio); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { master.Close() })
	return master, tty
}

// onTerminal runs herald with stdout on a terminal and returns what the
// terminal received.
func onTerminal(t *testing.T, args ...string) string {
	t.Helper()
	master, tty := openPTY(t)
	got := make(chan []byte)
	go func() {
		b, _ := io.ReadAll(master) // ends with EIO once the terminal side is closed
		got <- b
	}()
	var errOut bytes.Buffer
	code := Run(args, tty, &errOut)
	tty.Close()
	out := string(<-got)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut.String())
	}
	return out
}

// TestShowOnTerminal: on a terminal the article is rendered with glamour
// in colour; with NO_COLOR or --plain not one escape sequence is written,
// and article text never brings its own.
func TestShowOnTerminal(t *testing.T) {
	isolate(t)
	_, normal, hostile := showLibrary(t)

	out := onTerminal(t, "show", normal)
	if !strings.Contains(out, "\x1b[") {
		t.Errorf("no colour on a colour terminal:\n%q", out)
	}
	if text := stripSGR(out); !strings.Contains(text, "Google And Hugging Face Partner") || strings.Contains(text, "**Forbes**") {
		t.Errorf("not rendered Markdown:\n%s", out)
	}
	for _, line := range strings.Split(out, "\n") {
		if w := len([]rune(stripSGR(strings.TrimRight(line, "\r")))); w > 80 {
			t.Errorf("line of %d columns on an 80-column terminal: %q", w, line)
		}
	}

	// In colour, the hostile article's own sequences are still filtered:
	// only colour (SGR) reaches the terminal.
	rendertest.AssertOnlySGR(t, "hostile article in colour", onTerminal(t, "show", hostile))

	t.Setenv("NO_COLOR", "1")
	for _, path := range []string{normal, hostile} {
		out := onTerminal(t, "show", path)
		assertNoControl(t, out)
		if !strings.Contains(out, "Partner") && !strings.Contains(out, "Evil") {
			t.Errorf("NO_COLOR output lost the title:\n%s", out)
		}
	}

	t.Setenv("NO_COLOR", "")
	assertNoControl(t, onTerminal(t, "--plain", "show", hostile))
}

// stripSGR removes colour sequences, to measure the visible width.
func stripSGR(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && s[j] != 'm' {
				j++
			}
			i = j
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
