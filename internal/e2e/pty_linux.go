//go:build linux

package e2e

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"
)

// OpenPTY returns both ends of a new pseudo-terminal of 80 columns and 40
// rows, closed when the test ends. It skips the test where pseudo-terminals
// cannot be had, except under CI=true (see Missing).
func OpenPTY(t *testing.T) (master, tty *os.File) {
	t.Helper()
	master, tty, err := pty.Open()
	if err != nil {
		Missing(t, fmt.Sprintf("no pseudo-terminals here: %v", err))
	}
	t.Cleanup(func() { master.Close() })
	if err := pty.Setsize(tty, &pty.Winsize{Rows: 40, Cols: 80}); err != nil {
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
	return master, tty
}

// PTYSession is the real binary running with a pseudo-terminal as its
// controlling terminal (as in a real session: termenv only queries a
// terminal the process is in the foreground of). Nothing is ever written
// back except the keys a test sends, so the terminal answers no query.
type PTYSession struct {
	t      *testing.T
	cmd    *exec.Cmd
	master *os.File
	done   chan error // the process's exit

	mu  sync.Mutex
	buf bytes.Buffer // everything herald wrote
}

// StartOnPTY starts bin with args in a private home (config, state and
// cache), TERM=xterm-256color, offline (HERALD_OFFLINE=1: a test never
// reaches the internet; one serving on loopback passes HERALD_OFFLINE=0)
// and env on top. The process is killed when
// the test ends.
func StartOnPTY(t *testing.T, bin string, env, args []string) *PTYSession {
	t.Helper()
	master, tty := OpenPTY(t)
	home := t.TempDir()
	cmd := exec.Command(bin, args...)
	cmd.Env = append([]string{
		"HOME=" + home, "XDG_CONFIG_HOME=" + home, "XDG_STATE_HOME=" + home, "XDG_CACHE_HOME=" + home,
		"TERM=xterm-256color", "HERALD_OFFLINE=1", "PATH=" + os.Getenv("PATH"),
	}, env...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tty.Close()
	s := &PTYSession{t: t, cmd: cmd, master: master, done: make(chan error, 1)}
	go func() { s.done <- cmd.Wait() }()
	t.Cleanup(func() { cmd.Process.Kill() })
	go func() {
		chunk := make([]byte, 4096)
		for {
			n, err := master.Read(chunk)
			s.mu.Lock()
			s.buf.Write(chunk[:n])
			s.mu.Unlock()
			if err != nil {
				return // EIO once herald has exited and the terminal is closed
			}
		}
	}()
	return s
}

// Output is everything herald has written so far.
func (s *PTYSession) Output() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

// WaitFor waits until herald has written text, failing the test when it
// exits first or within does not suffice.
func (s *PTYSession) WaitFor(text string, within time.Duration) {
	s.t.Helper()
	s.WaitForMatch(0, regexp.MustCompile(regexp.QuoteMeta(text)), within)
}

// Written is how many bytes herald has written so far: a mark for
// WaitForMatch to look only at what comes after it (after a key press).
func (s *PTYSession) Written() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Len()
}

// WaitForMatch waits until what herald wrote from byte from on matches
// re, failing the test when it exits first or within does not suffice.
func (s *PTYSession) WaitForMatch(from int, re *regexp.Regexp, within time.Duration) {
	s.t.Helper()
	deadline := time.Now().Add(within)
	for !re.MatchString(s.Output()[from:]) {
		select {
		case err := <-s.done:
			s.t.Fatalf("herald exited (%v) before writing %q: %q", err, re, tail(s.Output(), 2000))
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("no %q after %v; got %q", re, within, tail(s.Output(), 2000))
		}
	}
}

// Press types keys on the terminal.
func (s *PTYSession) Press(keys string) {
	if _, err := s.master.Write([]byte(keys)); err != nil {
		s.t.Fatal(err)
	}
}

// Exited waits for herald to exit, failing the test when it does not
// within the time given or exits with an error.
func (s *PTYSession) Exited(within time.Duration) {
	s.t.Helper()
	select {
	case err := <-s.done:
		if err != nil {
			s.t.Fatalf("herald exited with %v; output %q", err, tail(s.Output(), 2000))
		}
	case <-time.After(within):
		s.t.Fatalf("herald still running %v after q", within)
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}
