package feed

import (
	"errors"
	"strings"

	"github.com/herald-reader/herald/feed/internal/frontmatter"
)

// loadWorker reads and parses files one at a time; each loader goroutine owns
// one, so its buffer and arena need no locks.
type loadWorker struct {
	buf    []byte // reused between files: compactSummary copies out what is kept
	key    []byte // scratch for titleHashOf
	ar     textArena
	dec    frontmatter.Decoder
	shared *sharedText
	cache  *cacheRun
	twins  *twins // shared by the loader's workers
}

// newLoadWorker returns a worker with its own store of shared values; the
// loader replaces it with the one all its workers share.
func newLoadWorker(c *cacheRun) *loadWorker {
	return &loadWorker{shared: newSharedText(), cache: c, twins: &twins{}}
}

// load turns entry i of the walk into an article or a problem. A panic in the parser
// (a bug, but one hostile file must never take the whole library down)
// becomes a problem for that file.
func (w *loadWorker) load(i int, e *loadEntry) (r loadResult) {
	defer func() {
		if p := recover(); p != nil {
			w.buf = nil // may be in any state
			r = problemResult(e, 0, "internal error while parsing (please report)")
		}
	}()
	if e.src.fsys != nil {
		data, fi, err := readFS(e.src.fsys, e.rel, w.buf)
		if err != nil {
			return problemResult(e, 0, errReason(err))
		}
		w.keep(data)
		return w.parse(e, data, fileKey{fi.Size(), fi.ModTime().UnixNano()})
	}

	// Stat by name first: a FIFO, a device or a huge file is refused
	// without being opened, and an unchanged file is answered by the cache
	// without being read.
	key, id, err := statEntry(e)
	if err != nil {
		return problemResult(e, 0, statReason(e.path, err))
	}
	if tw, ok := w.twins.get(id, key, e); ok {
		return w.twinResult(tw, e, key)
	}
	if w.cache != nil {
		if r, ok := w.cache.lookup(i, e, key); ok {
			w.adopt(&r, e)
			w.twins.put(id, key, &r, e)
			return r
		}
	}
	if key.size == 0 {
		// Nothing to read, and a "regular" file of size 0 may be a
		// kernel file (/proc/kmsg) whose read blocks or consumes: parse
		// the empty file without opening it.
		r = w.parse(e, nil, key)
		r.key, r.store = key, true
		return r
	}
	data, fi, stable, err := readOS(e.path, w.buf)
	if err != nil {
		return problemResult(e, 0, statReason(e.path, err))
	}
	w.keep(data)
	key = fileKey{fi.Size(), fi.ModTime().UnixNano()}
	r = w.parse(e, data, key)
	r.key = key
	r.store = stable
	if stable {
		w.twins.put(id, key, &r, e)
	}
	return r
}

// adopt takes in a result answered by the cache: the article's text was
// copied out of the snapshot file when it was read (decodeRecords); a
// problem's reason is copied out of the snapshot's own chunks, which a
// reason kept for the session must not hold. A tallied result has
// nothing to take in.
func (w *loadWorker) adopt(r *loadResult, e *loadEntry) {
	switch {
	case r.prob != nil:
		r.prob.Reason = strings.Clone(r.prob.Reason)
	case r.a != nil:
		w.place(r.a, e, r.key)
	}
}

// keep holds on to a read buffer for the next file.
func (w *loadWorker) keep(data []byte) {
	if cap(data) > cap(w.buf) {
		w.buf = data[:0]
	}
}

func (w *loadWorker) parse(e *loadEntry, data []byte, key fileKey) loadResult {
	// ParseSummary, skipping the detail fields, with text left in data
	// until compactSummary copies it out.
	a, err := parse(e.path, data, parseOptions{dec: &w.dec, borrow: true})
	if err != nil {
		var pe *ParseError
		if errors.As(err, &pe) {
			return problemResult(e, pe.Line, shortReason(pe.Reason))
		}
		return problemResult(e, 0, shortReason(err.Error()))
	}
	a.Summarize() // ParseSummary's promise, made certain: compactSummary relies on it
	if !isArticle(a) {
		return loadResult{prob: &Problem{Path: e.path, Reason: notArticleReason, notArticle: true}}
	}
	if a.ID == "" {
		a.ID = PathID(e.rel)
	}
	compactSummary(a, &w.ar, w.shared)
	a.titleHash, w.key = titleHashOf(a.Title, w.key)
	w.place(a, e, key)
	return loadResult{a: a, id: a.ID}
}

// place records where an article came from.
func (w *loadWorker) place(a *Article, e *loadEntry, key fileKey) {
	a.SetPath(e.path, e.rel)
	a.mtime = key.mtime
	a.src, a.day = e.src, e.day
}

// problemResult reports e as skipped. The reason is copied: a parser's
// reason may point into the read buffer, which is reused.
func problemResult(e *loadEntry, line int, why string) loadResult {
	return loadResult{prob: &Problem{Path: e.path, Line: line, Reason: strings.Clone(why)}}
}
