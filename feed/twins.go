package feed

import "sync"

// fileID identifies a file on disk (device and inode). It is set only for
// a file that may be reached under several names (a symbolic link, or a
// file with hard links); zero otherwise.
type fileID struct{ dev, ino uint64 }

// twins remembers, per file version, the summary a load made of a file
// reached under several names, so that the same file reached again costs
// one more summary sharing the first one's text, not another read, parse
// and copy of its body: an archive can hold 2,000 links to one 1 MiB
// article. Files reached under one name never come here.
type twins struct {
	mu sync.Mutex
	m  map[twinKey]twin
}

type twinKey struct {
	id  fileID
	key fileKey
}

// twin is a private copy of the first summary, made before the loader
// published it (the library later sets its IDs); pathID says its ID came
// from its path, so each twin takes its own. In a count (see Count) the
// first may be a tallied result: the twin only says it is an article.
type twin struct {
	a       Article
	pathID  bool
	tallied bool
}

func (t *twins) get(id fileID, key fileKey) (twin, bool) {
	if id == (fileID{}) {
		return twin{}, false
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	tw, ok := t.m[twinKey{id, key}]
	return tw, ok
}

// put remembers r, just made of entry e, when it is an article.
func (t *twins) put(id fileID, key fileKey, r *loadResult, e *loadEntry) {
	if id == (fileID{}) || r.a == nil && !r.tallied {
		return
	}
	tw := twin{tallied: r.tallied}
	if r.a != nil {
		tw.a, tw.pathID = *r.a, r.a.ID == PathID(e.rel)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.m == nil {
		t.m = map[twinKey]twin{}
	}
	if _, ok := t.m[twinKey{id, key}]; !ok {
		t.m[twinKey{id, key}] = tw
	}
}

// twinResult is e's result from a twin: its own copy of the summary,
// placed at e. It is not cached (store false): the snapshot holds the
// file once, and the next load makes the other names twins again.
func (w *loadWorker) twinResult(tw twin, e *loadEntry, key fileKey) loadResult {
	if tw.tallied {
		return loadResult{tallied: true, key: key}
	}
	a := tw.a
	if tw.pathID {
		a.ID = PathID(e.rel)
	}
	w.place(&a, e, key)
	return loadResult{a: &a, id: a.ID, key: key}
}
