package page

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // the formats articles' images come in
	_ "image/jpeg"
	_ "image/png"
	"io/fs"
	"mime"
	"os"
	"strings"

	_ "golang.org/x/image/webp"
)

// Limits of an image: the download, and its size once decoded. A 10 MB
// PNG of one colour can claim 100,000 x 100,000 pixels, 40 GB decoded: the
// dimensions are read from the header (DecodeConfig) and such an image is
// refused before anything decodes it.
const (
	maxImageBody   = 10 << 20
	maxImageSide   = 16384
	maxImagePixels = 40_000_000 // 160 MB as RGBA
)

// Image failures a caller may tell apart; their text is the reason shown.
var (
	ErrNotImage      = errors.New("not an image")
	ErrImageTooLarge = errors.New("image larger than 10 MB")
	ErrImagePixels   = errors.New("image has too many pixels")
	ErrBrokenImage   = errors.New("unreadable image")
	ErrImageOffline  = errors.New("offline: the image is not cached")
)

const (
	imageExt    = ".img"
	imageHeader = "herald image 1\n"
)

var anImage = wanted{
	accept: "image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9,image/*;q=0.8",
	check:  checkImageType, max: maxImageBody, tooLarge: ErrImageTooLarge,
}

// checkImageType accepts image/* and an unnamed type (sniffed later).
func checkImageType(ct string) error {
	if ct == "" {
		return nil
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return fmt.Errorf("%w (%s)", ErrNotImage, ct)
	}
	if !strings.HasPrefix(mt, "image/") {
		return fmt.Errorf("%w (%s)", ErrNotImage, mt)
	}
	return nil
}

// CheckImage reads the image's dimensions from its header and refuses one
// that cannot be read or would decode to too many pixels. It decodes
// nothing else, so it is cheap, and safe on hostile bytes.
func CheckImage(data []byte) (image.Config, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return cfg, fmt.Errorf("%w: %v", ErrBrokenImage, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return cfg, fmt.Errorf("%w: %s of %dx%d", ErrBrokenImage, format, cfg.Width, cfg.Height)
	}
	if cfg.Width > maxImageSide || cfg.Height > maxImageSide || cfg.Width*cfg.Height > maxImagePixels {
		return cfg, fmt.Errorf("%w (%dx%d)", ErrImagePixels, cfg.Width, cfg.Height)
	}
	return cfg, nil
}

// FetchImage downloads the image at rawURL under the page rules (http
// and https only, the same timeouts, redirects and retries) and the image
// limits: image/* only, at most 10 MB, dimensions checked (CheckImage).
func (f *Fetcher) FetchImage(ctx context.Context, rawURL string) ([]byte, error) {
	body, _, _, err := f.fetch(ctx, rawURL, anImage)
	if err != nil {
		return nil, err
	}
	if _, err := CheckImage(body); err != nil {
		return nil, err
	}
	return body, nil
}

// Images keeps articles' images on disk, one file per URL, under the
// store's rules (atomic writes, a size cap, least recently read evicted
// first), and fetches missing ones unless offline. Only images that passed
// CheckImage are kept. Safe for concurrent use.
type Images struct {
	files   *Store
	fetcher *Fetcher // nil: offline
}

// OpenImages keeps images in dir, capped at limit bytes (DefaultLimit when
// limit <= 0), and fetches with fetcher; nil means offline.
func OpenImages(dir string, limit int64, fetcher *Fetcher) *Images {
	files := OpenStore(dir, limit)
	files.ext = imageExt
	return &Images{files: files, fetcher: fetcher}
}

// Cached returns the kept image for url, nil when none, and marks it read.
// It reads the disk, never the network.
func (im *Images) Cached(url string) ([]byte, error) {
	path := im.files.path(url)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	rest, ok := bytes.CutPrefix(data, []byte(imageHeader))
	if !ok {
		return nil, nil // another format version
	}
	name, body, ok := bytes.Cut(rest, []byte("\n"))
	if !ok || string(name) != url { // a hash collision, or a file cut short
		return nil, nil
	}
	t := im.files.now()
	os.Chtimes(path, t, t) // best effort: a read-only cache still reads
	return body, nil
}

// Get returns the image at url: the kept one, else fetched and kept.
// Offline, an image not kept is ErrImageOffline.
func (im *Images) Get(ctx context.Context, url string) ([]byte, error) {
	if data, err := im.Cached(url); data != nil || err != nil {
		return data, err
	}
	if im.fetcher == nil {
		return nil, ErrImageOffline
	}
	if strings.ContainsAny(url, "\n\r") {
		return nil, ErrScheme
	}
	data, err := im.fetcher.FetchImage(ctx, url)
	if err != nil {
		return nil, err
	}
	file := make([]byte, 0, len(imageHeader)+len(url)+1+len(data))
	file = append(append(append(append(file, imageHeader...), url...), '\n'), data...)
	if err := im.files.write(im.files.path(url), file); err != nil {
		return nil, err
	}
	return data, nil
}
