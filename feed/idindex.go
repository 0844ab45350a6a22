package feed

import (
	"cmp"
	"slices"
)

// idIndex finds a Library's articles by ID (see Library.ByID). An ID is
// 12 hex digits, kept as its IDKey in sorted runs of (key, article): 16
// bytes an article, where a map keyed by the ID string took 55 MB at a
// million articles, and one keyed by the number 37 (issue 16). Each Add
// brings a run, and a run is merged into the one before it once it is as
// long, so there are at most about log2(articles) runs and each article
// is moved about as many times. An ID indexed twice (one URL saved twice)
// finds the article indexed first: runs are kept oldest first, and
// inside a run equal keys keep the order they were added in. Anything
// that is not an ID (a hand-made article's) is kept as it is, in other.
type idIndex struct {
	runs  [][]idSlot
	other map[string]*Article
}

type idSlot struct {
	key uint64
	a   *Article
}

func compareSlots(s, t idSlot) int { return cmp.Compare(s.key, t.key) }

// get returns the article indexed first under id, or nil.
func (x *idIndex) get(id string) *Article {
	k, ok := IDKey(id)
	if !ok {
		return x.other[id]
	}
	for _, r := range x.runs {
		if i, found := slices.BinarySearchFunc(r, idSlot{key: k}, compareSlots); found {
			return r[i].a
		}
	}
	return nil
}

// add indexes arts, after everything indexed before. A long list is added
// in parts of maxBatch: a stable sort of a million slots is slower than
// the merges.
func (x *idIndex) add(arts []*Article) {
	for len(arts) > maxBatch {
		x.add(arts[:maxBatch])
		arts = arts[maxBatch:]
	}
	run := make([]idSlot, 0, len(arts))
	for _, a := range arts {
		k, ok := IDKey(a.ID)
		if ok {
			run = append(run, idSlot{k, a})
			continue
		}
		if _, had := x.other[a.ID]; !had {
			if x.other == nil {
				x.other = map[string]*Article{}
			}
			x.other[a.ID] = a
		}
	}
	if len(run) == 0 {
		return
	}
	slices.SortStableFunc(run, compareSlots)
	x.runs = append(x.runs, run)
	for n := len(x.runs); n >= 2 && len(x.runs[n-2]) <= len(x.runs[n-1]); n-- {
		x.runs[n-2] = mergeRuns(x.runs[n-2], x.runs[n-1])
		x.runs[n-1] = nil
		x.runs = x.runs[:n-1]
	}
}

// mergeRuns merges two sorted runs, older's slot first where keys are
// equal.
func mergeRuns(older, newer []idSlot) []idSlot {
	out := make([]idSlot, 0, len(older)+len(newer))
	i, j := 0, 0
	for i < len(older) && j < len(newer) {
		if newer[j].key < older[i].key {
			out = append(out, newer[j])
			j++
		} else {
			out = append(out, older[i])
			i++
		}
	}
	out = append(out, older[i:]...)
	return append(out, newer[j:]...)
}
