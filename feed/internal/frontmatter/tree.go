package frontmatter

import (
	"strings"
	"unsafe"
)

// Kind is the kind of a Node. Scalars keep their text as written (after
// quoting and escapes): the extractor, not the decoder, decides what a
// scalar means for a field, so both decoders agree even where YAML's type
// resolution is surprising.
type Kind uint8

const (
	Null    Kind = iota // empty value, ~ or null (unquoted)
	Text                // any other scalar
	Binary              // a !!binary scalar: Value is base64
	Map                 // children carry their keys
	Seq                 // children in order
	dropped             // a mapping entry overridden by a later duplicate key; Each skips it
)

// node is one value. Nodes live in one slice and link by index: a
// mapping's or sequence's children are first, then next, next, ... Nodes
// hold no pointers (their strings are spans, see Tree.str), so building
// a tree of a few hundred nodes is one allocation the garbage collector
// never scans and appending to it needs no write barriers.
type node struct {
	key   span // key within the parent mapping (empty in sequences)
	value span // scalars
	line  int32
	first int32 // first child, -1 if none
	next  int32 // next sibling, -1 if last
	kind  Kind
}

// span is a string of the tree: src[off:off+n], or arena[-off-1:][:n]
// when off is negative.
type span struct{ off, n int32 }

// Tree is a decoded front matter; Root is its top-level mapping. A Tree
// and its strings are only valid while the data Decode read is unchanged:
// the fast decoder reads it in place.
//
// nodes[0] is the root. A node's line is the file line of its key
// (mapping entries) or of its value.
type Tree struct {
	src      string          // the front matter text the fast decoder read
	arena    strings.Builder // every other string (decoded escapes, yaml.v3's values)
	nodes    []node
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
func newTree(src string, size int) *Tree {
	return &Tree{src: src, nodes: make([]node, 0, size/44+16)}
}

// add appends a node; it reports false when the tree is over budget.
func (t *Tree) add(kind Kind, key, value string, line int) (int32, bool) {
	if len(t.nodes) >= maxNodes || t.arena.Len()+len(key)+len(value) > maxText {
		return -1, false
	}
	t.nodes = append(t.nodes, node{key: t.span(key), value: t.span(value), line: int32(line), first: -1, next: -1, kind: kind})
	return int32(len(t.nodes) - 1), true
}

// span stores s: as its offset when it is part of src (the fast decoder's
// keys and values are), else by copying it to the arena.
func (t *Tree) span(s string) span {
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
// tree is: whoever keeps one copies it (feed's extractor does, with
// textsafe.Clone).
func (t *Tree) str(s span) string {
	if s.off >= 0 {
		return t.src[s.off : s.off+s.n]
	}
	return t.arena.String()[-s.off-1:][:s.n]
}

func (t *Tree) key(i int32) string   { return t.str(t.nodes[i].key) }
func (t *Tree) value(i int32) string { return t.str(t.nodes[i].value) }

// Root is the top-level mapping.
func (t *Tree) Root() Node { return Node{t, 0} }

// Warnings says what decoding ignored (duplicate and merge keys, complex
// keys, further YAML documents), at most maxWarnings of them.
func (t *Tree) Warnings() []string { return t.warnings }

// Node is one value of a Tree, a handle that is only valid while the tree
// is. The zero Node stands for no value (see IsZero). Its methods are
// small enough to inline: the extractor calls them on every value.
type Node struct {
	t *Tree
	i int32
}

// IsZero reports whether n is the zero Node, no value at all.
func (n Node) IsZero() bool { return n.t == nil }

// Kind is what n holds.
func (n Node) Kind() Kind { return n.t.nodes[n.i].kind }

// Line is the file line of n's key (mapping entries) or of n itself.
func (n Node) Line() int { return int(n.t.nodes[n.i].line) }

// Key is n's key in its mapping, "" in a sequence.
func (n Node) Key() string { return n.t.key(n.i) }

// Value is a scalar's text ("" for Null, base64 for Binary).
func (n Node) Value() string { return n.t.value(n.i) }

// Each calls f for the children of a Map or Seq, in order: for a mapping
// with duplicate keys only the last entry of each key.
func (n Node) Each(f func(c Node)) {
	nodes := n.t.nodes
	for c := nodes[n.i].first; c >= 0; c = nodes[c].next {
		if nodes[c].kind != dropped {
			f(Node{n.t, c})
		}
	}
}

// children appends to a mapping or sequence node in order. For mappings
// it also finds an earlier entry with the same key, in linear time even
// for thousands of keys (a hostile file must not make it quadratic).
type children struct {
	t     *Tree
	node  int32
	last  int32
	n     int
	index map[string]int32
}

func (t *Tree) children(node int32) children {
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
		if n := &c.t.nodes[i]; n.key.n == int32(len(key)) && n.kind != dropped && c.t.key(i) == key {
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
			if c.t.nodes[j].kind != dropped {
				c.index[c.t.key(j)] = j
			}
		}
	} else if c.index != nil {
		c.index[c.t.key(i)] = i
	}
}
