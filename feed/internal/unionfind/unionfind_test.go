package unionfind

import "testing"

func TestUnionKeepsRootsByPolicy(t *testing.T) {
	f := New(5, Highest)
	f.Union(0, 1)
	f.Union(3, 0)
	if r := f.Find(1); r != 3 {
		t.Errorf("Highest: root of {0,1,3} = %d, want 3", r)
	}
	if f.Same(1, 2) || !f.Same(0, 3) {
		t.Error("Same disagrees with the unions")
	}

	g := New(5, BySize)
	g.Union(0, 1)
	g.Union(0, 2)
	g.Union(4, 0) // the singleton joins the larger set's root
	if r := g.Find(4); r != g.Find(0) || r == 4 {
		t.Errorf("BySize: root %d, want the root of {0,1,2}", r)
	}
}
