// Package state keeps the reading state (read/unread, starred) per article
// ID in an append-only log under the user's state directory. Article files
// are never modified.
//
// The log is built to survive what a reader's state meets in practice:
//   - a crash or kill -9 at any moment: each change is one write(2) of whole
//     lines on an O_APPEND descriptor, acknowledged (the Set method
//     returns) only after fsync; a torn line fails its checksum and is
//     skipped, everything before and after it is kept;
//   - two Herald instances at once: both append, and each picks up the
//     other's lines on Refresh (which every Set calls first);
//   - syncing between machines: the state is a function of the set of
//     lines, whatever their order, so the concatenation of two copies of
//     the log is their union (the latest event per article wins);
//   - growth: Compact rewrites the log atomically with only the winning
//     events, under an exclusive lock so no concurrent append is lost.
package state

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// LogName and LockName are the files Open keeps in its directory.
const (
	LogName  = "state.log"
	LockName = "state.lock"
)

// Options tune a Store; the zero value is what Herald uses.
type Options struct {
	// Now stamps new events; nil means time.Now.
	Now func() time.Time
	// NoSync skips the fsync after each append: acknowledged events then
	// survive a crash of the process but not of the machine. For tests and
	// benchmarks.
	NoSync bool
	// NoAutoCompact keeps Open from compacting a log that has grown.
	NoAutoCompact bool
	// ReadOnly opens the state for a command that only reads it: nothing
	// is created (no directory, no log, no lock file), nothing compacted,
	// and Set and Compact fail.
	ReadOnly bool
}

// Store is the reading state of one state directory. Its methods are safe
// for concurrent use (the search runs IsRead/IsStarred on several cores).
type Store struct {
	dir, path string
	opt       Options

	mu    sync.RWMutex
	lock  *os.File    // LockName, held open for flock
	f     *os.File    // the log, O_RDWR|O_APPEND
	fi    os.FileInfo // f's identity, to notice a compaction by someone else
	off   int64       // bytes of f applied to t
	lines int         // lines of f applied to t
	t     table
	probs problems

	// version counts changes to t, for Version.
	version atomic.Uint64
	// done is closed by Close, which ends the watches.
	done chan struct{}
	// syncLog makes an append durable: (*os.File).Sync, or a test's
	// recorder checking that each acknowledged append was synced.
	syncLog func(*os.File) error
}

// Open loads the state kept in dir (created if missing). A damaged line is
// reported by Problems, never an error. If the log has grown well past its
// live content it is compacted first (a failure there is a Problem too).
func Open(dir string) (*Store, error) { return OpenWith(dir, Options{}) }

// OpenWith is Open with options.
func OpenWith(dir string, opt Options) (*Store, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if err := checkDir(dir); err != nil {
		return nil, fmt.Errorf("open state: %w", err)
	}
	if opt.ReadOnly {
		opt.NoAutoCompact = true
	} else if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("open state: %w", err)
	}
	s := &Store{dir: dir, path: filepath.Join(dir, LogName), opt: opt, t: newTable(), done: make(chan struct{}),
		syncLog: (*os.File).Sync}
	if !opt.ReadOnly { // a reader takes no lock: it never writes
		lock, err := openFile(filepath.Join(dir, LockName), os.O_RDWR|os.O_CREATE, 0o600)
		if err != nil {
			return nil, fmt.Errorf("open state: %w", err)
		}
		s.lock = lock
	}
	var err error
	s.mu.Lock()
	err = s.reopen()
	if err == nil {
		err = s.refresh()
	}
	s.mu.Unlock()
	if err != nil {
		s.Close()
		return nil, err
	}
	if !opt.NoAutoCompact && s.grown() {
		if err := s.Compact(); err != nil {
			s.mu.Lock()
			s.probs.add("%v", err)
			s.mu.Unlock()
		}
	}
	return s, nil
}

// Path is the log file. Watch tells when another instance changed it.
func (s *Store) Path() string { return s.path }

// Close releases the files and ends the watches. The Store must not be
// used afterwards.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.isClosed() {
		close(s.done)
	}
	var err error
	if s.f != nil {
		err = s.f.Close()
		s.f = nil
	}
	if s.lock != nil {
		if e := s.lock.Close(); err == nil {
			err = e
		}
		s.lock = nil
	}
	return err
}

// IsRead reports whether the article is marked read.
func (s *Store) IsRead(id string) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.t.get(id).flags&readOn != 0
}

// IsStarred reports whether the article is starred.
func (s *Store) IsStarred(id string) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.t.get(id).flags&starOn != 0
}

// Counts returns how many articles are marked read and starred (articles
// that are no longer in the library included).
func (s *Store) Counts() (read, starred int) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.t.nRead, s.t.nStar
}

// Starred returns the IDs of the starred articles, sorted.
func (s *Store) Starred() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	ids := make([]string, 0, s.t.nStar)
	for id, i := range s.t.m {
		if s.t.marks[i].flags&starOn != 0 {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}

// Version changes whenever the marks may have changed (a Set, or a
// Refresh or reload that found new lines). The search uses it to know
// whether results that depend on the marks (is:read) still hold.
func (s *Store) Version() uint64 { return s.version.Load() }

// Problems lists the damaged lines skipped ("PATH:LINE: reason") and
// failed automatic compactions.
func (s *Store) Problems() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.probs.all()
}

// Damaged is the number of damaged lines skipped in the log as loaded
// now; Problems lists the first of them. A reader shows it so the user
// knows some marks were lost, not just that "something" went wrong.
func (s *Store) Damaged() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.t.bad
}

// SetRead marks the articles read (or unread) in one append. Articles
// already in that state are left out: the log records changes, so marking
// a whole list read does not rewrite the marks it already has.
func (s *Store) SetRead(ids []string, read bool) error {
	o := opUnread
	if read {
		o = opRead
	}
	return s.set(ids, o)
}

// SetStarred stars or unstars one article.
func (s *Store) SetStarred(id string, starred bool) error {
	o := opUnstar
	if starred {
		o = opStar
	}
	return s.set([]string{id}, o)
}

// Refresh applies what other writers appended since the last look, and
// reloads the log if another process compacted (replaced) it.
func (s *Store) Refresh() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.refresh()
}

func (s *Store) set(ids []string, o op) error {
	for _, id := range ids {
		if err := checkID(id); err != nil {
			return fmt.Errorf("save state: %w", err)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.f == nil {
		return fmt.Errorf("save state: store is closed")
	}
	if s.opt.ReadOnly {
		return fmt.Errorf("save state: opened read-only")
	}
	// The shared lock keeps a compaction (exclusive) from reading the log
	// between our refresh and our write and then replacing it without
	// our lines. Refresh under it, so a file replaced by a compaction is
	// reopened before we append to it.
	if err := flock(s.lock, false); err != nil {
		return fmt.Errorf("save state: lock: %w", err)
	}
	defer funlock(s.lock)
	if err := s.refresh(); err != nil {
		return err
	}
	// Stamp after every event we know of, so a change always beats the
	// state it changes even when the clock stepped back or another
	// machine's clock ran ahead (a Lamport clock on top of the wall clock).
	ts := max(s.opt.Now().UnixNano(), s.t.maxTS+1)
	on := o == opRead || o == opStar
	evs := make([]event, 0, len(ids))
	for _, id := range ids {
		m := s.t.get(id)
		cur := m.flags&readOn != 0
		if o == opStar || o == opUnstar {
			cur = m.flags&starOn != 0
		}
		if cur != on {
			evs = append(evs, event{ts: ts, op: o, id: id})
		}
	}
	if len(evs) == 0 {
		return nil
	}
	buf := make([]byte, 1, 1+len(evs)*64)
	buf[0] = '\n'
	for _, ev := range evs {
		buf = appendLine(buf, ev)
	}
	// One write(2): with O_APPEND the kernel places it at the end of the
	// file as a unit, so lines from two processes never interleave.
	// os.File.Write only loops on a short write, which on a regular file
	// means disk full or a dying process; either way the checksums catch
	// the torn line.
	if _, err := s.f.Write(buf); err != nil {
		return fmt.Errorf("save state %s: %w", s.path, err)
	}
	if !s.opt.NoSync {
		if err := s.syncLog(s.f); err != nil {
			return fmt.Errorf("save state %s: %w", s.path, err)
		}
	}
	// Our lines are read back by the next refresh like anyone else's
	// (applying an event twice is harmless); apply them now so the caller
	// sees the change without waiting for it.
	for _, ev := range evs {
		s.t.apply(ev)
	}
	s.version.Add(1)
	return nil
}
