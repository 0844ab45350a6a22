package feed

import (
	"strings"
	"sync"
	"time"
)

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
	// name is "" for a file version's first summary; for one that took
	// something from its file name, the twins under other names are kept
	// per what those names give (see nameFacts).
	name string
}

// twin is a private copy of the first summary, made before the loader
// published it (the library later sets its IDs); pathID says its ID came
// from its path, so each twin takes its own. In a count (see Count) the
// first may be a tallied result: the twin only says it is an article.
type twin struct {
	a       Article
	pathID  bool
	tallied bool
	// dateByName, titleByName: the summary's date or title came from its
	// file name (the front matter has none), so it fits only the names
	// that give the same (a hard link named 2024-05-05-x.md is dated, one
	// named notes.md is not: without a date or a link it is no article).
	dateByName, titleByName bool
}

func (t *twins) get(id fileID, key fileKey, e *loadEntry) (twin, bool) {
	if id == (fileID{}) {
		return twin{}, false
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	tw, ok := t.m[twinKey{id: id, key: key}]
	if ok && (tw.dateByName || tw.titleByName) {
		tw, ok = t.m[twinKey{id, key, nameFacts(e.path, tw)}]
	}
	return tw, ok
}

// put remembers r, just made of entry e, when it is an article.
func (t *twins) put(id fileID, key fileKey, r *loadResult, e *loadEntry) {
	if id == (fileID{}) || r.a == nil && !r.tallied {
		return
	}
	tw := twin{tallied: r.tallied, dateByName: true} // a tallied article may owe its date to its name
	if r.a != nil {
		tw.a, tw.pathID = *r.a, r.a.ID == PathID(e.rel)
		tw.dateByName, tw.titleByName = tookFromName(r.a, e.path)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.m == nil {
		t.m = map[twinKey]twin{}
	}
	first, ok := t.m[twinKey{id: id, key: key}]
	if !ok {
		t.m[twinKey{id: id, key: key}] = tw
		first = tw
	}
	if first.dateByName || first.titleByName {
		k := twinKey{id, key, nameFacts(e.path, first)}
		if _, ok := t.m[k]; !ok {
			t.m[k] = tw
		}
	}
}

// tookFromName reports whether a's date and title are what its file name
// gives (see DateFromName, titleFromName): whether another name could
// give another summary. A front matter value equal to the name's counts
// too; that costs a parse, never a wrong answer.
func tookFromName(a *Article, path string) (date, title bool) {
	d, ok := DateFromName(path)
	date = a.Published.IsZero() || ok && a.Published.Equal(d)
	return date, a.Title == titleFromName(path)
}

// nameFacts is what the file name at path gives of what first took from
// its own name: names with equal facts make equal summaries.
func nameFacts(path string, first twin) string {
	var b strings.Builder
	b.WriteByte('n') // never "", the first summary's key
	if first.dateByName {
		if d, ok := DateFromName(path); ok {
			b.WriteString(d.Format(time.DateOnly))
		}
	}
	b.WriteByte('|')
	if first.titleByName {
		b.WriteString(titleFromName(path))
	}
	return b.String()
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

// countTwin is a version of a file reached under several names, and the
// date its name gives (noDay: none).
type countTwin struct {
	id  fileID
	key fileKey
	day int32
}

// twinArticles is how many twins are articles: a name the index does not
// hold of a file it holds as an article under another name that gives
// the same date (the summary may owe its date to its name; a title from
// the name does not make an article). It reports false when one is not
// such a name: the count cannot tell without parsing it.
func twinArticles(totals []countTotals) (int, bool) {
	named := map[countTwin]bool{}
	for _, t := range totals {
		for _, n := range t.named {
			named[n] = true
		}
	}
	n := 0
	for _, t := range totals {
		for _, tw := range t.twins {
			if !named[tw] {
				return 0, false
			}
			n++
		}
	}
	return n, true
}
