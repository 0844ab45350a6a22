//go:build !unix

package picture

// CellOf reports no cell size where TIOCGWINSZ does not exist.
func CellOf(fd uintptr) (Cell, bool) { return Cell{}, false }
