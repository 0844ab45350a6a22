package frontmatter

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/herald-reader/herald/internal/textsafe"
)

// parseYAML decodes front matter the fast decoder declined, defensively.
// yaml.v3 only parses to a yaml.Node here (its decoder, where the panics
// on complex and merge keys and the quadratic duplicate-key check live, is
// never run); the walk below copies the node graph into an Tree,
// expanding aliases within the node budget (no billion laughs, no cycles),
// limiting depth, ignoring complex and merge keys with a warning and
// letting the last of duplicate keys win with a warning. A panic anywhere
// becomes an Error. Errors are short and carry the file line.
func parseYAML(src string, firstLine int) (t *Tree, perr *Error) {
	defer func() {
		if r := recover(); r != nil {
			t, perr = nil, &Error{Reason: "YAML decoder failed on this front matter"}
		}
	}()
	dec := yaml.NewDecoder(strings.NewReader(src))
	var doc yaml.Node
	w := walker{t: newTree("", len(src)), off: firstLine - 1}
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) { // nothing but comments
			w.t.add(Map, "", "", firstLine)
			return w.t, nil
		}
		return nil, yamlError(err, firstLine)
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	if root.Kind == yaml.AliasNode && root.Alias != nil {
		root = root.Alias
	}
	switch {
	case root.Kind == yaml.MappingNode:
		w.walk(root, "", root.Line+w.off, 1)
	case root.Kind == yaml.DocumentNode || root.Kind == yaml.ScalarNode && root.Tag == "!!null":
		w.t.add(Map, "", "", firstLine) // empty document
	default:
		return nil, &Error{Line: root.Line + w.off, Reason: "front matter is not a mapping of keys to values"}
	}
	if w.err != nil {
		return nil, w.err
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		w.t.warnings = append(w.t.warnings, "front matter holds more than one YAML document; only the first is used")
	}
	return w.t, nil
}

// yamlError turns a yaml.v3 error into a short Error with the file
// line. yaml.v3 says "line N: " in two ways: scanner errors count from 1,
// parser errors from 0 (and name where the enclosing collection starts),
// and neither says anything for line 0, so the kind of problem tells how
// to read N.
func yamlError(err error, firstLine int) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	n := -1
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, after, ok := strings.Cut(rest, ": "); ok {
			if v, err := strconv.Atoi(num); err == nil {
				n, msg = v, after
			}
		}
	}
	line := 0
	parser := parserProblem(msg)
	switch {
	case n >= 0 && parser: // counted from 0
		line = firstLine + n
	case n >= 0:
		line = firstLine + n - 1
	case !parser: // a scanner error on the first line
		line = firstLine
	}
	return &Error{Line: line, Reason: "invalid YAML: " + textsafe.Clip(textsafe.Line(msg), 100)}
}

// parserProblem reports the problems yaml.v3's parser (not its scanner)
// reports.
func parserProblem(msg string) bool {
	switch msg {
	case "did not find expected ',' or ']'", "did not find expected ',' or '}'",
		"did not find expected '-' indicator", "did not find expected <document start>",
		"did not find expected <stream-start>", "did not find expected key",
		"did not find expected node content", "found duplicate %TAG directive",
		"found duplicate %YAML directive", "found incompatible YAML document",
		"found undefined tag handle":
		return true
	}
	return false
}

// walker copies a yaml.Node graph into an Tree.
type walker struct {
	t   *Tree
	off int // file line of yaml line 1, minus one
	err *Error
}

func (w *walker) fail(line int, reason string) int32 {
	if w.err == nil {
		w.err = &Error{Line: line, Reason: reason}
	}
	return -1
}

func (w *walker) add(kind Kind, key, value string, line int) int32 {
	i, ok := w.t.add(kind, key, value, line)
	if !ok {
		return w.fail(line, fmt.Sprintf("front matter too complex: over %d values or %d KiB of text (counting each use of an alias)",
			maxNodes, maxText>>10))
	}
	return i
}

func (w *walker) warn(format string, args ...any) {
	if len(w.t.warnings) < maxWarnings {
		w.t.warnings = append(w.t.warnings, fmt.Sprintf(format, args...))
	}
}

// walk adds n (and what it holds) under key; line is the key's line for
// mapping entries, else the value's.
func (w *walker) walk(n *yaml.Node, key string, line, depth int) int32 {
	if w.err != nil {
		return -1
	}
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			return w.add(Null, key, "", line)
		}
		n = n.Alias // an anchored node is never itself an alias
	}
	switch n.Kind {
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null": // "~", "null" or nothing: all the same
			return w.add(Null, key, "", line)
		case "!!binary":
			return w.add(Binary, key, n.Value, line)
		}
		return w.add(Text, key, n.Value, line)
	case yaml.MappingNode, yaml.SequenceNode:
		if depth > maxDepth {
			return w.fail(line, fmt.Sprintf("front matter nested too deeply (more than %d levels)", maxDepth))
		}
		if n.Kind == yaml.SequenceNode {
			return w.sequence(n, key, line, depth)
		}
		return w.mapping(n, key, line, depth)
	}
	return w.add(Null, key, "", line)
}

func (w *walker) sequence(n *yaml.Node, key string, line, depth int) int32 {
	s := w.add(Seq, key, "", line)
	kids := w.t.children(s)
	for _, item := range n.Content {
		c := w.walk(item, "", item.Line+w.off, depth+1)
		if c < 0 {
			return -1
		}
		kids.append(c)
	}
	return s
}

func (w *walker) mapping(n *yaml.Node, key string, line, depth int) int32 {
	m := w.add(Map, key, "", line)
	kids := w.t.children(m)
	for i := 0; i+1 < len(n.Content) && w.err == nil; i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		kline := k.Line + w.off
		if k.Kind == yaml.AliasNode && k.Alias != nil {
			k = k.Alias
		}
		switch {
		case k.Kind != yaml.ScalarNode && depth == 1:
			// Not a mapping of fields at all ({{},<<}): not an article.
			return w.fail(kline, "front matter is not a mapping with text keys (a key is a list or mapping)")
		case k.Kind != yaml.ScalarNode:
			w.warn("line %d: a key that is not text (a complex key) is ignored", kline)
			continue
		case k.Tag == "!!merge":
			w.warn("line %d: merge key (<<) ignored", kline)
			continue
		}
		if old := kids.find(k.Value); old >= 0 {
			w.t.nodes[old].kind = dropped
			w.warn("line %d: duplicate key %q; the last one is used", kline, textsafe.Clip(textsafe.Line(k.Value), 40))
		}
		c := w.walk(v, k.Value, kline, depth+1)
		if c < 0 {
			return -1
		}
		kids.append(c)
	}
	return m
}
