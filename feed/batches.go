package feed

// How a stream is cut into batches (see Stream).

// Batch sizes: the first batch is what a UI shows at once, so it is small;
// later batches grow to keep the per-batch overhead (a channel send, a UI
// update) negligible. Library.Add and the head file size themselves by
// firstBatch too.
const (
	firstBatch = 100
	maxBatch   = 8192
)

// batchSpan is a planned batch: the loader's entries[lo:hi].
type batchSpan struct{ lo, hi int }

// planBatches cuts the sorted entries into batches growing from firstBatch
// to maxBatch. A batch is stretched (within limits) to the end of its day,
// because the order inside a day depends on publication times that only
// parsing reveals; so batches arrive in library order.
func planBatches(es []loadEntry) []batchSpan {
	var out []batchSpan
	size := firstBatch
	for lo := 0; lo < len(es); {
		hi := min(lo+size, len(es))
		limit := min(hi+min(3*size, maxBatch), len(es))
		for hi < limit && es[hi].day == es[hi-1].day {
			hi++
		}
		out = append(out, batchSpan{lo, hi})
		lo = hi
		size = min(size*4, maxBatch)
	}
	return out
}
