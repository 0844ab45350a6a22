package frontmatter

import "strings"

// parseFast decodes the subset of YAML the archive is written in, about
// twenty times faster than yaml.v3: block mappings and block sequences
// nested by indentation (including "- key: value" items and sequences at
// their key's indentation), plain, "double-quoted" (all of yaml.v3's
// escapes) and 'single-quoted' scalars on one line, comments and blank
// lines. It gives up (ok false) on anything else: flow collections,
// anchors, aliases, tags, block scalars, multi-line scalars, tabs, quoted
// or complex keys, merge keys, duplicate keys, document markers, and
// whatever yaml.v3 would reject. The caller then decodes with yaml.v3, so
// the subset only has to be right, never complete: whenever parseFast
// succeeds its tree equals the one the yaml.v3 path builds (FuzzDecode and
// the corpus test check this).
//
// src is the text as in the file, not cleaned by prepareSource: the
// decoder gives up on the characters cleaning would change where they
// matter (keys, plain scalars, a lone CR anywhere, U+2028/U+2029 in quoted
// scalars) and lets the extractor's sanitising remove them elsewhere (in
// quoted scalars and comments), with the same result. CRLF line ends are
// fine. firstLine is the file line of src's first line.
//
// With inFile, src is the rest of the file after the opening "---" line
// and the decoder also finds the closing line (the first "---" or "..."
// line, as splitFrontMatter does), so the common case never searches for
// it separately; end is then where the body starts. Otherwise src is the
// front matter alone and end is len(src).
func parseFast(src string, firstLine int, inFile bool) (t *Tree, end int, ok bool) {
	return parseFastInto(newTree(src, min(len(src), 16<<10)), src, firstLine, inFile)
}

// parseFastInto is parseFast building into t, an empty tree for src (see
// Decoder).
func parseFastInto(t *Tree, src string, firstLine int, inFile bool) (_ *Tree, end int, ok bool) {
	p := fastParser{src: src, lineNo: firstLine, inFile: inFile, end: -1, t: t,
		hasCR: strings.IndexByte(src, '\r') >= 0, hasLS: !noLineSeparator(src)}
	l, ok := p.peek()
	switch {
	case p.failed:
		return nil, 0, false
	case !ok: // nothing but blank lines and comments
		if _, ok := p.t.add(Map, "", "", firstLine); !ok {
			return nil, 0, false
		}
	case isSeqItem(l.text):
		return nil, 0, false // not a mapping: yaml.v3 path reports it
	default:
		if _, ok := p.parseMap(l.indent, "", l.num, 1); !ok {
			return nil, 0, false
		}
		if _, more := p.peek(); more || p.failed {
			return nil, 0, false // a line indented less than the first one
		}
	}
	switch {
	case !inFile:
		return p.t, len(src), true
	case p.end < 0 || p.fmLen > maxFrontMatter:
		return nil, 0, false // not closed, or too large: splitFrontMatter reports it
	}
	return p.t, p.end, true
}

type fastParser struct {
	src    string
	pos    int   // start of the current line
	next   int   // start of the line after it
	lineNo int   // file line number of the line at pos
	cur    fline // the current line, when have
	have   bool
	failed bool
	hasCR  bool // CRLF line ends, or a stray CR somewhere
	hasLS  bool // U+2028 or U+2029 somewhere
	inFile bool // src goes on after the front matter (see parseFast)
	fmLen  int  // where the closing line starts, when inFile
	end    int  // where the body starts, -1 until the closing line is seen
	t      *Tree
}

// fline is a line with content. A "- key: v" item is parsed by replacing
// the current line with a virtual one holding "key: v" at the column
// where "key" starts.
type fline struct {
	indent int
	text   string // after the indentation, trailing spaces removed
	num    int
}

// peek returns the current line with content, skipping blank lines and
// comment lines; ok is false at the end (or when failed is set).
func (p *fastParser) peek() (fline, bool) {
	if p.have {
		return p.cur, true
	}
	for p.pos < len(p.src) && !p.failed && p.end < 0 {
		line := p.src[p.pos:]
		p.next = len(p.src)
		if nl := strings.IndexByte(line, '\n'); nl >= 0 {
			line = line[:nl]
			p.next = p.pos + nl + 1
		}
		if len(line) >= 3 && (line[0] == '-' || line[0] == '.') && (strings.HasPrefix(line, "---") || strings.HasPrefix(line, "...")) {
			if p.inFile && strings.Trim(line[3:], " \t\r") == "" {
				p.fmLen, p.end = p.pos, p.next // the closing line
				break
			}
			p.failed = true // a document marker
			break
		}
		if p.hasCR {
			line = strings.TrimSuffix(line, "\r")
			if strings.IndexByte(line, '\r') >= 0 {
				p.failed = true // a lone CR: a line break to YAML
				break
			}
		}
		indent := 0
		for indent < len(line) && line[indent] == ' ' {
			indent++
		}
		text := strings.TrimRight(line[indent:], " ")
		if text == "" || text[0] == '#' {
			p.pos = p.next
			p.lineNo++
			continue
		}
		p.cur = fline{indent: indent, text: text, num: p.lineNo}
		p.have = true
		return p.cur, true
	}
	return fline{}, false
}

func (p *fastParser) advance() {
	p.have = false
	p.pos = p.next
	p.lineNo++
}

func (p *fastParser) fail() (int32, bool) {
	p.failed = true
	return -1, false
}

func (p *fastParser) add(kind Kind, key, value string, line int) (int32, bool) {
	i, ok := p.t.add(kind, key, value, line)
	if !ok {
		p.failed = true
	}
	return i, ok
}

// block parses the mapping or sequence that starts at the current line.
func (p *fastParser) block(ind int, key string, line, depth int) (int32, bool) {
	if l, _ := p.peek(); isSeqItem(l.text) {
		return p.parseSeq(ind, key, line, depth)
	}
	return p.parseMap(ind, key, line, depth)
}

// parseMap parses the entries at indentation ind into a mapping node.
func (p *fastParser) parseMap(ind int, key string, line, depth int) (int32, bool) {
	if depth > maxDepth {
		return p.fail()
	}
	m, ok := p.add(Map, key, "", line)
	if !ok {
		return -1, false
	}
	kids := p.t.children(m)
	for {
		l, ok := p.peek()
		if p.failed {
			return -1, false
		}
		if !ok || l.indent < ind {
			return m, true
		}
		if l.indent > ind || isSeqItem(l.text) {
			return p.fail()
		}
		colon := entryColon(l.text)
		if colon < 0 {
			return p.fail()
		}
		k := strings.TrimRight(l.text[:colon], " ")
		if !plainKey(k) || kids.find(k) >= 0 {
			return p.fail() // duplicates are left to the yaml.v3 path's warning
		}
		p.advance()
		c, ok := p.value(ind, k, strings.TrimLeft(l.text[colon+1:], " "), l.num, depth+1)
		if !ok {
			return -1, false
		}
		kids.append(c)
	}
}

// value parses what follows "key:" on a line of a mapping at indentation
// ind: a scalar on the same line, or a block on the lines below.
func (p *fastParser) value(ind int, key, rest string, line, depth int) (int32, bool) {
	if rest == "" || rest[0] == '#' {
		l, ok := p.peek()
		switch {
		case ok && l.indent > ind:
			return p.block(l.indent, key, line, depth)
		case ok && l.indent == ind && isSeqItem(l.text):
			return p.parseSeq(ind, key, line, depth)
		}
		return p.add(Null, key, "", line)
	}
	return p.scalarLine(ind, key, rest, line)
}

// scalarLine adds a one-line scalar; a more indented line after it would
// continue it (a multi-line plain scalar), which is not in the subset.
func (p *fastParser) scalarLine(ind int, key, rest string, line int) (int32, bool) {
	kind, v, ok := scalar(rest, p.hasLS)
	if !ok {
		return p.fail()
	}
	if l, more := p.peek(); more && l.indent > ind {
		return p.fail()
	}
	return p.add(kind, key, v, line)
}

// parseSeq parses the "- " items at indentation ind into a sequence node.
func (p *fastParser) parseSeq(ind int, key string, line, depth int) (int32, bool) {
	if depth > maxDepth {
		return p.fail()
	}
	s, ok := p.add(Seq, key, "", line)
	if !ok {
		return -1, false
	}
	kids := p.t.children(s)
	for {
		l, ok := p.peek()
		if p.failed {
			return -1, false
		}
		if !ok || l.indent < ind || l.indent == ind && !isSeqItem(l.text) {
			return s, true
		}
		if l.indent > ind {
			return p.fail()
		}
		rest := l.text[1:]
		gap := len(rest) - len(strings.TrimLeft(rest, " "))
		rest = rest[gap:]
		var c int32
		switch {
		case rest == "" || rest[0] == '#':
			p.advance()
			if n, more := p.peek(); more && n.indent > ind {
				c, ok = p.block(n.indent, "", n.num, depth+1)
			} else {
				c, ok = p.add(Null, "", "", l.num)
			}
		case isSeqItem(rest) || rest[0] != '"' && rest[0] != '\'' && entryColon(rest) >= 0:
			// "- key: value" or "- - item": a block whose first line
			// starts after the dash.
			p.cur.indent, p.cur.text = ind+1+gap, rest
			c, ok = p.block(ind+1+gap, "", l.num, depth+1)
		default:
			p.advance()
			c, ok = p.scalarLine(ind, "", rest, l.num)
		}
		if !ok {
			return -1, false
		}
		kids.append(c)
	}
}

func isSeqItem(text string) bool {
	return text == "-" || strings.HasPrefix(text, "- ")
}

// entryColon returns the index of the ':' that makes text a "key: value"
// line (a colon followed by a space or the end of the line, before any
// comment), or -1.
func entryColon(text string) int {
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case ':':
			if i+1 == len(text) || text[i+1] == ' ' {
				return i
			}
		case '#':
			if i > 0 && text[i-1] == ' ' {
				return -1
			}
		}
	}
	return -1
}

// plainKey accepts keys that are plain scalars yaml.v3 reads as written.
func plainKey(k string) bool {
	return k != "" && len(k) <= 512 && k != "<<" && !indicator(k[0]) && (printableASCII(k) || plainLine(k))
}

// indicator reports YAML indicator characters, which cannot start a plain
// scalar in the subset ("-x" and friends are legal YAML but rare: they go
// to yaml.v3).
func indicator(c byte) bool {
	switch c {
	case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
		return true
	}
	return false
}
