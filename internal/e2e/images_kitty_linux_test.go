//go:build linux

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
	"testing"
	"time"

	"github.com/herald-reader/herald/internal/e2e"
)

// TestTUIImagesKitty runs the real binary on a pseudo-terminal with
// images: kitty and reads the raw stream: the lead image is transmitted
// once however often its article is shown, and frames carry the
// Unicode placeholders that show it.
func TestTUIImagesKitty(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	img := image.NewRGBA(image.Rect(0, 0, 120, 60))
	for y := range 60 {
		for x := range 120 {
			img.SetRGBA(x, y, color.RGBA{0, 90, 200, 255})
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write(buf.Bytes())
	}))
	defer srv.Close()

	tmp := t.TempDir()
	dir := filepath.Join(tmp, "news")
	conf := filepath.Join(tmp, "config")
	os.MkdirAll(dir, 0o755)
	os.MkdirAll(filepath.Join(conf, "herald"), 0o755)
	os.WriteFile(filepath.Join(conf, "herald", "config.yaml"), []byte("images: kitty\nimage_rows: 4\n"), 0o644)
	for i, title := range []string{"Blue lagoon", "Grey harbour"} {
		art := fmt.Sprintf("---\ntitle: %q\noriginalUrl: \"https://ledger.example/%d\"\n", title, i)
		if i == 0 {
			art += fmt.Sprintf("images:\n  - url: %q\n", srv.URL+"/lagoon.png")
		}
		art += "---\nBody.\n"
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("2026-03-1%d-a%d.md", 4-i, i)), []byte(art), 0o644)
	}

	s := e2e.StartOnPTY(t, herald.Path(t), []string{"XDG_CONFIG_HOME=" + conf, "HERALD_NO_CACHE=1", "HERALD_OFFLINE=0"}, []string{dir})
	s.WaitFor("Blue lagoon", 10*time.Second)
	s.Press("\r") // 80 columns show one pane: open the article
	s.WaitFor("\x1b_G", 10*time.Second)
	s.WaitFor("\U0010EEEE", 10*time.Second)
	s.Press("\x1b") // back to the list, then down and up and open again
	time.Sleep(100 * time.Millisecond)
	for _, k := range []string{"j", "k", "\r"} {
		s.Press(k)
		time.Sleep(100 * time.Millisecond) // let each move reach the screen; the count below is what is asserted
	}
	s.WaitFor("\U0010EEEE", 10*time.Second)
	out := s.Output()
	if n := strings.Count(out, "a=T"); n != 1 {
		t.Errorf("%d transmissions of the image, want 1", n)
	}
	if !strings.Contains(out, "i=1") || !strings.Contains(out, "U=1") {
		t.Errorf("the transmission is not a virtual placement of image 1")
	}
	// The placeholders name image 1 in their colour.
	if !strings.Contains(out, "\x1b[38;2;0;0;1m\U0010EEEE") {
		t.Errorf("no placeholders coloured for image 1")
	}
}
