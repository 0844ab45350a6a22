//go:build linux

package e2e_test

import (
	"strings"
	"testing"
	"time"

	"github.com/herald-reader/herald/internal/e2e"
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
	bin := herald.Path(t)
	start := time.Now()
	s := e2e.StartOnPTY(t, bin, nil, nil)
	s.WaitFor("24 articles", 30*time.Second)
	t.Logf("list shown after %v", time.Since(start))
	if n := strings.Count(s.Output(), "\x1b]11;?"); n > 1 {
		t.Errorf("asked the terminal for its background %d times; each waits 5 s here", n)
	}
	quit := time.Now()
	s.Press("q")
	s.Exited(2 * time.Second)
	t.Logf("exited %v after q", time.Since(quit))
}
