//go:build linux && !amd64 && !arm64

package feed

import "golang.org/x/sys/unix"

// fstatatZ is unix.Fstatat for a name that ends with a NUL (see statAtZ);
// here it is unix.Fstatat, which copies the name.
func fstatatZ(dirfd int, name *byte, st *unix.Stat_t) error {
	return unix.Fstatat(dirfd, unix.BytePtrToString(name), st, 0)
}
