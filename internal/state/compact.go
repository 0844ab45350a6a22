package state

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/herald-reader/herald/internal/atomicfile"
	"github.com/herald-reader/herald/internal/plural"
)

// A log is compacted at Open when it holds more than compactRatio times
// the events a compacted copy would, and is past compactMinBytes (below
// that, reading it costs nothing worth a rewrite).
const (
	compactRatio    = 4
	compactMinBytes = 256 << 10
)

// CorruptName is where compaction keeps the damaged lines it drops, so
// nothing unreadable is thrown away without a trace.
const CorruptName = "state.corrupt"

func (s *Store) grown() bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.off > compactMinBytes && s.t.events+s.t.bad > compactRatio*s.t.live()
}

// Compact rewrites the log with only the winning event of each article's
// read and starred attribute (original timestamps kept, so a compacted log
// still merges with other copies). It writes a temporary file, fsyncs it,
// renames it over the log and fsyncs the directory: a crash leaves either
// the old log or the new one.
//
// Concurrent writers: compaction holds the exclusive flock of LockName
// from reading the log until the rename; every append holds the shared
// lock and, under it, reopens the log if it was replaced. So an append
// lands either before the compaction reads the file (and is kept) or in
// the new file, never in the old file after it was read.
func (s *Store) Compact() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.f == nil {
		return errors.New("compact state: store is closed")
	}
	if s.opt.ReadOnly {
		return errors.New("compact state: opened read-only")
	}
	if err := flock(s.lock, true); err != nil {
		return fmt.Errorf("compact state: lock: %w", err)
	}
	defer funlock(s.lock)

	data, err := readCurrentLog(s.path)
	if err != nil {
		return fmt.Errorf("compact state: %w", err)
	}
	t := newTable()
	var dropped []byte
	consumed, _ := t.load(data, 1, func(_ int, raw []byte, _ error) {
		dropped = append(append(dropped, raw...), '\n')
	})
	// Nobody appends under our exclusive lock, so an unterminated tail
	// is a line torn by a crash.
	if tail := bytes.TrimSpace(data[consumed:]); len(tail) > 0 {
		dropped = append(append(dropped, tail...), '\n')
	}
	evs := t.winners()
	out := make([]byte, 0, len(evs)*64)
	for _, ev := range evs {
		out = appendLine(out, ev)
	}
	if len(dropped) > 0 {
		if err := appendFile(filepath.Join(s.dir, CorruptName), dropped); err != nil {
			return fmt.Errorf("compact state: keep damaged lines: %w", err)
		}
	}
	if err := atomicfile.WriteFile(s.path, filepath.Base(s.path)+".tmp*", out, 0o600); err != nil {
		return fmt.Errorf("compact state: %w", err)
	}
	if err := s.reopen(); err != nil {
		return err
	}
	// Nobody appended since we read (exclusive lock): the new file is
	// exactly evs, so take the table as it is instead of reading it back.
	t.events, t.bad = len(evs), 0
	s.t, s.off, s.lines = t, int64(len(out)), len(evs)
	if n := bytes.Count(dropped, []byte{'\n'}); n > 0 {
		s.probs.add("%s: compaction dropped %s (kept in %s)",
			s.path, plural.Count(n, "damaged line"), filepath.Join(s.dir, CorruptName))
	}
	return nil
}

// readCurrentLog reads the log as compaction finds it, not following a link in
// its place (see openFile); a missing log is empty.
func readCurrentLog(path string) ([]byte, error) {
	f, err := openFile(path, os.O_RDONLY, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

func appendFile(path string, data []byte) error {
	f, err := openFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err2 := f.Sync(); err == nil {
		err = err2
	}
	if err2 := f.Close(); err == nil {
		err = err2
	}
	return err
}
