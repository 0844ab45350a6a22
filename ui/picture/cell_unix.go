//go:build unix

package picture

import "golang.org/x/sys/unix"

// CellOf asks the terminal on fd for its cell size in pixels (TIOCGWINSZ);
// ok is false when it does not report pixels, as many do not.
func CellOf(fd uintptr) (c Cell, ok bool) {
	ws, err := unix.IoctlGetWinsize(int(fd), unix.TIOCGWINSZ)
	if err != nil || ws.Col == 0 || ws.Row == 0 || ws.Xpixel < ws.Col || ws.Ypixel < ws.Row {
		return Cell{}, false
	}
	return Cell{W: int(ws.Xpixel) / int(ws.Col), H: int(ws.Ypixel) / int(ws.Row)}, true
}
