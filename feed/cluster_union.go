package feed

import (
	"cmp"
	"slices"
)

// unionFind is a disjoint-set forest over article indexes.
type unionFind struct{ parent, size []int32 }

func newUnionFind(n int) *unionFind {
	uf := &unionFind{parent: make([]int32, n), size: make([]int32, n)}
	for i := range uf.parent {
		uf.parent[i] = int32(i)
		uf.size[i] = 1
	}
	return uf
}

func (uf *unionFind) find(i int) int32 {
	p := uf.parent
	x := int32(i)
	for p[x] != x {
		p[x] = p[p[x]]
		x = p[x]
	}
	return x
}

func (uf *unionFind) same(i, k int) bool { return uf.find(i) == uf.find(k) }

func (uf *unionFind) union(i, k int) {
	a, b := uf.find(i), uf.find(k)
	if a == b {
		return
	}
	if uf.size[a] < uf.size[b] {
		a, b = b, a
	}
	uf.parent[b] = a
	uf.size[a] += uf.size[b]
}

// clusters turns the forest into Clusters: in order of each cluster's first
// member in arts, members newest first. All members share one backing
// array, so 100,000 singletons cost one allocation, not 100,000.
func (uf *unionFind) clusters(arts []*Article, days []int64) []Cluster {
	n := len(arts)
	slot := make([]int32, n) // root -> cluster index, -1 when none yet
	for i := range slot {
		slot[i] = -1
	}
	var out []Cluster
	start := make([]int32, 0, n) // cluster index -> offset in members
	for i := range arts {
		r := uf.find(i)
		if slot[r] < 0 {
			slot[r] = int32(len(out))
			out = append(out, Cluster{})
			start = append(start, 0)
		}
	}
	// Offsets by a prefix sum of cluster sizes.
	off := int32(0)
	counts := make([]int32, len(out))
	for i := range arts {
		counts[slot[uf.find(i)]]++
	}
	for c := range out {
		start[c] = off
		off += counts[c]
	}
	members := make([]*Article, n)
	index := make([]int32, n) // members position -> input index, for sorting
	fill := slices.Clone(start)
	for i, a := range arts {
		c := slot[uf.find(i)]
		members[fill[c]] = a
		index[fill[c]] = int32(i)
		fill[c]++
	}
	for c := range out {
		lo, hi := start[c], start[c]+counts[c]
		if hi-lo > 1 {
			sortNewestFirst(members[lo:hi], index[lo:hi], days)
		}
		out[c] = Cluster{Lead: members[lo], Members: members[lo:hi:hi]}
	}
	return out
}

// sortNewestFirst orders one cluster's members (with their input indexes)
// newest first: publication time, else day, undated last; ties by input
// order.
func sortNewestFirst(ms []*Article, idx []int32, days []int64) {
	type m struct {
		a *Article
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
