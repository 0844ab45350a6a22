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
