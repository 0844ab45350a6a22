//go:build unix

package browser

import "syscall"

// detached puts the browser in a new session (and so a new process group)
// without a controlling terminal: Ctrl+C and SIGWINCH sent to Herald's
// terminal do not reach it, and it cannot open /dev/tty to draw on it.
func detached() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setsid: true}
}
