package feed

// grams is a 512-bit Bloom-style summary of the bytes and byte pairs
// (ASCII lower-cased) in an article's searchable text. A needle can only
// occur where all of its own bytes and pairs do, so one AND per word
// rules out most articles before any text is read: that is what keeps a
// keystroke over 100,000 articles fast. 64 bytes per article.
type grams [8]uint64

func gramBit(x uint32) uint32 { return x * 2654435761 >> 23 } // top 9 bits: 0..511

func (g *grams) set(x uint32) { b := gramBit(x); g[b>>6] |= 1 << (b & 63) }

// addText adds the byte pairs of s, and its bytes as they are to seen
// (see addTextOf, which keeps this loop short).
func (g *grams) addText(s string, seen *[4]uint64) {
	if len(s) == 0 {
		return
	}
	seen[s[0]>>6] |= 1 << (s[0] & 63)
	prev := uint32(toLower(s[0]))
	for i := 1; i < len(s); i++ {
		seen[s[i]>>6] |= 1 << (s[i] & 63)
		c := uint32(toLower(s[i]))
		g.set(prev<<8 | c)
		prev = c
	}
}

// addTextOf adds every field a free word or phrase is matched against,
// and returns the set of upper-case ASCII letters in them (bit i for
// 'A'+i; see needle.pick).
func (g *grams) addTextOf(t *text) (upper uint32) {
	var seen [4]uint64
	for _, s := range [...]string{t.title, t.excerpt, t.body, t.provider, t.domain} {
		g.addText(s, &seen)
	}
	for _, l := range [...][]string{t.topics, t.tags, t.related} {
		for _, s := range l {
			g.addText(s, &seen)
		}
	}
	for c := range uint32(256) {
		if seen[c>>6]&(1<<(c&63)) != 0 {
			g.set(uint32(toLower(byte(c))) | 1<<16)
			if c >= 'A' && c <= 'Z' {
				upper |= 1 << (c - 'A')
			}
		}
	}
	return upper
}

// needleGrams is what a text containing needle n must have. Bytes that
// can match something else (a space matches a line break, ' matches ’)
// are left out, and so are the pairs they are in.
func needleGrams(n string) grams {
	var g grams
	for i := 0; i < len(n); i++ {
		if variable(n[i]) {
			continue
		}
		g.set(uint32(n[i]) | 1<<16)
		if i+1 < len(n) && !variable(n[i+1]) {
			g.set(uint32(n[i])<<8 | uint32(n[i+1]))
		}
	}
	return g
}

// covers reports whether every bit of n is in g.
func (g *grams) covers(n *grams) bool {
	return g[0]&n[0] == n[0] && g[1]&n[1] == n[1] && g[2]&n[2] == n[2] && g[3]&n[3] == n[3] &&
		g[4]&n[4] == n[4] && g[5]&n[5] == n[5] && g[6]&n[6] == n[6] && g[7]&n[7] == n[7]
}
