package feed

import (
	"encoding/binary"
	"path/filepath"
	"slices"
	"strings"
)

// knownFiles is what the watcher knows of the article files under its
// roots, by absolute path. The files found at the start (100,000 in a
// large archive, all presumed loaded) are held as one sorted run of names
// per directory, not as a map of paths: a path string and a map slot each
// cost about three times the name's bytes, and the library holds the
// same paths already (issue 16). The files the watcher has looked at since
// are in a small map that overrides the runs.
type knownFiles struct {
	dirs  map[string]*knownDir // directory (absolute) -> files found there at the start
	later map[string]fileState // files looked at since; root nil: no longer known
}

// knownDir is one directory's files found at the start: their names,
// sorted and front-coded (a name is the length of the start it shares
// with the name before, then the length of the rest and the rest, as
// uvarints and bytes): the names of an archive's files share their date
// ("2024-01-31-"), which is most of the saving (issue 16: 1.6 MB at
// 100,000 files). Every restartEvery-th name shares nothing, so that a
// look-up decodes at most that many.
type knownDir struct {
	root     *watchRoot
	names    string
	restarts []uint32 // where each restart name starts in names
}

const restartEvery = 16

// nextName decodes the name at off in d.names, given the name before it
// in prev (whose bytes it reuses), and returns it and where the next
// one starts.
func (d *knownDir) nextName(prev []byte, off int) ([]byte, int) {
	shared, k := uvarintOf(d.names[off:])
	off += k
	n, k := uvarintOf(d.names[off:])
	off += k
	name := append(prev[:min(int(shared), len(prev))], d.names[off:off+int(n)]...)
	return name, off + int(n)
}

// all yields the names in order; the bytes are reused for the next.
func (d *knownDir) all(yield func(name []byte) bool) {
	var name []byte
	for off := 0; off < len(d.names); {
		if name, off = d.nextName(name, off); !yield(name) {
			return
		}
	}
}

func newKnownFiles() knownFiles {
	return knownFiles{dirs: map[string]*knownDir{}, later: map[string]fileState{}}
}

// addListing notes the article files named in names (sorted here), found
// in dir at the start, as known and loaded.
func (k *knownFiles) addListing(r *watchRoot, dir string, names []string) {
	if len(names) == 0 {
		return
	}
	if _, ok := k.dirs[dir]; ok { // listed twice: the run stays as it is
		for _, name := range names {
			k.set(joinPath(dir, name), fileState{root: r, article: true})
		}
		return
	}
	slices.Sort(names)
	d := &knownDir{root: r, restarts: make([]uint32, 0, (len(names)+restartEvery-1)/restartEvery)}
	var b []byte
	prev := ""
	for i, name := range names {
		shared := 0
		if i%restartEvery == 0 {
			d.restarts = append(d.restarts, uint32(len(b)))
		} else {
			for shared < min(len(name), len(prev)) && name[shared] == prev[shared] {
				shared++
			}
		}
		b = binary.AppendUvarint(b, uint64(shared))
		b = binary.AppendUvarint(b, uint64(len(name)-shared))
		b = append(b, name[shared:]...)
		prev = name
	}
	d.names = string(b)
	k.dirs[dir] = d
}

// get returns what is known of the file abs; false when it is not known.
func (k *knownFiles) get(abs string) (fileState, bool) {
	if st, ok := k.later[abs]; ok {
		return st, st.root != nil
	}
	d, name := k.dirOf(abs)
	if d == nil || !d.has(name) {
		return fileState{}, false
	}
	return fileState{root: d.root, article: true}, true
}

func (k *knownFiles) set(abs string, st fileState) { k.later[abs] = st }

// forget makes abs unknown.
func (k *knownFiles) forget(abs string) {
	if d, name := k.dirOf(abs); d != nil && d.has(name) {
		k.later[abs] = fileState{}
		return
	}
	delete(k.later, abs)
}

// each calls fn for every known file in the directory under and below it,
// or everywhere when under is "".
func (k *knownFiles) each(under string, fn func(abs string, st fileState)) {
	prefix := under + string(filepath.Separator)
	inside := func(p string) bool { return under == "" || p == under || strings.HasPrefix(p, prefix) }
	for dir, d := range k.dirs {
		if !inside(dir) {
			continue
		}
		for name := range d.all {
			abs := joinPath(dir, string(name))
			if _, over := k.later[abs]; !over {
				fn(abs, fileState{root: d.root, article: true})
			}
		}
	}
	for abs, st := range k.later {
		if st.root != nil && inside(abs) {
			fn(abs, st)
		}
	}
}

// dirOf finds the run of abs's directory, and abs's name in it.
func (k *knownFiles) dirOf(abs string) (*knownDir, string) {
	i := strings.LastIndexByte(abs, filepath.Separator)
	if i < 0 {
		return nil, ""
	}
	name := abs[i+1:]
	if d, ok := k.dirs[abs[:i]]; ok {
		return d, name
	}
	return k.dirs[abs[:i+1]], name // the file system root keeps its separator
}

// has reports whether name is in the run: a binary search of the
// restart names, then a scan of the names after the last one not above
// name.
func (d *knownDir) has(name string) bool {
	var buf [256]byte
	i, _ := slices.BinarySearchFunc(d.restarts, name, func(off uint32, name string) int {
		restart, _ := d.nextName(buf[:0], int(off))
		return strings.Compare(string(restart), name)
	})
	switch {
	case i < len(d.restarts):
		if restart, _ := d.nextName(buf[:0], int(d.restarts[i])); string(restart) == name {
			return true
		}
		if i == 0 {
			return false // below the first name
		}
	case i == 0:
		return false // no names
	}
	prev, off := d.nextName(buf[:0], int(d.restarts[i-1]))
	for range restartEvery - 1 {
		if off == len(d.names) {
			return false
		}
		if prev, off = d.nextName(prev, off); string(prev) >= name {
			return string(prev) == name
		}
	}
	return false
}

// joinPath is the path of name in dir as the watcher builds it (and as
// fsnotify names events): not filepath.Join, which would clean it.
func joinPath(dir, name string) string {
	if strings.HasSuffix(dir, string(filepath.Separator)) { // the file system root
		return dir + name
	}
	return dir + string(filepath.Separator) + name
}
