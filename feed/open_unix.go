//go:build unix

package feed

import (
	"os"
	"syscall"
)

// openNoBlock opens a file for reading without blocking: opening a FIFO
// for reading otherwise waits for a writer forever. On a regular file
// O_NONBLOCK changes nothing.
func openNoBlock(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
