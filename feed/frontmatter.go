package feed

import (
	"bytes"
	"unicode/utf8"
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
// mapping's or sequence's children are first, then next, next, ...
type fmNode struct {
	key   string // key within the parent mapping ("" in sequences)
	value string // scalars
	line  int32  // file line of the key (mapping entries) or of the value
	first int32  // first child, -1 if none
	next  int32  // next sibling, -1 if last
	kind  nodeKind
}

// fmTree is a decoded front matter. nodes[0] is the root mapping.
type fmTree struct {
	nodes    []fmNode
	warnings []string // what decoding ignored (duplicate keys, merge keys)
}

// Limits shared by both decoders, so whatever the fast decoder accepts the
// yaml.v3 path accepts too. Real front matter has ~200 values, 6 deep.
const (
	maxNodes = 20000 // values, counting aliases once per use
	maxDepth = 40    // nesting of mappings and sequences
)

func newTree(srcLen int) *fmTree {
	return &fmTree{nodes: make([]fmNode, 0, srcLen/32+16)}
}

// add appends a node; it reports false when the tree is over budget.
func (t *fmTree) add(kind nodeKind, key, value string, line int) (int32, bool) {
	if len(t.nodes) >= maxNodes {
		return -1, false
	}
	t.nodes = append(t.nodes, fmNode{key: key, value: value, line: int32(line), first: -1, next: -1, kind: kind})
	return int32(len(t.nodes) - 1), true
}

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
		if n := &c.t.nodes[i]; n.key == key && n.kind != nodeDropped {
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
	if c.index == nil && c.n > 16 {
		c.index = make(map[string]int32, 2*c.n)
		for j := c.t.nodes[c.node].first; j >= 0; j = c.t.nodes[j].next {
			if n := &c.t.nodes[j]; n.kind != nodeDropped {
				c.index[n.key] = j
			}
		}
	} else if c.index != nil {
		c.index[c.t.nodes[i].key] = i
	}
}

const bom = "\xef\xbb\xbf"

// splitFrontMatter finds the front matter: the file starts with a "---"
// line and the front matter ends at the next line that is "---" or "..."
// (trailing blanks allowed), as Jekyll reads it. The body is what follows,
// which may be nothing at all (no newline after the closing line).
// A UTF-8 BOM before the first "---" is skipped; the first front matter
// line is line 2 of the file.
func splitFrontMatter(data []byte) (fm, body []byte, err *ParseError) {
	data = bytes.TrimPrefix(data, []byte(bom))
	start, ok := delimiter(data, 0, false)
	if !ok {
		return nil, nil, &ParseError{Line: 1, Reason: "no front matter: the file does not start with a --- line"}
	}
	if end, ok := delimiter(data, start, true); ok {
		return nil, data[end:], nil // empty front matter
	}
	// Jump from candidate to candidate ("\n---" or "\n...") rather than
	// line by line; each search resumes where it left off, so a file full
	// of near misses stays linear.
	dash, dots := -1, -1
	for at := start; ; {
		if dash < at {
			dash = nextIndex(data, at, "\n---")
		}
		if dots < at {
			dots = nextIndex(data, at, "\n...")
		}
		p := min(dash, dots)
		if p == len(data) {
			return nil, nil, &ParseError{Line: 1, Reason: "front matter is not closed: no --- line after the first"}
		}
		if end, ok := delimiter(data, p+1, true); ok {
			return data[start : p+1], data[end:], nil
		}
		at = p + 1
	}
}

// nextIndex is the offset of sep in data at or after from, else len(data).
func nextIndex(data []byte, from int, sep string) int {
	if i := bytes.Index(data[from:], []byte(sep)); i >= 0 {
		return from + i
	}
	return len(data)
}

// delimiter reports whether a front matter delimiter line starts at data[at]
// and returns the offset just past it. The closing line may also be "...".
func delimiter(data []byte, at int, closing bool) (int, bool) {
	rest := data[at:]
	if !bytes.HasPrefix(rest, []byte("---")) && !(closing && bytes.HasPrefix(rest, []byte("..."))) {
		return 0, false
	}
	for i := 3; i < len(rest); i++ {
		switch rest[i] {
		case ' ', '\t', '\r':
		case '\n':
			return at + i + 1, true
		default:
			return 0, false
		}
	}
	return len(data), true
}

// prepareSource returns the front matter as the text both decoders read.
// It applies, before any YAML is seen, what sanitising would do anyway, so
// a stray control byte in a title costs that byte, not the article (yaml.v3
// rejects a whole document for one): line breaks become "\n"; C0 controls
// except tab, DEL, C1 controls, U+FEFF and the noncharacters U+FFFE/U+FFFF
// are dropped; U+2028/U+2029 (which YAML would treat as line breaks)
// become spaces; invalid UTF-8 becomes U+FFFD. hasTab reports a tab, which
// the fast decoder leaves to yaml.v3. NUL bytes never get here (Parse
// rejects binary files first).
func prepareSource(fm []byte) (src string, hasTab bool) {
	s := string(fm)
	for i := 0; i < len(s); {
		if i+8 <= len(s) && plainASCII(word8(s[i:])) {
			i += 8
			continue
		}
		for end := min(i+8, len(s)); i < end; {
			c := s[i]
			switch {
			case c >= 0x20 && c < 0x7f || c == '\n':
				i++
				continue
			case c == '\t':
				hasTab = true
				i++
				continue
			case c >= utf8.RuneSelf:
				r, size := utf8.DecodeRuneInString(s[i:])
				if !badSourceRune(r, size) {
					i += size
					continue
				}
			}
			return cleanSource(s, i)
		}
	}
	return s, hasTab
}

func badSourceRune(r rune, size int) bool {
	return r == utf8.RuneError && size == 1 || r < 0xa0 || r == 0xfeff || r == 0xfffe || r == 0xffff ||
		r == 0x2028 || r == 0x2029
}

// cleanSource is the slow part of prepareSource, from the first byte that
// needs a change.
func cleanSource(s string, from int) (string, bool) {
	b := make([]byte, 0, len(s)+16)
	b = append(b, s[:from]...)
	hasTab := bytes.IndexByte(b, '\t') >= 0
	for i := from; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 0x20 && c < 0x7f, c == '\n':
				b = append(b, c)
			case c == '\t':
				b = append(b, c)
				hasTab = true
			case c == '\r':
				if i < len(s) && s[i] == '\n' {
					continue
				}
				b = append(b, '\n')
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			b = utf8.AppendRune(b, utf8.RuneError)
		case r == 0x2028 || r == 0x2029:
			b = append(b, ' ')
		case badSourceRune(r, size):
		default:
			b = append(b, s[i-size:i]...)
		}
	}
	return string(b), hasTab
}
