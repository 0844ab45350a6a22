//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package feed

// offHeap returns n bytes on the heap where anonymous mappings are not
// used (see offheap_mmap.go).
func offHeap(n int) (buf []byte, free func()) { return make([]byte, n), func() {} }
