// Package unionfind is a disjoint-set forest over the indexes 0..n-1, the
// one union-find of feed (re-saves of an article) and feed/story (stories).
package unionfind

// Root says which of two roots a union keeps.
type Root uint8

const (
	// BySize keeps the root of the larger set, so trees stay shallow; the
	// root says nothing about the set.
	BySize Root = iota
	// Highest keeps the higher index, so a set's root is its highest index
	// (feed's Finish names a group after its last member in library
	// order, the oldest).
	Highest
)

// Forest is a disjoint-set forest. The zero value is an empty forest.
type Forest struct {
	parent []int32
	size   []int32 // BySize only
	root   Root
}

// New returns a forest of n singletons whose unions keep roots by policy.
func New(n int, policy Root) *Forest {
	f := &Forest{parent: make([]int32, n), root: policy}
	for i := range f.parent {
		f.parent[i] = int32(i)
	}
	if policy == BySize {
		f.size = make([]int32, n)
		for i := range f.size {
			f.size[i] = 1
		}
	}
	return f
}

// Find returns the root of i's set, halving the path on the way.
func (f *Forest) Find(i int) int {
	p := f.parent
	x := int32(i)
	for p[x] != x {
		p[x] = p[p[x]]
		x = p[x]
	}
	return int(x)
}

// Same reports whether i and k are in one set.
func (f *Forest) Same(i, k int) bool { return f.Find(i) == f.Find(k) }

// Union joins the sets of i and k.
func (f *Forest) Union(i, k int) {
	a, b := f.Find(i), f.Find(k)
	if a == b {
		return
	}
	switch f.root {
	case Highest:
		if a < b {
			a, b = b, a
		}
	default:
		if f.size[a] < f.size[b] {
			a, b = b, a
		}
		f.size[a] += f.size[b]
	}
	f.parent[b] = int32(a)
}
