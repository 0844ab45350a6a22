//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package feed

import "os"

// offHeap returns n bytes on the heap where anonymous mappings are not
// used (see offheap_mmap.go); drop does nothing.
func offHeap(n int) (buf []byte, drop func(lo, hi int), free func()) {
	return make([]byte, n), func(int, int) {}, func() {}
}

// mapFile reads n bytes of f from off (see offheap_mmap.go).
func mapFile(f *os.File, off int64, n int) (buf []byte, free func(), err error) {
	buf = make([]byte, n)
	if _, err := f.ReadAt(buf, off); err != nil {
		return nil, nil, err
	}
	return buf, func() {}, nil
}
