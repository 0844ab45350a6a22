//go:build !linux

package feed

// keepDirMin: directories are never kept open here (see listDirKeep).
const keepDirMin = 0

// statEntry is the version (size, modification time) of e's file (see
// the Linux version).
func statEntry(e *loadEntry) (fileKey, fileID, error) {
	key, err := statPath(e.path)
	return key, fileID{}, err // no identity here: twins are parsed each
}

// closeDirs has nothing to close here.
func closeDirs([]int) {}
