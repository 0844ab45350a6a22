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

// A Decoder builds each tree in the memory of the last: every tree must be
// the one a fresh Decode builds, whatever came before it (a larger tree,
// escapes in the arena, the yaml.v3 path, an error), and allocate far
// less than a fresh one.
func TestDecoderReusesNothingButMemory(t *testing.T) {
	files := []string{
		"---\ntitle: first\nlist:\n  - a\n  - b\n  - c\nmap:\n  k: v\n  j: w\n---\nbody one\n",
		"---\ntitle: \"esc\\taped \\u00e9\"\n---\nbody two\n",
		"---\ntitle: short\n---\n",
		"---\nflow: [a, b]\ntitle: yaml path\n---\nthree\n",
		"---\n- not a mapping\n---\n",
		"---\nunclosed: true\n",
		"---\n---\nempty front matter\n",
		"---\ntitle: last\n---\nbody\n",
	}
	var d Decoder
	for round := range 2 {
		for i, f := range files {
			got, gotBody, gotErr := d.Decode([]byte(f), true)
			want, wantBody, wantErr := Decode([]byte(f), true)
			if !reflect.DeepEqual(gotErr, wantErr) || string(gotBody) != string(wantBody) {
				t.Fatalf("round %d file %d: error %v body %q, want %v %q", round, i, gotErr, gotBody, wantErr, wantBody)
			}
			if (got == nil) != (want == nil) {
				t.Fatalf("round %d file %d: tree %v, want %v", round, i, got, want)
			}
			if got != nil && !sameTree(got, want) {
				t.Fatalf("round %d file %d: tree\n%+v\nwant\n%+v", round, i, resolved(got), resolved(want))
			}
		}
	}
	data := []byte(files[0])
	fresh := testing.AllocsPerRun(50, func() { Decode(data, true) })
	reused := testing.AllocsPerRun(50, func() { d.Decode(data, true) })
	if reused >= fresh {
		t.Errorf("a Decoder allocates %v times a file, a fresh Decode %v", reused, fresh)
	}
}
