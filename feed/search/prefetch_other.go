//go:build !amd64 && !arm64

package search

import "unsafe"

// prefetch is a hint the other platforms go without (see prefetch_asm.go).
func prefetch(p unsafe.Pointer, n uintptr) {}
