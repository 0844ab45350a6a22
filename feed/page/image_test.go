package page

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
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
)

func pngBytes(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x * 40), uint8(y * 40), 200, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// bombPNG is a small valid PNG whose header claims w x h pixels (the IHDR
// chunk rewritten, its checksum too), as a decompression bomb does.
func bombPNG(t *testing.T, w, h uint32) []byte {
	b := pngBytes(t, 2, 2)
	// 8-byte signature, 4-byte length, "IHDR", then width and height.
	binary.BigEndian.PutUint32(b[16:], w)
	binary.BigEndian.PutUint32(b[20:], h)
	binary.BigEndian.PutUint32(b[29:], crc32.ChecksumIEEE(b[12:29]))
	return b
}

func imageServer(t *testing.T, hits *atomic.Int32) *httptest.Server {
	t.Helper()
	good := pngBytes(t, 4, 3)
	mux := http.NewServeMux()
	serve := func(path, ct string, body []byte) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			hits.Add(1)
			w.Header().Set("Content-Type", ct)
			w.Write(body)
		})
	}
	serve("/good.png", "image/png", good)
	serve("/bomb.png", "image/png", bombPNG(t, 100000, 100000))
	serve("/wide.png", "image/png", bombPNG(t, 20000, 1))
	serve("/big.png", "image/png", append(bytes.Clone(good), make([]byte, 11<<20)...))
	serve("/page.html", "text/html", []byte("<html><body>no</body></html>"))
	serve("/broken.png", "image/png", []byte("\x89PNG\r\n\x1a\nthis is not a png"))
	mux.HandleFunc("/hop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/good.png", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestImagesRefuse(t *testing.T) {
	var hits atomic.Int32
	srv := imageServer(t, &hits)
	dir := filepath.Join(t.TempDir(), "images")
	im := OpenImages(dir, 0, newTestFetcher(nil))
	for _, tc := range []struct {
		path string
		want error
	}{
		{"/bomb.png", ErrImagePixels},
		{"/wide.png", ErrImagePixels},
		{"/big.png", ErrImageTooLarge},
		{"/page.html", ErrNotImage},
		{"/broken.png", ErrBrokenImage},
	} {
		data, err := im.Get(context.Background(), srv.URL+tc.path)
		if !errors.Is(err, tc.want) || data != nil {
			t.Errorf("%s: got %d bytes, err %v; want %v", tc.path, len(data), err, tc.want)
		}
	}
	if _, err := im.Get(context.Background(), "file:///etc/passwd"); !errors.Is(err, ErrScheme) {
		t.Errorf("file URL: err %v, want %v", err, ErrScheme)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("refused images were kept: %v", entries)
	}
}

func TestImagesFetchKeepAndOffline(t *testing.T) {
	var hits atomic.Int32
	srv := imageServer(t, &hits)
	dir := filepath.Join(t.TempDir(), "images")
	im := OpenImages(dir, 0, newTestFetcher(nil))
	want := pngBytes(t, 4, 3)
	for range 2 {
		got, err := im.Get(context.Background(), srv.URL+"/hop")
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("got %d bytes, err %v; want the image", len(got), err)
		}
	}
	if n := hits.Load(); n != 1 {
		t.Errorf("server hit %d times, want once (then kept)", n)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || !strings.HasSuffix(entries[0].Name(), imageExt) {
		t.Errorf("want one image file, no temporary files: %v", entries)
	}

	// Offline (another process, no fetcher): the kept image shows, others
	// are not fetched.
	offline := OpenImages(dir, 0, nil)
	if got, err := offline.Get(context.Background(), srv.URL+"/hop"); err != nil || !bytes.Equal(got, want) {
		t.Errorf("offline, kept image: %d bytes, err %v", len(got), err)
	}
	before := hits.Load()
	if got, err := offline.Get(context.Background(), srv.URL+"/good.png"); !errors.Is(err, ErrImageOffline) || got != nil {
		t.Errorf("offline, new image: %d bytes, err %v; want %v", len(got), err, ErrImageOffline)
	}
	if hits.Load() != before {
		t.Error("offline touched the network")
	}
}

// The images' files count against their cap like pages do.
func TestImagesCapped(t *testing.T) {
	var hits atomic.Int32
	srv := imageServer(t, &hits)
	dir := t.TempDir()
	im := OpenImages(dir, 1, newTestFetcher(nil)) // one byte: only the newest stays
	for _, p := range []string{"/good.png", "/hop"} {
		if _, err := im.Get(context.Background(), srv.URL+p); err != nil {
			t.Fatal(err)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("want the newest image only: %v", entries)
	}
	if data, _ := im.Cached(srv.URL + "/hop"); data == nil {
		t.Error("the newest image was evicted")
	}
}
