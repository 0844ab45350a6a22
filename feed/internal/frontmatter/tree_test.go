package frontmatter

import (
	"reflect"
	"testing"
)

// The accessors show a tree as the extractor reads it: kinds, keys, values
// and file lines, children in order, a duplicate key's earlier entry gone.
func TestTreeAccessors(t *testing.T) {
	for _, fast := range []bool{true, false} {
		data := []byte("---\ntitle: \"T\"\nlist:\n  - a\n  - ~\nmap:\n  k: v\nbin: !!binary aGk=\n---\nbody\n")
		if !fast {
			data = []byte("---\ntitle: x\ntitle: \"T\"\nlist: [a, ~]\nmap: {k: v}\nbin: !!binary aGk=\n---\nbody\n")
		}
		tree, body, err := Decode(data, fast)
		if err != nil || string(body) != "body\n" {
			t.Fatalf("Decode: %v, body %q", err, body)
		}
		var got []string
		var walk func(n Node)
		walk = func(n Node) {
			got = append(got, n.Key()+"="+n.Value()+"/"+kindName[n.Kind()])
			n.Each(walk)
		}
		tree.Root().Each(walk)
		want := []string{"title=T/text", "list=/seq", "=a/text", "=/null", "map=/map", "k=v/text", "bin=aGk=/binary"}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("fast %v: got %q, want %q", fast, got, want)
		}
		var lines []int
		tree.Root().Each(func(n Node) { lines = append(lines, n.Line()) })
		if wantLines := []int{2, 3, 6, 8}; fast && !reflect.DeepEqual(lines, wantLines) {
			t.Errorf("lines %v, want %v", lines, wantLines)
		}
		if !fast && len(tree.Warnings()) != 1 {
			t.Errorf("warnings %q, want the duplicate key", tree.Warnings())
		}
	}
	if !(Node{}).IsZero() || (&Tree{}).Root().IsZero() {
		t.Error("IsZero wrong")
	}
}

var kindName = map[Kind]string{Null: "null", Text: "text", Binary: "binary", Map: "map", Seq: "seq"}
