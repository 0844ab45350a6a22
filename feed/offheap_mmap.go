//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package feed

import (
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// offHeap returns n bytes outside the Go heap (an anonymous mapping), the
// function that gives them back to the system, and one that gives back
// the whole pages of buf[lo:hi] early (see dropPages). Nothing may point
// into what was given back. readSnapshot reads the cache file into them:
// 86 MB at 100,000 articles that, in the heap, counted towards the
// collector's next goal (doubled by its headroom) and stayed resident
// after the read until the runtime scavenged them. A mapping that fails
// falls back to the heap, where drop does nothing.
func offHeap(n int) (buf []byte, drop func(lo, hi int), free func()) {
	if n > 0 {
		b, err := syscall.Mmap(-1, 0, n, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
		if err == nil {
			return b, func(lo, hi int) { dropPages(b, lo, hi) }, func() { syscall.Munmap(b) }
		}
	}
	return make([]byte, n), func(int, int) {}, func() {}
}

// dropPages gives the pages that lie wholly inside b[lo:hi] back to the
// system, while the mapping stays: the snapshot's records, decoded, need
// not stay resident next to the summaries made from them (issue 16: the
// whole file and the whole library at once set the warm start's peak).
// The pages read as zeros afterwards (or keep their bytes, where the
// system drops them lazily).
func dropPages(b []byte, lo, hi int) {
	lo, hi = max(lo, 0), min(hi, len(b))
	if lo >= hi {
		return
	}
	page := os.Getpagesize() // b is a mapping: it starts on a page
	start, end := (lo+page-1)/page*page, hi/page*page
	if start < end {
		_ = unix.Madvise(b[start:end], unix.MADV_DONTNEED) // advice: a refusal only costs memory
	}
}

// mapFile maps n bytes of f from off, read-only: the page cache's own
// pages rather than a copy of them (a count's look at the cache's index,
// see countFast: at a million files, reading its 258 MB into fresh memory
// took 1-2 s, mapping and checking it 0.4 s). If the file is truncated
// meanwhile, touching the bytes past its end faults: whoever reads them
// runs under debug.SetPanicOnFault. Where the mapping fails, the bytes
// are read.
func mapFile(f *os.File, off int64, n int) (buf []byte, free func(), err error) {
	page := int64(os.Getpagesize())
	base := off / page * page
	if n > 0 {
		m, err := syscall.Mmap(int(f.Fd()), base, n+int(off-base), syscall.PROT_READ, syscall.MAP_PRIVATE)
		if err == nil {
			return m[off-base:], func() { syscall.Munmap(m) }, nil
		}
	}
	buf, _, free = offHeap(n)
	if _, err := f.ReadAt(buf, off); err != nil {
		free()
		return nil, nil, err
	}
	return buf, free, nil
}
