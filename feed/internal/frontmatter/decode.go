// Package frontmatter decodes an article file's YAML front matter into a
// Tree, a small format-neutral tree that feed's extractor then maps onto an
// Article with tolerant conversions. Two decoders produce the same tree: a
// fast one for the plain subset of YAML the archive actually uses (fast.go,
// about twenty times faster than yaml.v3) and a defensive one built on
// yaml.v3 for everything else (yaml.go). Both are bounded in time and
// memory by the size of their input and never panic.
package frontmatter

import (
	"fmt"
	"unsafe"
)

// maxFrontMatter caps the front matter either decoder reads. yaml.v3
// parses ~1 MB/s on node-heavy input and allocates ~60 bytes per input
// byte, so this bounds one hostile file to ~0.25 s and ~16 MB. Real front
// matter is ~8 KB. The fast decoder has the same cap so that the two
// always agree.
const maxFrontMatter = 256 << 10

// maxWarnings caps the warnings a tree keeps; a hostile file could
// otherwise produce one per value. feed keeps as many per article.
const maxWarnings = 20

// startLine is the file line of the first front matter line: the one
// after the opening "---".
const startLine = 2

// Error is why data holds no front matter the decoders can read. Line is
// the 1-based line in the file, 0 when unknown. Reason is short and safe to
// print.
type Error struct {
	Line   int
	Reason string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Reason)
	}
	return e.Reason
}

// Decode finds and decodes the front matter of a file and returns the body
// after it. With fast, the fast decoder reads the file as it is, finding
// the end of the front matter on its way, and gives up on anything
// unusual; then the front matter is split off, cleaned (see prepareSource),
// and decoded by the fast decoder again if cleaning changed it, else by
// yaml.v3. Without fast, only yaml.v3 decodes (tests and benchmarks
// compare the two).
//
// The tree and the body may share memory with data: they are only valid
// while data is unchanged, and whoever keeps a string from them copies it.
func Decode(data []byte, fast bool) (t *Tree, body []byte, err *Error) {
	var d Decoder
	return d.Decode(data, fast)
}

// Decoder decodes one front matter after another (see Decode), building
// each tree in the memory of the one before: the tree it returns is only
// valid until its next Decode. A loader parsing thousands of files keeps
// one per goroutine; a fresh tree for each file, its nodes sized for the
// whole file, was half of what loading 100,000 files allocated (660 of
// 1,450 MB), and the garbage collector's pace follows what is allocated.
// The zero Decoder is ready to use.
type Decoder struct {
	spare *Tree
}

// tree is an empty tree for src, the spare one when there is one.
func (d *Decoder) tree(src string) *Tree {
	t := d.spare
	if t == nil {
		t = newTree(src, min(len(src), 16<<10))
		d.spare = t
		return t
	}
	// The strings handed out point into the arena's old buffer, which
	// Reset leaves to them: only the nodes' memory is reused.
	t.src, t.nodes, t.warnings = src, t.nodes[:0], nil
	t.arena.Reset()
	return t
}

// Decode is the package's Decode, reusing d's memory.
func (d *Decoder) Decode(data []byte, fast bool) (t *Tree, body []byte, err *Error) {
	if fast {
		if rest, ok := afterOpening(data); ok {
			// The fast decoder reads the bytes in place, without the usual
			// copy to a string: feed drops the tree before Parse returns
			// and copies every string it keeps (textsafe.Clone), so
			// nothing refers to the caller's buffer afterwards, which a
			// loader reuses (feed's TestParseKeepsNoReferenceToData checks
			// this).
			src := unsafe.String(unsafe.SliceData(rest), len(rest))
			if t, end, ok := parseFastInto(d.tree(src), src, startLine, true); ok {
				return t, rest[end:], nil
			}
		}
	}
	fm, body, err := splitFrontMatter(data)
	if err != nil {
		return nil, nil, err
	}
	if len(fm) > maxFrontMatter {
		return nil, nil, &Error{Line: startLine, Reason: fmt.Sprintf(
			"front matter too large (%d KiB, limit %d KiB)", len(fm)>>10, maxFrontMatter>>10)}
	}
	src, changed := prepareSource(fm)
	if fast && changed {
		if t, _, ok := parseFastInto(d.tree(src), src, startLine, false); ok {
			return t, body, nil
		}
	}
	t, err = parseYAML(src, startLine)
	return t, body, err
}
