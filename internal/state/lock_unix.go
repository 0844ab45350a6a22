//go:build linux || darwin || freebsd || openbsd || netbsd || dragonfly

package state

import (
	"errors"
	"os"
	"syscall"
)

// flock takes an advisory lock on the lock file: shared for an append,
// exclusive for a compaction (see Compact). It blocks until granted. A file
// system without flock support (some network mounts) gets no locking rather
// than no state.
func flock(f *os.File, exclusive bool) error {
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	for {
		err := syscall.Flock(int(f.Fd()), how)
		switch {
		case errors.Is(err, syscall.EINTR):
			continue
		case errors.Is(err, syscall.ENOTSUP), errors.Is(err, syscall.ENOLCK), errors.Is(err, syscall.EOPNOTSUPP):
			return nil
		}
		return err
	}
}

func funlock(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
}
