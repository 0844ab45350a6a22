package feed

import "context"

// Tally is what Count found.
type Tally struct {
	Articles int       // as many as Load's library lists
	Skipped  []Problem // Load's Skipped, in the same order
}

// Count counts the articles of srcs as Load would list them, and lists
// the files it would skip, without keeping the articles: on a warm start
// an unchanged file is counted from the cache's index (it was an article
// at this size and modification time) without its record being read or
// decoded. At a million files that is a tenth of the cache file and none
// of the summaries (see snapshotIndex); an unchanged library is counted
// without the loader (see countFast). A changed library is counted by
// parsing what changed, as Load does, and the cache written again. It
// returns an error when a source directory cannot be read.
func Count(ctx context.Context, srcs []Source, opt Options) (Tally, error) {
	if t, ok := countFast(ctx, srcs, opt); ok {
		return t, nil
	}
	var t Tally
	err := scan(ctx, startLoader(newStreamLoader(ctx, srcs, opt, true), opt), func(b Batch) {
		t.Articles += len(b.Articles) + b.tallied
		t.Skipped = append(t.Skipped, b.Skipped...)
	})
	return t, err
}
