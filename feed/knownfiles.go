package feed

import (
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

// knownDir is one directory's files found at the start.
type knownDir struct {
	root  *watchRoot
	names string   // the names, sorted, one after the other
	ends  []uint32 // where each name ends in names
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
	d := &knownDir{root: r, ends: make([]uint32, len(names))}
	var b strings.Builder
	n := 0
	for _, name := range names {
		n += len(name)
	}
	b.Grow(n)
	for i, name := range names {
		b.WriteString(name)
		d.ends[i] = uint32(b.Len())
	}
	d.names = b.String()
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
		start := uint32(0)
		for _, end := range d.ends {
			abs := joinPath(dir, d.names[start:end])
			start = end
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

// has reports whether name is in the run (a binary search).
func (d *knownDir) has(name string) bool {
	at := func(i int) string {
		start := uint32(0)
		if i > 0 {
			start = d.ends[i-1]
		}
		return d.names[start:d.ends[i]]
	}
	lo, hi := 0, len(d.ends)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if at(mid) < name {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo < len(d.ends) && at(lo) == name
}

// joinPath is the path of name in dir as the watcher builds it (and as
// fsnotify names events): not filepath.Join, which would clean it.
func joinPath(dir, name string) string {
	if strings.HasSuffix(dir, string(filepath.Separator)) { // the file system root
		return dir + name
	}
	return dir + string(filepath.Separator) + name
}
