//go:build linux

package cli

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// ptySession is the real binary running with a pseudo-terminal as its
// controlling terminal (as in a real session: termenv only queries a
// terminal the process is in the foreground of). Nothing is ever written
// back except the keys a test sends, so the terminal answers no query.
type ptySession struct {
	t      *testing.T
	cmd    *exec.Cmd
	master *os.File
	done   chan error // the process's exit

	mu  sync.Mutex
	buf bytes.Buffer // everything herald wrote
}

// startOnPTY starts bin with args in a private home (config, state and
// cache), TERM=xterm-256color and env on top.
func startOnPTY(t *testing.T, bin string, env, args []string) *ptySession {
	t.Helper()
	master, tty := openPTY(t)
	home := t.TempDir()
	cmd := exec.Command(bin, args...)
	cmd.Env = append([]string{
		"HOME=" + home, "XDG_CONFIG_HOME=" + home, "XDG_STATE_HOME=" + home, "XDG_CACHE_HOME=" + home,
		"TERM=xterm-256color", "PATH=" + os.Getenv("PATH"),
	}, env...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tty.Close()
	s := &ptySession{t: t, cmd: cmd, master: master, done: make(chan error, 1)}
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

func (s *ptySession) output() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

// waitFor waits until herald has written text, failing the test when it
// exits first or within does not suffice.
func (s *ptySession) waitFor(text string, within time.Duration) {
	s.t.Helper()
	deadline := time.Now().Add(within)
	for !strings.Contains(s.output(), text) {
		select {
		case err := <-s.done:
			s.t.Fatalf("herald exited (%v) before writing %q: %q", err, text, tail(s.output(), 2000))
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("no %q after %v; got %q", text, within, tail(s.output(), 2000))
		}
	}
}

// press types keys on the terminal.
func (s *ptySession) press(keys string) {
	if _, err := s.master.Write([]byte(keys)); err != nil {
		s.t.Fatal(err)
	}
}

// exited waits for herald to exit, failing the test when it does not
// within the time given or exits with an error.
func (s *ptySession) exited(within time.Duration) {
	s.t.Helper()
	select {
	case err := <-s.done:
		if err != nil {
			s.t.Fatalf("herald exited with %v; output %q", err, tail(s.output(), 2000))
		}
	case <-time.After(within):
		s.t.Fatalf("herald still running %v after q", within)
	}
}
