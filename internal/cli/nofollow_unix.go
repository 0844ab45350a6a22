//go:build unix

package cli

import "syscall"

// noFollow keeps an open from following a symbolic link in the file's
// place (see openDebug).
const noFollow = syscall.O_NOFOLLOW
