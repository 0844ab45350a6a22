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

	"github.com/herald-reader/herald/internal/heraldtest"
)

// TestTUIOnSilentTerminal runs the real binary on a pseudo-terminal that
// answers no query (a bare pty, a serial console, some CI runners). Each
// background-colour query waits termenv.OSCTimeout (5 s) there and eats
// the keys typed meanwhile: herald must ask at most once (Bubble Tea v1
// asks in its package init, before main), and quit at once on q.
func TestTUIOnSilentTerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary; waits out a 5 s terminal query")
	}
	bin := heraldtest.Build(t)
	master, tty := openPTY(t)
	home := t.TempDir()
	cmd := exec.Command(bin)
	cmd.Env = []string{
		"HOME=" + home, "XDG_CONFIG_HOME=" + home, "XDG_STATE_HOME=" + home, "XDG_CACHE_HOME=" + home,
		"TERM=xterm-256color", "PATH=" + os.Getenv("PATH"),
	}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	// The pty is its controlling terminal, as in a real session: termenv
	// only queries a terminal the process is in the foreground of.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tty.Close()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	t.Cleanup(func() { cmd.Process.Kill() })

	var (
		mu  sync.Mutex
		buf bytes.Buffer
	)
	go func() {
		chunk := make([]byte, 4096)
		for {
			n, err := master.Read(chunk) // nothing is ever written back
			mu.Lock()
			buf.Write(chunk[:n])
			mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	output := func() string { mu.Lock(); defer mu.Unlock(); return buf.String() }
	for !strings.Contains(output(), "24 articles") {
		select {
		case err := <-done:
			t.Fatalf("herald exited (%v) before showing the demo: %q", err, tail(output(), 2000))
		case <-time.After(20 * time.Millisecond):
		}
		if time.Since(start) > 30*time.Second {
			t.Fatalf("no list after 30 s; got %q", tail(output(), 2000))
		}
	}
	t.Logf("list shown after %v", time.Since(start))
	if n := strings.Count(output(), "\x1b]11;?"); n > 1 {
		t.Errorf("asked the terminal for its background %d times; each waits 5 s here", n)
	}

	quit := time.Now()
	master.Write([]byte("q"))
	select {
	case err := <-done:
		t.Logf("exited %v after q", time.Since(quit))
		if err != nil {
			t.Fatalf("herald exited with %v", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("herald still running 2 s after q")
	}
}
