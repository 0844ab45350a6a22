//go:build !linux

package feed

import "os"

// dirLister lists directories; here it is os.File.ReadDir, which holds no
// buffer between directories anyway.
type dirLister struct{}

// list lists a directory, unsorted (the loader orders files by date
// itself, and sorting 100,000 names is not free).
func (*dirLister) list(dir string) ([]dirEnt, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ents, err := f.ReadDir(-1)
	out := make([]dirEnt, len(ents))
	for i, e := range ents {
		out[i] = dirEnt{name: e.Name(), dir: e.IsDir(), link: e.Type()&os.ModeSymlink != 0}
	}
	return out, err
}

// listEach lists dir and hands the whole listing to each at once; it
// keeps no directory open (-1: statEntry stats by path here).
func (l *dirLister) listEach(dir string, each func(dirfd int, ents []dirEnt) (more bool)) (int, error) {
	ents, err := l.list(dir)
	if len(ents) > 0 {
		each(-1, ents)
	}
	return -1, err
}
