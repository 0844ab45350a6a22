package feed

import "path"

// The loader's side of the head file (see head.go): the first batch
// answered before the walk, and the walk told which files it already sent.

// headEntry is a file answered from the head, and what it was answered with.
type headEntry struct {
	e   loadEntry
	res loadResult
}

// headBatch answers the first batch from the head file, before the walk.
// A file that changed or vanished since is left to the walk. It reports
// false when there is no usable head or none of its files is unchanged.
func (l *streamLoader) headBatch() (Batch, bool) {
	if l.cache == nil || l.hasFS {
		return Batch{}, false // an FS source is never cached: its files could be newest
	}
	x := l.cache.readHead()
	if x == nil {
		return Batch{}, false
	}
	l.cache.headUsed = x.entries
	w := newLoadWorker(nil)
	w.shared = l.shared
	for i := range x.entries {
		ce := &x.entries[i]
		src := l.cache.srcOf[ce.root]
		e := src.entry(src.display(ce.rel), ce.rel, path.Base(ce.rel))
		if key, err := statPath(e.path); err != nil || key != ce.key {
			continue
		}
		res, ok := cachedResult(x, ce, &e)
		if !ok {
			continue
		}
		w.adopt(&res, &e)
		l.head = append(l.head, headEntry{e: e, res: res})
	}
	if len(l.head) == 0 {
		return Batch{}, false
	}
	var b Batch
	for _, h := range l.head {
		if h.res.a != nil {
			b.Articles = append(b.Articles, h.res.a)
		} else {
			b.addProblem(*h.res.prob)
		}
	}
	l.finishBatch(&b)
	l.noteSent(&b)
	return b, true
}

// markSent marks the walk's entries that the head batch answered: their
// results are filled in (the snapshot is written from them) and their spans
// count them as done, so no worker loads them and no batch sends them
// again. Called once the entries and spans are planned.
func (l *streamLoader) markSent() {
	type where struct {
		src *Source
		rel string
	}
	// Usually the head is exactly the start of the first span.
	match := len(l.spans) > 0 && len(l.head) <= l.spans[0].hi
	for k := 0; match && k < len(l.head); k++ {
		match = l.entries[k].src == l.head[k].e.src && l.entries[k].rel == l.head[k].e.rel
	}
	if match {
		for k := range l.head {
			l.prefill(k, l.head[k].res)
		}
		return
	}
	// Files were added or removed since: the head's files are anywhere.
	// Put every day in path order now, rather than while the first batch
	// is parsed, so that positions stay put once results are filled in.
	l.sortRest()
	at := make(map[where]int, len(l.head))
	for k, h := range l.head {
		at[where{h.e.src, h.e.rel}] = k
	}
	for i := range l.entries {
		if k, ok := at[where{l.entries[i].src, l.entries[i].rel}]; ok {
			l.prefill(i, l.head[k].res)
		}
	}
}

// prefill sets entry i's result to one already sent.
func (l *streamLoader) prefill(i int, res loadResult) {
	res.sent = true
	l.results[i] = res
	if s := l.spanOf(i); l.pending[s].Add(-1) == 0 {
		close(l.ready[s])
	}
}
