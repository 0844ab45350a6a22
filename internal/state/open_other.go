//go:build !unix

package state

import (
	"fmt"
	"os"
)

// openFile opens one of the state directory's files. Without O_NOFOLLOW
// a symbolic link in its place is refused by a check before opening.
func openFile(path string, flag int, perm os.FileMode) (*os.File, error) {
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		return nil, fmt.Errorf("%s is a symbolic link; Herald does not follow links for its state files (remove the link)", path)
	}
	return os.OpenFile(path, flag, perm)
}

// checkDir has no owner or permission bits to check outside Unix.
func checkDir(string) error { return nil }
