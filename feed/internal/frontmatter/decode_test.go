package frontmatter

import (
	"reflect"
	"testing"

	"github.com/herald-reader/herald/feed/internal/seedlike"
	"github.com/herald-reader/herald/internal/textsafe"
)

// The fast decoder must take every seed-like file (the cold-load budget
// depends on it) and must decline what is outside its subset, which the
// yaml.v3 path then reads.
func TestFastDecoderCoverage(t *testing.T) {
	for i := 0; i < 50; i++ {
		fmb, _, err := splitFrontMatter(seedlike.File(i))
		if err != nil {
			t.Fatal(err)
		}
		if _, _, ok := parseFast(string(fmb), startLine, false); !ok {
			t.Fatalf("fast decoder declined seed-like file %d", i)
		}
		// Reading the whole file, it finds the end of the front matter
		// where splitFrontMatter does.
		data := append(seedlike.File(i), "body\n---\nmore"...)
		_, body, _ := splitFrontMatter(data)
		rest, _ := afterOpening(data)
		if _, end, ok := parseFast(string(rest), startLine, true); !ok || string(rest[end:]) != string(body) {
			t.Fatalf("fast decoder on the whole file %d: ok %v, body %q, want %q", i, ok, rest[end:], body)
		}
	}
	accepted := []string{
		"a: 1\nb:\n  - x\n  - 'y'\n  - \"z\"\n",
		"a:\n- same-indent sequence\nb: 2\n",
		"a: # comment\n  b: 1\n# comment\nc: ~\n",
		"list:\n  -\n    x: 1\n  -   y: 2\n      z: 3\n  - - nested\n    - seq\n",
		"escapes: \"\\t\\n\\e\\x41\\u00e9\\U0001F600\\N\\_\\L\\P\"\n",
		"url: http://x.test/a#b?c:d\nhash: a#b\n",
		"",
		"# only a comment\n",
		"crlf: 1\r\nlist:\r\n  - x\r\n",
		"a: \"\tb\"\nc: 'x\x1b\x7f\u0085\ufeff\xe9y' # \x01\n# \x02\u2028\n",
		"caf\u00e9: \"\u00e9\u2019\"\n",
	}
	for _, src := range accepted {
		if _, _, ok := parseFast(src, startLine, false); !ok {
			t.Errorf("fast decoder declined %q", src)
		}
		checkSameTree(t, src)
	}
	declined := []string{
		"a: [1, 2]\n", "a: {b: 1}\n", "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: |\n  text\n", "a: >\n  text\n",
		"a: multi\n  line\n", "a: \"multi\n  line\"\n", "a: 'multi\n  line'\n", "\"quoted\": key\n", "? complex\n: key\n",
		"<<: {a: 1}\n", "a: 1\na: 2\n", "a: 1\n--- x\n", "%YAML 1.2\n---\na: 1\n", "- a\n- b\n", "a: b: c\n",
		"a: x:\n", "a: \"\\q\"\n", "a: \"\\ud800\"\n", "a: @x\n", "a: - x\n", "  a: 1\nb: 2\n", "a:\n  b: 1\n   c: 2\n",
		"a: \"x\"y\n", "-x: 1\n", "a: `x`\n", "a:\tb\n", "a: 1\rb: 2\n", "a: \"x\u2028\"\n", "\x01a: 1\n", "a: x\x01\n", "# c\rb: 2\n",
		"a: \x1b\n", "a: b\u0085\n", "a: b\u2028c\n", "a: \xff\n", "a: \ufeff\n", "a: 1\r\r\n",
	}
	for _, src := range declined {
		if _, _, ok := parseFast(src, startLine, false); ok {
			t.Errorf("fast decoder accepted %q", src)
		}
	}
}

// checkSameTree requires the fast decoder, when it accepts src, to build
// exactly the tree the yaml.v3 path builds.
func checkSameTree(t *testing.T, src string) {
	t.Helper()
	fast, _, ok := parseFast(src, startLine, false)
	if !ok {
		return
	}
	clean, _ := prepareSource([]byte(src))
	slow, err := parseYAML(clean, startLine)
	if err != nil {
		t.Fatalf("fast decoder accepted what yaml.v3 rejects (%v): %q", err, src)
	}
	if !sameTree(fast, slow) {
		t.Fatalf("trees differ for %q:\nfast %+v\nyaml %+v", src, resolved(fast), resolved(slow))
	}
}

// resolvedNode is a node with its strings looked up (the two decoders
// store the same strings in different places) and its value sanitised
// (the fast decoder leaves control characters in quoted scalars to the
// extractor, where the yaml.v3 path has them cleaned away before).
type resolvedNode struct {
	Key, Value        string
	Line, First, Next int32
	Kind              Kind
}

func resolved(t *Tree) []resolvedNode {
	out := make([]resolvedNode, len(t.nodes))
	for i, n := range t.nodes {
		out[i] = resolvedNode{t.key(int32(i)), textsafe.Sanitize(t.value(int32(i))), n.line, n.first, n.next, n.kind}
	}
	return out
}

func sameTree(a, b *Tree) bool {
	return reflect.DeepEqual(resolved(a), resolved(b)) && reflect.DeepEqual(a.warnings, b.warnings)
}
