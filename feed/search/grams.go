package search

// grams summarises the searchable text of an article in two 512-bit
// Bloom-style sets (ASCII lower-cased): one of its bytes and byte pairs,
// one of its byte triples. A needle can only occur where all of its own
// bytes, pairs and triples do, so a few ANDs per word rule out most
// articles before any text is read: that is what keeps a keystroke over
// 100,000 articles fast. Pairs alone let through most articles for a word
// made of common pairs ("clement"); the triples cut that by half or more.
// 128 bytes per article.
type grams struct {
	pairs, triples [8]uint64
}

// bit512 hashes x to a bit number 0..511 (the top 9 bits of a
// multiplicative hash).
func bit512(x uint32) uint32 { return x * 2654435761 >> 23 }

func set512(s *[8]uint64, x uint32) { b := bit512(x); s[b>>6] |= 1 << (b & 63) }

// Keys: a byte c is c|1<<16, a pair ab is a<<8|b, a triple abc is
// a<<16|b<<8|c in its own set.

// addText adds the pairs and triples of s, and its bytes as they are to
// seen (see addTextOf, which keeps this loop short).
func (g *grams) addText(s string, seen *[4]uint64) {
	var window uint32
	for i := range len(s) {
		seen[s[i]>>6] |= 1 << (s[i] & 63)
		window = window<<8 | uint32(toLower(s[i]))
		if i >= 1 {
			set512(&g.pairs, window&0xffff)
		}
		if i >= 2 {
			set512(&g.triples, window&0xffffff)
		}
	}
}

// addTextOf adds every field a free word or phrase is matched against,
// and returns the set of upper-case ASCII letters in them (bit i for
// 'A'+i; see needle.pick).
func (g *grams) addTextOf(t *text) (upper uint32) {
	var seen [4]uint64
	for _, s := range [...]string{t.title, t.excerpt, t.body, t.page, t.provider, t.domain} {
		g.addText(s, &seen)
	}
	for _, l := range [...][]string{t.topics, t.tags} {
		for _, s := range l {
			g.addText(s, &seen)
		}
	}
	for s := range t.related().All() {
		g.addText(s, &seen)
	}
	for c := range uint32(256) {
		if seen[c>>6]&(1<<(c&63)) != 0 {
			set512(&g.pairs, uint32(toLower(byte(c)))|1<<16)
			if c >= 'A' && c <= 'Z' {
				upper |= 1 << (c - 'A')
			}
		}
	}
	return upper
}

// needleGrams is what a text containing needle n must have. Bytes that
// can match something else (a space matches a line break, ' matches ’)
// are left out, and so are the pairs and triples they are in.
func needleGrams(n string) grams {
	var g grams
	run := 0 // length of the current run of fixed bytes
	var window uint32
	for i := range len(n) {
		if variable(n[i]) {
			run = 0
			continue
		}
		run++
		window = window<<8 | uint32(n[i])
		set512(&g.pairs, uint32(n[i])|1<<16)
		if run >= 2 {
			set512(&g.pairs, window&0xffff)
		}
		if run >= 3 {
			set512(&g.triples, window&0xffffff)
		}
	}
	return g
}

// covers reports whether every bit of n is in g.
func (g *grams) covers(n *grams) bool {
	for i := range 8 {
		if g.pairs[i]&n.pairs[i] != n.pairs[i] || g.triples[i]&n.triples[i] != n.triples[i] {
			return false
		}
	}
	return true
}

// fill sets every bit: g then covers every needle.
func (g *grams) fill() {
	for i := range 8 {
		g.pairs[i], g.triples[i] = ^uint64(0), ^uint64(0)
	}
}

// add puts every bit of n in g: g then covers what both need.
func (g *grams) add(n *grams) {
	for i := range 8 {
		g.pairs[i] |= n.pairs[i]
		g.triples[i] |= n.triples[i]
	}
}
