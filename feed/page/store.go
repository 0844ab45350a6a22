package page

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/herald-reader/herald/internal/atomicfile"
)

// DefaultLimit is the store's default size cap.
const DefaultLimit = 500 << 20

// fileHeader opens every page file; a file with another header (an older
// or newer format) is treated as absent and fetched again.
const fileHeader = "herald page 1\n"

const fileExt = ".page"

// Store keeps fetched pages on disk, one file per URL (named by a hash of
// it) in one directory, written atomically. A stored page is read for ever,
// offline too; only Put replaces it. When the files pass the size limit,
// the least recently read are removed first (a file's modification time is
// when it was last read or written). Safe for concurrent use, also by
// several processes (each write is a rename; eviction tolerates files
// vanishing).
type Store struct {
	dir   string
	ext   string // the files' extension: fileExt, or imageExt for images
	limit int64
	now   func() time.Time

	mu    sync.Mutex
	size  int64 // bytes in dir, known once sized
	sized bool
}

// OpenStore returns the store in dir (created on the first Put) capped at
// limit bytes (DefaultLimit when limit <= 0).
func OpenStore(dir string, limit int64) *Store {
	if limit <= 0 {
		limit = DefaultLimit
	}
	return &Store{dir: dir, ext: fileExt, limit: limit, now: time.Now}
}

// Dir is the store's directory.
func (s *Store) Dir() string { return s.dir }

func (s *Store) path(url string) string {
	sum := sha256.Sum256([]byte(url))
	return filepath.Join(s.dir, hex.EncodeToString(sum[:16])+s.ext)
}

// Has reports whether a page for url is stored, without reading it.
func (s *Store) Has(url string) bool {
	_, err := os.Stat(s.path(url))
	return err == nil
}

// Read returns the stored page for url and marks it read (see Store);
// ok is false when none is stored. A file that cannot be decoded is an
// error naming it; the caller may fetch the page again.
func (s *Store) Read(url string) (p Page, ok bool, err error) {
	p, ok, err = s.Peek(url)
	if ok {
		t := s.now()
		os.Chtimes(s.path(url), t, t) // best effort: a read-only cache still reads
	}
	return p, ok, err
}

// Peek is Read without marking the page read: indexing for search is not
// reading.
func (s *Store) Peek(url string) (Page, bool, error) {
	path := s.path(url)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Page{}, false, nil
	}
	if err != nil {
		return Page{}, false, err
	}
	rest, ok := bytes.CutPrefix(data, []byte(fileHeader))
	if !ok {
		return Page{}, false, nil // another format version
	}
	var p Page
	if err := json.Unmarshal(rest, &p); err != nil {
		return Page{}, false, fmt.Errorf("%s: %v", path, err)
	}
	if p.URL != url { // a hash collision, or a file copied by hand
		return Page{}, false, nil
	}
	return p, true, nil
}

// Put stores the page under its URL, replacing an older copy, and then
// evicts the least recently read pages while the store is over its limit.
func (s *Store) Put(p Page) error {
	var buf bytes.Buffer
	buf.WriteString(fileHeader)
	w := bufio.NewWriter(&buf)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(p); err != nil {
		return err
	}
	w.Flush()
	return s.write(s.path(p.URL), buf.Bytes())
}

// write writes data to path atomically, then evicts the least recently
// read files while the store is over its limit.
func (s *Store) write(path string, data []byte) error {
	if err := os.MkdirAll(s.dir, 0o700); err != nil {
		return err
	}
	old := int64(0)
	if fi, err := os.Stat(path); err == nil {
		old = fi.Size()
	}
	if err := atomicfile.WriteFile(path, s.ext+"-*.tmp", data, 0o600); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.sized {
		return s.evict(path)
	}
	s.size += int64(len(data)) - old
	if s.size > s.limit {
		return s.evict(path)
	}
	return nil
}

// evict measures the directory and removes the least recently read pages
// (never keep, the page just written) until it fits the limit.
func (s *Store) evict(keep string) error {
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return err
	}
	type file struct {
		path string
		size int64
		used time.Time
	}
	var files []file
	s.size = 0
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), s.ext) {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue // removed meanwhile
		}
		files = append(files, file{filepath.Join(s.dir, e.Name()), fi.Size(), fi.ModTime()})
		s.size += fi.Size()
	}
	s.sized = true
	slices.SortFunc(files, func(a, b file) int { return a.used.Compare(b.used) })
	for _, f := range files {
		if s.size <= s.limit {
			break
		}
		if f.path == keep {
			continue
		}
		if err := os.Remove(f.path); err == nil || errors.Is(err, fs.ErrNotExist) {
			s.size -= f.size
		}
	}
	return nil
}

// Texts returns a lookup of stored pages' text by URL for search, which
// asks for every article: the directory is listed once, here, so that
// only URLs with a page cost a file read. Safe for concurrent use.
func (s *Store) Texts() func(url string) string {
	entries, err := os.ReadDir(s.dir)
	if err != nil || len(entries) == 0 {
		return func(string) string { return "" }
	}
	have := make(map[string]bool, len(entries))
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), fileExt); ok {
			have[name] = true
		}
	}
	return func(url string) string {
		if !have[strings.TrimSuffix(filepath.Base(s.path(url)), fileExt)] {
			return ""
		}
		p, ok, _ := s.Peek(url) // an unreadable page is not searched, as if absent
		if !ok {
			return ""
		}
		return p.Text
	}
}
