package story

import (
	"cmp"
	"slices"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/feed/internal/unionfind"
)

// stories turns the forest into Stories: in order of each story's first
// member in arts, members newest first. All members share one backing
// array, so 100,000 singletons cost one allocation, not 100,000.
func stories(uf *unionfind.Forest, arts []*feed.Article, days []int64) []Story {
	n := len(arts)
	slot := make([]int32, n) // root -> story index, -1 when none yet
	for i := range slot {
		slot[i] = -1
	}
	var out []Story
	start := make([]int32, 0, n) // story index -> offset in members
	for i := range arts {
		r := uf.Find(i)
		if slot[r] < 0 {
			slot[r] = int32(len(out))
			out = append(out, Story{})
			start = append(start, 0)
		}
	}
	// Offsets by a prefix sum of story sizes.
	off := int32(0)
	counts := make([]int32, len(out))
	for i := range arts {
		counts[slot[uf.Find(i)]]++
	}
	for c := range out {
		start[c] = off
		off += counts[c]
	}
	members := make([]*feed.Article, n)
	index := make([]int32, n) // members position -> input index, for sorting
	fill := slices.Clone(start)
	for i, a := range arts {
		c := slot[uf.Find(i)]
		members[fill[c]] = a
		index[fill[c]] = int32(i)
		fill[c]++
	}
	for c := range out {
		lo, hi := start[c], start[c]+counts[c]
		if hi-lo > 1 {
			sortNewestFirst(members[lo:hi], index[lo:hi], days)
		}
		out[c] = Story{Lead: members[lo], Members: members[lo:hi:hi]}
	}
	return out
}

// sortNewestFirst orders one story's members (with their input indexes)
// newest first: publication time, else day, undated last; ties by input
// order.
func sortNewestFirst(ms []*feed.Article, idx []int32, days []int64) {
	type m struct {
		a *feed.Article
		i int32
	}
	tmp := make([]m, len(ms))
	for k := range ms {
		tmp[k] = m{ms[k], idx[k]}
	}
	slices.SortFunc(tmp, func(x, y m) int {
		dx, dy := days[x.i], days[y.i]
		if c := cmp.Compare(dy, dx); c != 0 {
			return c
		}
		if c := y.a.Published.Compare(x.a.Published); c != 0 {
			return c
		}
		return cmp.Compare(x.i, y.i)
	})
	for k := range tmp {
		ms[k], idx[k] = tmp[k].a, tmp[k].i
	}
}
