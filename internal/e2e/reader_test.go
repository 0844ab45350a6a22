package e2e_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-reader/herald/internal/e2e"
)

// TestTmuxReaderKeepsThePage runs the real binary in tmux on an article
// whose link points at a local server: R fetches the page and shows its
// text in the detail pane; after the server is stopped and herald started
// again, opening the article shows the text from the page cache.
func TestTmuxReaderKeepsThePage(t *testing.T) {
	const para = "Forty welders spent two years repainting the three red harbour cranes."
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html><head><title>Cranes</title></head><body><nav><a href="/">Navhome</a></nav><article><h1>Cranes</h1>`)
		for i := range 4 {
			fmt.Fprintf(w, "<p>%s Paragraph %d goes on long enough to be part of a real article.</p>", para, i+1)
		}
		fmt.Fprint(w, `</article><div class="comments">Commenter was here.</div></body></html>`)
	}))
	defer srv.Close()

	tmp := t.TempDir()
	dir := filepath.Join(tmp, "news")
	os.MkdirAll(dir, 0o755)
	article := fmt.Sprintf("---\ntitle: \"Harbour cranes return\"\nexcerpt: \"The cranes are back.\"\noriginalUrl: %q\nprovider:\n  name: Ledger\n  domain: ledger.example\n---\n", srv.URL+"/cranes")
	if err := os.WriteFile(filepath.Join(dir, "2026-03-14-cranes.md"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	bin := herald.Path(t)
	run := e2e.HeraldCommand(bin, []string{"HERALD_OFFLINE=0", "HERALD_NO_CACHE=1", "BROWSER=true", "XDG_CONFIG_HOME=" + filepath.Join(tmp, "config"),
		"XDG_STATE_HOME=" + filepath.Join(tmp, "state"), "XDG_CACHE_HOME=" + filepath.Join(tmp, "cache")}, dir)

	tm := e2e.StartTmux(t, run, 120, 40)
	tm.WaitFor(e2e.Exited, "Harbour cranes return")
	tm.Keys("Enter")
	tm.WaitFor(e2e.Exited, "The cranes are back.")
	tm.Keys("R")
	s := tm.WaitFor(e2e.Exited, "Full text", "Forty welders spent")
	if strings.Contains(s, "Navhome") || strings.Contains(s, "Commenter") {
		t.Errorf("navigation or comments shown:\n%s", s)
	}
	tm.Keys("q")
	tm.WaitFor("", e2e.Exited+"0")

	srv.Close()
	tm = e2e.StartTmux(t, run, 120, 40)
	tm.WaitFor(e2e.Exited, "Harbour cranes return")
	tm.Keys("Enter")
	tm.WaitFor(e2e.Exited, "Full text", "Forty welders spent")
	tm.Keys("q")
	tm.WaitFor("", e2e.Exited+"0")
}
