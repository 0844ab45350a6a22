package feed

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
	"unicode/utf8"

	"github.com/herald-reader/herald/internal/textsafe"
)

// errTooLarge is a file over MaxFileBytes. The size check happens before
// reading (a sparse 100 GB file is rejected by its size) and again while
// reading (a file that grows, or one whose size lies, like /proc files).
var errTooLarge = fmt.Errorf("too large (over %d KiB)", MaxFileBytes>>10)

// notRegularError is a path that is not a regular file: reading a FIFO
// blocks, a device can be endless (/dev/zero), a socket cannot be read.
type notRegularError struct{ mode fs.FileMode }

func (e notRegularError) Error() string {
	kind := "special file"
	switch t := e.mode.Type(); {
	case t&fs.ModeNamedPipe != 0:
		kind = "named pipe"
	case t&fs.ModeSocket != 0:
		kind = "socket"
	case t&fs.ModeCharDevice != 0:
		kind = "character device"
	case t&fs.ModeDevice != 0:
		kind = "block device"
	case t&fs.ModeDir != 0:
		kind = "directory"
	}
	return "not a regular file (" + kind + ")"
}

func checkRegular(fi fs.FileInfo) error { return checkMode(fi.Mode(), fi.Size()) }

func checkMode(mode fs.FileMode, size int64) error {
	if !mode.IsRegular() {
		return notRegularError{mode}
	}
	if size > MaxFileBytes {
		return errTooLarge
	}
	return nil
}

// statPath is statEntry by path.
func statPath(path string) (fileKey, error) {
	_, key, err := statPathInfo(path)
	return key, err
}

// statPathInfo is statPath with the FileInfo.
func statPathInfo(path string) (fs.FileInfo, fileKey, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fileKey{}, err
	}
	if err := checkRegular(fi); err != nil {
		return nil, fileKey{}, err
	}
	return fi, fileKey{fi.Size(), fi.ModTime().UnixNano()}, nil
}

// readOS reads a file on disk safely: opened without blocking (a FIFO
// swapped in after the walk must not hang the load), checked to be a
// regular file on the opened descriptor (not just by name), and never read
// past MaxFileBytes. stable reports that the file did not change while it
// was read, so the result may be cached under fi's size and time.
func readOS(path string, buf []byte) (data []byte, fi fs.FileInfo, stable bool, err error) {
	f, err := openNoBlock(path)
	if err != nil {
		return nil, nil, false, err
	}
	defer f.Close()
	fi, err = f.Stat()
	if err != nil {
		return nil, nil, false, err
	}
	if err := checkRegular(fi); err != nil {
		return nil, nil, false, err
	}
	data, err = readCapped(f, fi.Size(), buf)
	if err != nil {
		return nil, nil, false, err
	}
	after, err := f.Stat()
	stable = err == nil && after.Size() == fi.Size() && after.ModTime().Equal(fi.ModTime())
	return data, fi, stable, nil
}

// readFS reads a file from an fs.FS with the same limits as readOS.
func readFS(fsys fs.FS, rel string, buf []byte) ([]byte, fs.FileInfo, error) {
	f, err := fsys.Open(rel)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	if err := checkRegular(fi); err != nil {
		return nil, nil, err
	}
	data, err := readCapped(f, fi.Size(), buf)
	return data, fi, err
}

// readCapped reads r to the end into buf (reused when large enough), or
// fails with errTooLarge as soon as more than MaxFileBytes arrive. hint
// is the expected size.
func readCapped(r io.Reader, hint int64, buf []byte) ([]byte, error) {
	want := int(min(max(hint, 512), MaxFileBytes)) + 1 // +1 to see EOF in one read
	if cap(buf) < want {
		buf = make([]byte, 0, want)
	}
	buf = buf[:0]
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // grow
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if len(buf) > MaxFileBytes {
			return nil, errTooLarge
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// errReason turns a read error into a Problem's short reason.
func errReason(err error) string {
	var nr notRegularError
	var pe *fs.PathError
	switch {
	case errors.As(err, &nr), errors.Is(err, errTooLarge):
		return err.Error()
	case errors.Is(err, syscall.ELOOP):
		return "symlink loop"
	case errors.Is(err, fs.ErrNotExist):
		return "vanished while loading"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	case errors.As(err, &pe):
		return shortReason(pe.Err.Error())
	}
	return shortReason(err.Error())
}

// maxReason caps a reason's length: error texts from libraries can be huge.
const maxReason = 120

func shortReason(s string) string {
	s = textsafe.Line(s)
	if len(s) <= maxReason {
		return s
	}
	cut := maxReason
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// statReason explains a failed stat of path: a dangling symlink and a file
// that disappeared after the walk both say "not exist".
func statReason(path string, err error) string {
	if errors.Is(err, fs.ErrNotExist) {
		if li, lerr := os.Lstat(path); lerr == nil && li.Mode()&fs.ModeSymlink != 0 {
			return "broken symlink"
		}
	}
	return errReason(err)
}
