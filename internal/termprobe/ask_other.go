//go:build !unix

package termprobe

import (
	"errors"
	"os"
	"time"
)

// Ask reports nothing where the terminal cannot be read with a timeout.
func Ask(f *os.File, wait time.Duration) (Reply, error) {
	return Reply{}, errors.New("terminal queries are not supported here")
}
