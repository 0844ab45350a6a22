//go:build linux && (amd64 || arm64)

package feed

import (
	"unsafe"

	"golang.org/x/sys/unix"
)

// fstatatZ is unix.Fstatat for a name that ends with a NUL (see statAtZ),
// made as the raw system call, which needs no copy of the name.
func fstatatZ(dirfd int, name *byte, st *unix.Stat_t) error {
	_, _, e := unix.Syscall6(sysFstatat, uintptr(dirfd), uintptr(unsafe.Pointer(name)), uintptr(unsafe.Pointer(st)), 0, 0, 0)
	if e != 0 {
		return e
	}
	return nil
}
