//go:build unix

package termprobe

import (
	"errors"
	"os"
	"time"

	"golang.org/x/sys/unix"
	"golang.org/x/term"
)

// Ask writes Query to the terminal f and reads its answer in raw mode
// until the DA1 reply or until wait has passed, whichever comes first: a
// terminal that answers nothing costs wait, never more. Bytes that are no
// reply (keys typed in those milliseconds) are dropped.
func Ask(f *os.File, wait time.Duration) (Reply, error) {
	fd := int(f.Fd())
	old, err := term.MakeRaw(fd)
	if err != nil {
		return Reply{}, err
	}
	defer term.Restore(fd, old)
	if _, err := f.WriteString(Query); err != nil {
		return Reply{}, err
	}
	deadline := time.Now().Add(wait)
	var got []byte
	buf := make([]byte, 256)
	for {
		left := time.Until(deadline)
		if left <= 0 {
			return Parse(got), nil
		}
		fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
		n, err := unix.Poll(fds, int(left.Milliseconds())+1)
		if errors.Is(err, unix.EINTR) {
			continue
		}
		if err != nil {
			return Parse(got), err
		}
		if n == 0 {
			continue // the deadline check above ends the loop
		}
		// Poll said there is input: this read does not block.
		k, err := unix.Read(fd, buf)
		if err != nil && !errors.Is(err, unix.EAGAIN) && !errors.Is(err, unix.EINTR) {
			return Parse(got), err
		}
		if k == 0 && err == nil {
			return Parse(got), nil // hung up: no answer is coming
		}
		if k > 0 {
			got = append(got, buf[:k]...)
			if r := Parse(got); r.Done {
				return r, nil
			}
		}
	}
}
