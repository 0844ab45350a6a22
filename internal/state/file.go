package state

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// reopen (re)opens the log from scratch: at Open, and when the file was
// replaced under us (another process compacted it) or shrank. The table
// is rebuilt from the new file, so memory always matches the disk.
func (s *Store) reopen() error {
	if s.f != nil {
		s.f.Close()
		s.f = nil
	}
	flag := os.O_RDWR | os.O_APPEND | os.O_CREATE
	if s.opt.ReadOnly {
		flag = os.O_RDONLY
	}
	f, err := openFile(s.path, flag, 0o600)
	if err != nil {
		return fmt.Errorf("open state: %w", err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return fmt.Errorf("open state: %w", err)
	}
	s.f, s.fi = f, fi
	s.off, s.lines = 0, 0
	s.t = newTable()
	s.probs = problems{}
	s.version.Add(1)
	return nil
}

// refresh applies the complete lines appended since the last call.
func (s *Store) refresh() error {
	if s.f == nil {
		return errors.New("refresh state: store is closed")
	}
	fi, err := os.Stat(s.path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("refresh state: %w", err)
	}
	if err != nil || !os.SameFile(fi, s.fi) {
		if err := s.reopen(); err != nil {
			return err
		}
	}
	cur, err := s.f.Stat()
	if err != nil {
		return fmt.Errorf("refresh state %s: %w", s.path, err)
	}
	if cur.Size() < s.off { // truncated by hand: start over
		if err := s.reopen(); err != nil {
			return err
		}
	}
	if cur.Size() <= s.off {
		return nil
	}
	if s.off == 0 && len(s.t.m) == 0 {
		// Size the map for the whole log at once rather than growing it
		// line by line (lines are ~60 bytes; most logs hold ~1 line per
		// article).
		s.t.m = make(map[string]int32, cur.Size()/64)
	}
	data := make([]byte, cur.Size()-s.off)
	n, err := s.f.ReadAt(data, s.off)
	if err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("refresh state %s: %w", s.path, err)
	}
	consumed, lines := s.t.load(data[:n], s.lines+1, func(line int, _ []byte, err error) {
		s.probs.add("%s:%d: %v; line skipped", s.path, line, err)
	})
	s.off += int64(consumed)
	s.lines += lines
	if lines > 0 {
		s.version.Add(1)
	}
	return nil
}
