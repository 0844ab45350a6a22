//go:build unix

package state

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// openFile opens one of the state directory's files without following a
// symbolic link in its place: a link planted there (the directory may be
// synced, shared or restored from elsewhere) must not make Herald append
// to, lock or create some other file.
func openFile(path string, flag int, perm os.FileMode) (*os.File, error) {
	f, err := os.OpenFile(path, flag|syscall.O_NOFOLLOW, perm)
	if errors.Is(err, syscall.ELOOP) {
		return nil, fmt.Errorf("%s is a symbolic link; Herald does not follow links for its state files (remove the link)", path)
	}
	return f, err
}

// checkDir refuses a state directory another user could plant files in:
// one owned by someone else, or writable by every user without the
// sticky bit. O_NOFOLLOW keeps links out of the files Herald opens; this
// keeps a stranger from preparing the directory at all. A directory that
// does not exist yet is Herald's to create.
func checkDir(dir string) error {
	fi, err := os.Stat(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok && int(st.Uid) != os.Geteuid() {
		return fmt.Errorf("state directory %s belongs to user %d, not to you (user %d); Herald keeps its state only in a directory of its own user", dir, st.Uid, os.Geteuid())
	}
	if fi.Mode()&0o002 != 0 && fi.Mode()&os.ModeSticky == 0 {
		return fmt.Errorf("state directory %s is writable by every user; make it private (chmod 700 %s)", dir, dir)
	}
	return nil
}
