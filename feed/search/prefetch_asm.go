//go:build amd64 || arm64

package search

import "unsafe"

// prefetch asks the processor to load the cache lines of p[:n] (n > 0)
// without waiting for them. A load does not fault: p may be any address.
//
//go:noescape
func prefetch(p unsafe.Pointer, n uintptr)
