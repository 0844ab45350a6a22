//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package feed

import "syscall"

// offHeap returns n bytes outside the Go heap (an anonymous mapping) and
// the function that gives them back to the system; nothing may point into
// them after that. readSnapshot reads the cache file into them: 86 MB at
// 100,000 articles that, in the heap, counted towards the collector's next
// goal (doubled by its headroom) and stayed resident after the read until
// the runtime scavenged them. A mapping that fails falls back to the heap.
func offHeap(n int) (buf []byte, free func()) {
	if n > 0 {
		b, err := syscall.Mmap(-1, 0, n, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
		if err == nil {
			return b, func() { syscall.Munmap(b) }
		}
	}
	return make([]byte, n), func() {}
}
