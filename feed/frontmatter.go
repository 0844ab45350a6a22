package feed

import (
	"strings"
	"unsafe"
)

// The front matter is decoded in two steps. A decoder turns the YAML text
// into an fmTree, a small format-neutral tree; one extractor (extract.go)
// then maps the tree onto an Article with tolerant conversions. There are
// two decoders producing the same tree: a fast one for the plain subset of
// YAML the archive actually uses (frontmatter_fast.go) and a defensive one
// built on yaml.v3 for everything else (yamlsafe.go).

// nodeKind is the kind of an fmTree node. Scalars keep their text as
// written (after quoting and escapes): the extractor, not the decoder,
// decides what a scalar means for a field, so both decoders agree even
// where YAML's type resolution is surprising.
type nodeKind uint8

const (
	nodeNull    nodeKind = iota // empty value, ~ or null (unquoted)
	nodeText                    // any other scalar
	nodeBinary                  // a !!binary scalar: value is base64
	nodeMap                     // children carry their keys
	nodeSeq                     // children in order
	nodeDropped                 // a mapping entry overridden by a later duplicate key
)

// fmNode is one value. Nodes live in one slice and link by index: a
// mapping's or sequence's children are first, then next, next, ... Nodes
// hold no pointers (their strings are spans, see fmTree.str), so building
// a tree of a few hundred nodes is one allocation the garbage collector
// never scans and appending to it needs no write barriers.
type fmNode struct {
	key   span // key within the parent mapping (empty in sequences)
	value span // scalars
	line  int32
	first int32 // first child, -1 if none
	next  int32 // next sibling, -1 if last
	kind  nodeKind
}

// span is a string of the tree: src[off:off+n], or arena[-off-1:][:n]
// when off is negative.
type span struct{ off, n int32 }

// fmTree is a decoded front matter. nodes[0] is the root mapping. line is
// the file line of the key (mapping entries) or of the value.
type fmTree struct {
	src      string          // the front matter text the fast decoder read
	arena    strings.Builder // every other string (decoded escapes, yaml.v3's values)
	nodes    []fmNode
	warnings []string // what decoding ignored (duplicate keys, merge keys)
}

// Limits shared by both decoders, so whatever the fast decoder accepts the
// yaml.v3 path accepts too. Real front matter has ~200 values, 6 deep.
const (
	maxNodes = 10000 // values, counting aliases once per use
	maxDepth = 40    // nesting of mappings and sequences
	// maxText caps the text of a tree, counting an alias's text once per
	// use: without it a 200 KB string aliased a thousand times would be
	// 200 MB of article.
	maxText = 2 * maxFrontMatter
)

// newTree starts a tree for a decoder reading src (the fast decoder, whose
// strings are parts of src) or nothing (yaml.v3's strings are its own);
// size is the length of the front matter, for the capacity.
func newTree(src string, size int) *fmTree {
	return &fmTree{src: src, nodes: make([]fmNode, 0, size/44+16)}
}

// add appends a node; it reports false when the tree is over budget.
func (t *fmTree) add(kind nodeKind, key, value string, line int) (int32, bool) {
	if len(t.nodes) >= maxNodes || t.arena.Len()+len(key)+len(value) > maxText {
		return -1, false
	}
	t.nodes = append(t.nodes, fmNode{key: t.span(key), value: t.span(value), line: int32(line), first: -1, next: -1, kind: kind})
	return int32(len(t.nodes) - 1), true
}

// span stores s: as its offset when it is part of src (the fast decoder's
// keys and values are), else by copying it to the arena.
func (t *fmTree) span(s string) span {
	if s == "" {
		return span{}
	}
	// Address arithmetic only: nothing is dereferenced.
	off := uintptr(unsafe.Pointer(unsafe.StringData(s))) - uintptr(unsafe.Pointer(unsafe.StringData(t.src)))
	if len(t.src) > 0 && off < uintptr(len(t.src)) && int(off)+len(s) <= len(t.src) {
		return span{off: int32(off), n: int32(len(s))}
	}
	at := t.arena.Len()
	t.arena.WriteString(s)
	return span{off: -int32(at) - 1, n: int32(len(s))}
}

// str returns the string a span stands for. It is only valid while the
// tree is: an Article keeps copies (see textsafe.Clone).
func (t *fmTree) str(s span) string {
	if s.off >= 0 {
		return t.src[s.off : s.off+s.n]
	}
	return t.arena.String()[-s.off-1:][:s.n]
}

func (t *fmTree) key(i int32) string   { return t.str(t.nodes[i].key) }
func (t *fmTree) value(i int32) string { return t.str(t.nodes[i].value) }

// children appends to a mapping or sequence node in order. For mappings
// it also finds an earlier entry with the same key, in linear time even
// for thousands of keys (a hostile file must not make it quadratic).
type children struct {
	t     *fmTree
	node  int32
	last  int32
	n     int
	index map[string]int32
}

func (t *fmTree) children(node int32) children {
	return children{t: t, node: node, last: -1}
}

// find returns the live entry with this key, or -1.
func (c *children) find(key string) int32 {
	if c.index != nil {
		if i, ok := c.index[key]; ok {
			return i
		}
		return -1
	}
	for i := c.t.nodes[c.node].first; i >= 0; i = c.t.nodes[i].next {
		if n := &c.t.nodes[i]; n.key.n == int32(len(key)) && n.kind != nodeDropped && c.t.key(i) == key {
			return i
		}
	}
	return -1
}

func (c *children) append(i int32) {
	if c.last < 0 {
		c.t.nodes[c.node].first = i
	} else {
		c.t.nodes[c.last].next = i
	}
	c.last = i
	c.n++
	if c.index == nil && c.n > 32 {
		c.index = make(map[string]int32, 2*c.n)
		for j := c.t.nodes[c.node].first; j >= 0; j = c.t.nodes[j].next {
			if c.t.nodes[j].kind != nodeDropped {
				c.index[c.t.key(j)] = j
			}
		}
	} else if c.index != nil {
		c.index[c.t.key(i)] = i
	}
}
