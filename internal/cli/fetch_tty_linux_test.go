//go:build linux

package cli

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/herald-reader/herald/internal/e2e"
)

// On a terminal, fetch draws a progress bar on stderr and erases it
// before the failures and the summary; in a pipe (TestFetchThenShow)
// there is none.
func TestFetchProgressOnTerminal(t *testing.T) {
	srv, _ := newsServer(t)
	dir := fetchLibrary(t, srv.URL)
	e := newScriptEnv(t)
	master, tty := e2e.OpenPTY(t)
	got := make(chan []byte)
	go func() {
		b, _ := io.ReadAll(master)
		got <- b
	}()
	var out bytes.Buffer
	code := runEnv([]string{"fetch", dir}, e.getenv, &out, tty)
	tty.Close()
	term := string(<-got)
	if code != 0 || out.String() != "fetched 1, cached 0, failed 1\n" {
		t.Fatalf("exit %d, stdout %q", code, out.String())
	}
	if !strings.Contains(term, "] 2/2 pages") || !strings.Contains(term, "\r\x1b[K") {
		t.Errorf("no progress bar, or not erased: %q", term)
	}
	if !strings.Contains(term, "report.pdf: not a web page") {
		t.Errorf("failure not reported on the terminal: %q", term)
	}
}
