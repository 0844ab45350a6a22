package feed

import "golang.org/x/sys/unix"

// sysFstatat is fstatat's number here, where it is named newfstatat.
const sysFstatat = unix.SYS_NEWFSTATAT
