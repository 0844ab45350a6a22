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

// listKeep is list; stat by path is all there is here (dirfd -1).
func (l *dirLister) listKeep(dir string, _ bool) ([]dirEnt, int, error) {
	ents, err := l.list(dir)
	return ents, -1, err
}
