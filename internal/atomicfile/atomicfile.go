// Package atomicfile replaces files so that a crash leaves the old content
// or the new, never half of one: the new content goes to a temporary file
// in the same directory, is synced, and is renamed over the old.
//
// google/renameio does the same, but names its temporary files itself and
// sets their mode from the umask; the index cache sweeps its orphaned
// temporary files by name, and the state log is private (0600).
package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
)

// File is the temporary file of one replacement. Writes go to it (WriteAt
// too, to patch a header written first); Commit puts it in place of the
// target, Discard drops it.
type File struct {
	*os.File
	path      string
	committed bool
}

// Create starts replacing path: it creates the temporary file in path's
// directory, named by pattern as os.CreateTemp names it (the last "*" is
// replaced by a random string) and readable by the user only.
func Create(path, pattern string) (*File, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), pattern)
	if err != nil {
		return nil, err
	}
	return &File{File: tmp, path: path}, nil
}

// Commit syncs and closes the temporary file and renames it over the
// target. The rename survives a crash once SyncDir of the directory
// returns.
func (f *File) Commit() error {
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), f.path); err != nil {
		return err
	}
	f.committed = true
	return nil
}

// Discard closes and removes the temporary file unless Commit succeeded,
// so it can be deferred right after Create.
func (f *File) Discard() {
	if !f.committed {
		f.Close()
		os.Remove(f.Name())
	}
}

// WriteFile replaces path with data, durably: a temporary file named by
// pattern (see Create) with mode perm, synced, renamed over path, and the
// directory synced.
func WriteFile(path, pattern string, data []byte, perm os.FileMode) error {
	f, err := Create(path, pattern)
	if err != nil {
		return err
	}
	defer f.Discard()
	if err := f.Chmod(perm); err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Commit(); err != nil {
		return err
	}
	return SyncDir(filepath.Dir(path))
}

// SyncDir makes a rename in dir durable. Some file systems cannot fsync a
// directory (EINVAL); the rename is then as durable as they make it.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) {
		return err
	}
	return nil
}
