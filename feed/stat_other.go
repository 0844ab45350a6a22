//go:build !linux

package feed

// keepDirMin: directories are never kept open here (see listDirKeep).
const keepDirMin = 0

// statEntry is the version (size, modification time) of e's file (see
// the Linux version).
func statEntry(e *loadEntry) (fileKey, fileID, error) {
	return statAt(-1, "", e.path, e.link)
}

// statAt is statEntry for the file at path (see the Linux version).
func statAt(_ int, _, path string, _ bool) (fileKey, fileID, error) {
	key, err := statPath(path)
	return key, fileID{}, err // no identity here: twins are parsed each
}

// closeDirs has nothing to close here.
func closeDirs([]int) {}

// statAtZ is statAt (see the Linux version).
func statAtZ(_ int, _ []byte, path string, _ bool) (fileKey, fileID, error) {
	return statAt(-1, "", path, false)
}
