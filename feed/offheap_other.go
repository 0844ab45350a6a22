//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package feed

// offHeap returns n bytes on the heap where anonymous mappings are not
// used (see offheap_mmap.go); drop does nothing.
func offHeap(n int) (buf []byte, drop func(lo, hi int), free func()) {
	return make([]byte, n), func(int, int) {}, func() {}
}
