//go:build !linux

package feed

// keepDirMin: directories are never kept open here (see listDirKeep).
const keepDirMin = 0

// statEntry is the version (size, modification time) of e's file (see
// the Linux version).
func statEntry(e *loadEntry) (fileKey, error) { return statPath(e.path) }

// closeDirs has nothing to close here.
func closeDirs([]int) {}
