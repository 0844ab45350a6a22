//go:build !unix

package feed

import "os"

// openNoBlock opens a file for reading. Outside Unix there are no FIFOs in
// the file system to block on.
func openNoBlock(name string) (*os.File, error) {
	return os.Open(name)
}
