package feed

import "golang.org/x/sys/unix"

// sysFstatat is fstatat's number here.
const sysFstatat = unix.SYS_FSTATAT
