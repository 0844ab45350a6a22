package e2e_test

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/herald-reader/herald/internal/e2e"
)

// TestTmuxImagesBlocks runs the real binary in tmux with images: blocks on
// an article whose lead image is served locally: the detail pane shows it
// as coloured half blocks above the text. Started again offline after the
// server is gone, the kept image still shows.
func TestTmuxImagesBlocks(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 300, 150))
	for y := range 150 {
		for x := range 300 {
			img.SetRGBA(x, y, color.RGBA{255, 0, 0, 255})
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "image/png")
		w.Write(buf.Bytes())
	}))
	defer srv.Close()

	tmp := t.TempDir()
	dir := filepath.Join(tmp, "news")
	os.MkdirAll(dir, 0o755)
	conf := filepath.Join(tmp, "config", "herald")
	os.MkdirAll(conf, 0o755)
	if err := os.WriteFile(filepath.Join(conf, "config.yaml"), []byte("images: blocks\nimage_rows: 6\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	article := fmt.Sprintf("---\ntitle: \"Red kites return\"\nexcerpt: \"The kites are back.\"\noriginalUrl: \"https://ledger.example/kites\"\nimages:\n  - url: %q\n    width: 300\n    height: 150\n---\nBody about the kites.\n", srv.URL+"/kite.png")
	if err := os.WriteFile(filepath.Join(dir, "2026-03-14-kites.md"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	bin := herald.Path(t)
	run := e2e.HeraldCommand(bin, []string{"HERALD_OFFLINE=0", "HERALD_NO_CACHE=1", "BROWSER=true", "XDG_CONFIG_HOME=" + filepath.Join(tmp, "config"),
		"XDG_STATE_HOME=" + filepath.Join(tmp, "state"), "XDG_CACHE_HOME=" + filepath.Join(tmp, "cache")}, dir)

	// Red in 256 colours (TERM=xterm-256color) is 196, as fore- and
	// background of each half block.
	red := func(screen string) bool {
		return strings.Contains(screen, "▀") && strings.Contains(screen, "38;5;196") && strings.Contains(screen, "48;5;196")
	}
	tm := e2e.StartTmux(t, run, 120, 40)
	tm.WaitFor(e2e.Exited, "Red kites return")
	tm.Keys("Enter")
	tm.WaitFor(e2e.Exited, "Body about the kites.", "▀▀▀▀")
	if s := tm.ScreenColors(); !red(s) {
		t.Errorf("no red half blocks in the detail pane:\n%q", s)
	}
	tm.Keys("q")
	tm.WaitFor("", e2e.Exited+"0")

	srv.Close()
	before := hits.Load()
	tm = e2e.StartTmux(t, strings.Replace(run, "HERALD_OFFLINE=0", "HERALD_OFFLINE=1", 1), 120, 40)
	tm.WaitFor(e2e.Exited, "Red kites return")
	tm.Keys("Enter")
	tm.WaitFor(e2e.Exited, "Body about the kites.", "▀▀▀▀")
	if s := tm.ScreenColors(); !red(s) || hits.Load() != before {
		t.Errorf("offline, the kept image should show without the server:\n%q", s)
	}
	tm.Keys("q")
	tm.WaitFor("", e2e.Exited+"0")
}

// TestTmuxDemoDrawsNoImages opens the built-in demo with images: blocks:
// its pictures are placeholders on a reserved domain, so the first screen
// shows the welcome article, not a failed image.
func TestTmuxDemoDrawsNoImages(t *testing.T) {
	tmp := t.TempDir()
	conf := filepath.Join(tmp, "config", "herald")
	os.MkdirAll(conf, 0o755)
	if err := os.WriteFile(filepath.Join(conf, "config.yaml"), []byte("images: blocks\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run := e2e.HeraldCommand(herald.Path(t), []string{"BROWSER=true", "XDG_CONFIG_HOME=" + filepath.Join(tmp, "config"),
		"XDG_STATE_HOME=" + filepath.Join(tmp, "state"), "XDG_CACHE_HOME=" + filepath.Join(tmp, "cache")})
	tm := e2e.StartTmux(t, run, 140, 30)
	s := tm.WaitFor(e2e.Exited, "Welcome to Herald", "Herald Desk · herald.example")
	if strings.Contains(s, "Image https://") {
		t.Errorf("the demo tried to draw its placeholder image:\n%s", s)
	}
	tm.Keys("q")
	tm.WaitFor("", e2e.Exited+"0")
}
