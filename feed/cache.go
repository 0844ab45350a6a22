package feed

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/herald-reader/herald/internal/textsafe"
)

// Cache keeps a snapshot of each library (per set of root directories)
// in a file under its directory: the summary of every file loaded, keyed
// by path, size and modification time. Reopening an unchanged library
// then reads the snapshot instead of parsing every file.
//
// The snapshot is a hint, never trusted blindly: a file that is truncated,
// corrupt (checksum), of another format version or of another library is
// ignored and rebuilt. It is rewritten (atomically) only when something
// changed. A file rewritten within the file system's timestamp resolution
// to exactly the same size is not noticed; news archives are written once.
//
// Only directories on disk are cached; an FS source is always parsed.
type Cache struct {
	dir string
	// maxBytes caps a snapshot written; 0 means maxCacheFileBytes, the
	// most readSnapshot reads back (tests lower it).
	maxBytes int64
}

// OpenCache returns the cache kept in dir (typically
// $XDG_CACHE_HOME/herald). Nothing touches the disk until a load; dir is
// created when the first snapshot is written.
func OpenCache(dir string) *Cache { return &Cache{dir: dir} }

// cacheRun is the cache's part in one Stream: the previous snapshot (read
// in the background while the directories are walked) and what is needed
// to write the next one.
type cacheRun struct {
	file   string          // this library's snapshot file
	head   string          // its head file (see head.go)
	roots  []string        // absolute roots, sorted: the library's identity
	rootOf map[*Source]int // source -> index in roots
	srcOf  []*Source       // index in roots -> the first source walked there

	loaded chan struct{} // closed once old is set
	// old is the previous snapshot; nil when absent or unusable, and once
	// every file was looked up (see settle).
	old    atomic.Pointer[snapshot]
	oldErr error // why old is nil (for tests)
	// part is how much of the previous snapshot is read: its index alone
	// for a count (see Count), whose hits are then tallied results.
	part snapshotPart

	mapOnce sync.Once // builds old's lookup map on the first out-of-place hit

	// headUsed lists the head file's entries, when one was read, so that
	// finish rewrites it only when the first batch changed.
	headUsed []cacheEntry

	// changed is settle's answer: the next snapshot must be written. A
	// load cancelled before its workers stopped does not settle, and
	// writes nothing.
	changed bool

	// eager is how many entries (the first batch) are parsed rather than
	// wait for the previous snapshot while it is still being read: reading
	// the snapshot of 100,000 articles takes longer than parsing a hundred
	// files, and the first batch is what the user waits for.
	eager int

	logf func(format string, args ...any) // never nil

	maxBytes int64 // see Cache.maxBytes; never 0
}

// start begins a cache run for the directory sources of a load (a count
// when tally); readOld then reads the previous snapshot. It returns nil
// (no caching) when the roots cannot be made absolute. logf (may be nil)
// is Options.Logf.
func (c *Cache) start(dirs []*Source, logf func(string, ...any), tally bool) *cacheRun {
	if logf == nil {
		logf = func(string, ...any) {}
	}
	r := &cacheRun{rootOf: map[*Source]int{}, loaded: make(chan struct{}), logf: logf, maxBytes: maxCacheFileBytes}
	if tally {
		r.part = snapshotIndex
	}
	if c.maxBytes > 0 {
		r.maxBytes = min(c.maxBytes, maxCacheFileBytes)
	}
	absOf := map[*Source]string{}
	for _, s := range dirs {
		abs, err := filepath.Abs(s.root)
		if err != nil {
			return nil
		}
		absOf[s] = abs
		if !slices.Contains(r.roots, abs) {
			r.roots = append(r.roots, abs)
		}
	}
	slices.Sort(r.roots)
	for s, abs := range absOf {
		r.rootOf[s], _ = slices.BinarySearch(r.roots, abs)
	}
	r.srcOf = make([]*Source, len(r.roots))
	for _, s := range dirs { // in order: the walk skips a root given twice
		if i := r.rootOf[s]; r.srcOf[i] == nil {
			r.srcOf[i] = s
		}
	}
	sum := sha256.Sum256([]byte(strings.Join(r.roots, "\x00")))
	base := filepath.Join(c.dir, "index-"+hex.EncodeToString(sum[:8]))
	r.file, r.head = base+".bin", base+".head"
	return r
}

// readOld reads the previous snapshot in the background (lookup waits for
// it), so that it overlaps the walk.
func (r *cacheRun) readOld() {
	go func() {
		defer close(r.loaded)
		x, err := readSnapshot(r.file, snapshotMagic, r.roots, r.part)
		r.old.Store(x)
		r.oldErr = err
	}()
}

// lookup answers entry number i of the sorted walk from the previous
// snapshot, when it holds that file at the same size and modification time.
func (r *cacheRun) lookup(i int, e *loadEntry, key fileKey) (loadResult, bool) {
	select {
	case <-r.loaded:
	default:
		if i < r.eager {
			return loadResult{}, false
		}
		<-r.loaded
	}
	old := r.old.Load()
	if old == nil {
		return loadResult{}, false
	}
	root := r.rootOf[e.src]
	// Unless files were added or removed, the snapshot lists the files in the
	// order of the walk (it was written in that order): try entry i first,
	// and only build a map when that fails.
	j := -1
	if i < len(old.entries) && old.entries[i].root == root && old.entries[i].rel == e.rel {
		j = i
	} else {
		r.mapOnce.Do(old.buildMap)
		if k, ok := old.byRel[relKey{root, e.rel}]; ok {
			j = int(k)
		}
	}
	if j < 0 {
		return loadResult{}, false
	}
	ce := &old.entries[j]
	if ce.key != key {
		return loadResult{}, false
	}
	return cachedResult(old, ce, e)
}

// cachedResult is the result entry ce of snapshot x holds for e (see
// loadWorker.adopt). Each entry is looked up once: its article is handed
// out, not copied.
func cachedResult(x *snapshot, ce *cacheEntry, e *loadEntry) (loadResult, bool) {
	res := loadResult{key: ce.key, store: true, hit: true}
	switch {
	case ce.problem:
		// A reason is one line, as shortReason makes it (see decodeArticle).
		res.prob = &Problem{Path: e.path, Line: ce.line, Reason: textsafe.Line(ce.reason), notArticle: ce.notArticle}
		return res, true
	case x.indexOnly:
		res.tallied = true
		return res, true
	case ce.art == nil:
		return loadResult{}, false // a bad record: parse the file instead
	}
	res.a, res.id = ce.art, ce.art.ID
	return res, true
}

// holds reports whether the previous snapshot has e at this version.
func (r *cacheRun) holds(e *loadEntry, key fileKey) bool {
	old := r.old.Load()
	if old == nil || e.src.fsys != nil {
		return false
	}
	r.mapOnce.Do(old.buildMap)
	k, ok := old.byRel[relKey{r.rootOf[e.src], e.rel}]
	return ok && old.entries[k].key == key
}

// settle decides, once every file was loaded or looked up, whether the
// library changed since the previous snapshot: a file was parsed (new or
// modified) or a file in the previous snapshot is gone. Then it lets go of
// that snapshot, which the batches still being sent no longer need: its
// entries and their paths (14 MB at 100,000 files) would otherwise live
// until the last batch is in, while the reader builds its index and
// stories and the live heap is at its highest.
func (r *cacheRun) settle(entries []loadEntry, results []loadResult) {
	<-r.loaded
	hits, fresh := 0, 0
	for i := range results {
		switch res := &results[i]; {
		case res.hit, i < r.eager && r.holds(&entries[i], res.key):
			hits++ // a first-batch file parsed while the snapshot was read counts too
		case res.store && entries[i].src.fsys == nil:
			fresh++
		}
	}
	oldN := 0
	if old := r.old.Load(); old != nil {
		oldN = len(old.entries)
	}
	r.changed = fresh > 0 || hits != oldN
	r.old.Store(nil)
}

// finish writes the next snapshot when the library changed (see settle,
// which must have run). Writing happens after the last batch was sent; it
// reads only fields that the library never changes (not ID or
// FirstSaveID), and a failure just means the next start is cold (it goes
// to the debug log).
//
// The first headN entries (the first batch) also go to the head file when
// they differ from the head read at the start.
func (r *cacheRun) finish(entries []loadEntry, results []loadResult, headN int) {
	if r.part == snapshotWhole && !r.sameHead(entries[:headN], results[:headN]) { // a count never read the head
		if err := writeSnapshot(r.head, headMagic, r.maxBytes, r.roots, r.rootOf, entries[:headN], results[:headN]); err != nil {
			r.logf("cache: %v", err)
		}
	}
	if !r.changed {
		return
	}
	if r.part == snapshotIndex && !r.fillTallied(entries, results) {
		r.logf("cache: the snapshot changed while it was counted from; not written")
		return
	}
	if err := writeSnapshot(r.file, snapshotMagic, r.maxBytes, r.roots, r.rootOf, entries, results); err != nil {
		r.logf("cache: %v", err)
	}
}

// fillTallied gives the tallied results of a count their articles, from
// the previous snapshot read again whole, so that the next snapshot can be
// written from them. Only a count of a library that changed pays for it.
// It reports false when that snapshot no longer holds them (another load
// replaced it meanwhile).
func (r *cacheRun) fillTallied(entries []loadEntry, results []loadResult) bool {
	if !slices.ContainsFunc(results, func(res loadResult) bool { return res.tallied && res.store }) {
		return true // a cold count: nothing was tallied
	}
	x, err := readSnapshot(r.file, snapshotMagic, r.roots, snapshotWhole)
	if err != nil {
		return false
	}
	x.buildMap()
	for i := range results {
		res := &results[i]
		if !res.tallied || !res.store {
			continue // a twin's (see twinResult): not written
		}
		k, ok := x.byRel[relKey{r.rootOf[entries[i].src], entries[i].rel}]
		if !ok || x.entries[k].key != res.key || x.entries[k].art == nil {
			return false
		}
		res.a, res.id = x.entries[k].art, x.entries[k].art.ID
	}
	return true
}
