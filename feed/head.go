package feed

// The head file holds the first batch of the last load (the newest
// articles) in the snapshot's layout, next to the snapshot. It exists for
// the first screen: a flat archive of 100,000 files takes 60-130 ms just
// to list here, and its snapshot tens of milliseconds to read, while the head is
// a few hundred records. A warm start answers the first batch from the
// head before walking, each file checked by size and modification time
// like any cache hit; the walk then reconciles (see streamLoader.markSent):
// files the head already answered are not sent twice, and files newer than
// the head (saved since the last run) follow in a batch marked Newer.

// maxHeadEntries bounds what a head may hold: the first batch is at most a
// few hundred files (see planBatches); more is not a head this loader wrote.
const maxHeadEntries = 4 * firstBatch

// readHead reads the head file; nil when it is absent or unusable.
func (r *cacheRun) readHead() *snapshot {
	x, err := readSnapshot(r.head, headMagic, r.roots, snapshotWhole)
	if err != nil || len(x.entries) > maxHeadEntries {
		return nil
	}
	return x
}

// sameHead reports whether the head file read at the start already holds
// exactly this first batch, so that it need not be written again.
func (r *cacheRun) sameHead(entries []loadEntry, results []loadResult) bool {
	n := 0
	for i := range results {
		e, res := &entries[i], &results[i]
		if !cacheable(e, res) {
			continue
		}
		if n == len(r.headUsed) {
			return false
		}
		h := &r.headUsed[n]
		n++
		if h.root != r.rootOf[e.src] || h.rel != e.rel || h.key != res.key {
			return false
		}
	}
	return n == len(r.headUsed)
}
