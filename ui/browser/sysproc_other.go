//go:build !unix

package browser

import "syscall"

// detached has nothing to add where there are no Unix sessions.
func detached() *syscall.SysProcAttr { return nil }
