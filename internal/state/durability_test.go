package state

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSetSyncsBeforeAcknowledging: Set returns only after the log, with
// the new line in it, was synced. Dropping the Sync, or syncing before
// the write, fails here.
func TestSetSyncsBeforeAcknowledging(t *testing.T) {
	dir := t.TempDir()
	s, err := OpenWith(dir, Options{Now: tick(t0)})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var synced []string // the log's content at each sync
	s.syncLog = func(f *os.File) error {
		b, err := os.ReadFile(f.Name())
		if err != nil {
			return err
		}
		synced = append(synced, string(b))
		return f.Sync()
	}
	must(t, s.SetRead([]string{"art-1"}, true))
	must(t, s.SetStarred("art-2", true))
	if len(synced) != 2 {
		t.Fatalf("%d syncs for 2 acknowledged appends, want 2", len(synced))
	}
	for i, want := range []string{"\tread\tart-1\t", "\tstar\tart-2\t"} {
		if !strings.Contains(synced[i], want) {
			t.Errorf("sync %d saw a log without its line %q:\n%s", i+1, want, synced[i])
		}
	}
	// NoSync is the only way out, and it says so.
	synced = nil
	s.opt.NoSync = true
	must(t, s.SetRead([]string{"art-3"}, true))
	if len(synced) != 0 {
		t.Errorf("NoSync still synced %d times", len(synced))
	}
}

// TestCompactReplacesAtomically: compaction puts a new file in the log's
// place; it never rewrites the old one. A reader holding the old log (as
// another Herald does) keeps reading it whole, and the path holds the new
// log whole: a crash at any point leaves one or the other. Rewriting the
// log in place (os.WriteFile) fails here.
func TestCompactReplacesAtomically(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := range 2000 {
		id := fmt.Sprintf("art-%d", i%50)
		b.WriteString(string(appendLine(nil, event{ts: t0.UnixNano() + int64(i), op: opRead + op(i%2), id: id})))
	}
	old := b.String()
	writeLog(t, dir, old)
	held, err := os.Open(filepath.Join(dir, LogName))
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	s := open(t, dir)
	must(t, s.Compact())

	seen, err := io.ReadAll(held)
	if err != nil {
		t.Fatal(err)
	}
	if string(seen) != old {
		t.Errorf("the old log changed under a reader holding it (%d bytes, was %d): rewritten in place", len(seen), len(old))
	}
	now := readLog(t, dir)
	if n := eventLines(now); n != 50 {
		t.Errorf("compacted log has %d events, want 50", n)
	}
	reopened := open(t, dir)
	if reopened.Damaged() != 0 || len(reopened.Problems()) != 0 {
		t.Errorf("the compacted log is not whole: %v", reopened.Problems())
	}
	if r, _ := reopened.Counts(); r != 25 { // the last event of art-N is read for even N
		t.Errorf("%d read after compaction, want 25", r)
	}
}

// TestSymlinkedStateFilesRefused: a symbolic link planted in place of the
// log, the lock or the corrupt-lines file is refused with an error naming
// it, and the file it points to is left as it was.
func TestSymlinkedStateFilesRefused(t *testing.T) {
	for _, name := range []string{LogName, LockName} {
		t.Run(name, func(t *testing.T) {
			dir, elsewhere := t.TempDir(), t.TempDir()
			target := filepath.Join(elsewhere, "precious")
			must(t, os.WriteFile(target, []byte("do not touch\n"), 0o600))
			must(t, os.Symlink(target, filepath.Join(dir, name)))
			s, err := OpenWith(dir, Options{Now: tick(t0)})
			if err == nil {
				s.SetRead([]string{"art-1"}, true)
				s.Compact()
				s.Close()
				t.Fatalf("Open followed a symlinked %s", name)
			}
			if !strings.Contains(err.Error(), "symbolic link") || !strings.Contains(err.Error(), name) {
				t.Errorf("error %q does not say that %s is a symbolic link", err, name)
			}
			if b, _ := os.ReadFile(target); string(b) != "do not touch\n" {
				t.Errorf("the link's target changed: %q", b)
			}
		})
	}
	t.Run(CorruptName, func(t *testing.T) {
		dir, elsewhere := t.TempDir(), t.TempDir()
		target := filepath.Join(elsewhere, "precious")
		must(t, os.WriteFile(target, []byte("do not touch\n"), 0o600))
		must(t, os.Symlink(target, filepath.Join(dir, CorruptName)))
		writeLog(t, dir, "a damaged line\n")
		s := open(t, dir)
		if err := s.Compact(); err == nil || !strings.Contains(err.Error(), "symbolic link") {
			t.Errorf("Compact with a symlinked %s: %v, want a symbolic link error", CorruptName, err)
		}
		if b, _ := os.ReadFile(target); string(b) != "do not touch\n" {
			t.Errorf("the link's target changed: %q", b)
		}
	})
}

// TestReadOnlyCreatesNothing: a read-only store reads the marks, refuses
// to change them, and creates neither the directory nor the lock file.
func TestReadOnlyCreatesNothing(t *testing.T) {
	base := t.TempDir()
	missing := filepath.Join(base, "none")
	if _, err := OpenWith(missing, Options{ReadOnly: true}); err == nil {
		t.Error("a read-only open of a missing directory succeeded")
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("a read-only open created the directory")
	}
	dir := filepath.Join(base, "state")
	writeLog(t, dir, string(appendLine(nil, event{ts: t0.UnixNano(), op: opRead, id: "art-1"})))
	s, err := OpenWith(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !s.IsRead("art-1") {
		t.Error("the mark in the log was not read")
	}
	if err := s.SetRead([]string{"art-2"}, true); err == nil {
		t.Error("SetRead on a read-only store succeeded")
	}
	if err := s.Compact(); err == nil {
		t.Error("Compact on a read-only store succeeded")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("the state directory holds %d files, want the log alone", len(ents))
	}
}
