package e2e

import (
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Tmux is one tmux session on a private server, killed when the test ends.
type Tmux struct {
	t    *testing.T
	sock string
}

// Exited is what a pane started with HeraldCommand shows once herald has
// exited, followed by its exit status ("HERALD_EXIT=0").
const Exited = "HERALD_EXIT="

// HeraldCommand is the shell command that runs bin with args under the
// environment env, then prints Exited and the exit status and keeps the
// pane open for the test to read them.
func HeraldCommand(bin string, env []string, args ...string) string {
	return "env " + strings.Join(env, " ") + " " + bin + " " + strings.Join(args, " ") + "; echo " + Exited + "$?; sleep 60"
}

// StartTmux runs the shell command cmd in a detached session of cols x rows
// with TERM=xterm-256color. It skips the test in -short mode and when tmux
// is not installed, except under CI=true, where it fails (see Missing). Keep the pane alive after herald exits
// (see HeraldCommand) to read the exit status.
func StartTmux(t *testing.T, cmd string, cols, rows int) *Tmux {
	t.Helper()
	if testing.Short() {
		t.Skip("runs the binary in tmux")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		Missing(t, "tmux not installed")
	}
	s := &Tmux{t: t, sock: filepath.Join(t.TempDir(), "tmux.sock")}
	// Offline unless the command says otherwise (HERALD_OFFLINE=0 for a
	// test that serves pages or images on loopback): articles carry
	// remote links and images, and a test never reaches the internet.
	s.run("new-session", "-d", "-s", "herald", "-x", strconv.Itoa(cols), "-y", strconv.Itoa(rows),
		"-e", "TERM=xterm-256color", "-e", "HERALD_OFFLINE=1", cmd)
	t.Cleanup(func() { exec.Command("tmux", "-S", s.sock, "kill-server").Run() })
	return s
}

func (s *Tmux) run(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", s.sock, "-f", "/dev/null"}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// Screen is the pane's text as a person sees it.
func (s *Tmux) Screen() string { return s.run("capture-pane", "-p", "-t", "herald") }

// ScreenColors is the pane's text with its colours as SGR sequences
// (capture-pane -e), for what only colour shows, such as an image.
func (s *Tmux) ScreenColors() string { return s.run("capture-pane", "-p", "-e", "-t", "herald") }

// Keys types tmux key names (e.g. "Enter", "q") into the pane.
func (s *Tmux) Keys(keys ...string) {
	s.t.Helper()
	s.run(append([]string{"send-keys", "-t", "herald"}, keys...)...)
}

// AlternateScreen reports whether the program in the pane switched to the
// terminal's alternate screen.
func (s *Tmux) AlternateScreen() bool {
	return strings.TrimSpace(s.run("display-message", "-p", "-t", "herald", "#{alternate_on}")) == "1"
}

// Type sends text literally (send-keys -l), in one write: herald reads
// the runes together, as it does when someone types fast or over ssh.
func (s *Tmux) Type(text string) {
	s.t.Helper()
	s.run("send-keys", "-t", "herald", "-l", text)
}

// WaitFor waits until every string in what is on the screen and returns
// that screen (see WaitUntil for exited).
func (s *Tmux) WaitFor(exited string, what ...string) string {
	s.t.Helper()
	return s.WaitUntil(exited, strings.Join(what, ", "), func(screen string) bool {
		for _, w := range what {
			if !strings.Contains(screen, w) {
				return false
			}
		}
		return true
	})
}

// WaitUntil polls the screen until ok accepts it and returns that screen.
// It fails the test after 30 s, or at once when the screen shows exited: a
// marker the command prints when herald ends ("" for none).
func (s *Tmux) WaitUntil(exited, desc string, ok func(screen string) bool) string {
	s.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		screen := s.Screen()
		if ok(screen) {
			return screen
		}
		if time.Now().After(deadline) || (exited != "" && strings.Contains(screen, exited)) {
			s.t.Fatalf("waiting for %s; screen:\n%s", desc, screen)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
