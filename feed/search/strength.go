package search

import "github.com/herald-reader/herald/feed"

// How strongly one article holds one word of a ranked query (see
// rank.go), field by field.

// wordScore is one word's part of an article's score: the saturated
// strength of the word in its fields, in thousandths, with the fields
// known not to hold the word, and whether the title does. Kept with a
// result, it lets the next keystroke score only the word it changed, and
// a word that grew only in the fields that held it before (see prior).
type wordScore int32

func (s wordScore) points() int    { return int(s >> 16) }
func (s wordScore) absent() fields { return fields(s>>1) & allFields }
func (s wordScore) inTitle() bool  { return s&1 != 0 }

// fields is a set of an article's fields.
type fields uint16

const (
	fieldTitle fields = 1 << iota
	fieldTopics
	fieldTags
	fieldProvider
	fieldDomain
	fieldExcerpt
	fieldRelated
	fieldBody
	fieldPage
	allFields = fieldPage<<1 - 1
)

// wordScore is w's part of the score of the article with text t. The
// fields in absent are known not to hold w, and are not read.
func (r *ranker) wordScore(t *text, w rankWord, upper uint32, absent fields) wordScore {
	f := fieldScan{w: w, absent: absent}
	f.a, f.ok = w.n.pick(upper)
	title := f.in(fieldTitle, t.title)
	// Topics, tags and provider are short: always read. Of the longer
	// fields only the strongest that has the word counts (a title's word
	// repeated in the excerpt says little more), and the weak ones only
	// when no strong one has it.
	x := weightTitle * title
	x += weightTopic * max(f.inAny(fieldTopics, t.topics), f.inAny(fieldTags, t.tags))
	x += weightProvider * max(f.in(fieldProvider, t.provider), f.in(fieldDomain, t.domain))
	if title == 0 {
		if e := f.in(fieldExcerpt, t.excerpt); e > 0 {
			x += weightExcerpt * e
		} else if x == 0 {
			body := 0
			if f.absent&fieldBody == 0 {
				body = f.note(fieldBody, r.bodyStrength(t, w, f.a, f.ok))
			}
			x = weightRelated*f.inTitles(fieldRelated, t.related()) + weightBody*max(body, f.in(fieldPage, t.page))
		}
	}
	// Saturation: a second strong field adds less than the first.
	s := wordScore(1000*x/(x+2*whole*weightExcerpt))<<16 | wordScore(f.absent)<<1
	if title > 0 {
		s |= 1
	}
	return s
}

// fieldScan reads the fields of one article for one word, skipping and
// noting those without it.
type fieldScan struct {
	w      rankWord
	a      anchor
	ok     bool
	absent fields
}

func (f *fieldScan) in(field fields, h string) int {
	if f.absent&field != 0 {
		return 0
	}
	return f.note(field, strength(h, f.w, f.a, f.ok))
}

func (f *fieldScan) inAny(field fields, l []string) int {
	if f.absent&field != 0 {
		return 0
	}
	return f.note(field, strengthAny(l, f.w, f.a, f.ok))
}

// inTitles is inAny for related titles. Not an iterator parameter: the
// loop's body would be allocated for every article ranked.
func (f *fieldScan) inTitles(field fields, titles feed.Titles) int {
	if f.absent&field != 0 {
		return 0
	}
	best := 0
	for s := range titles.All() {
		if best = max(best, strength(s, f.w, f.a, f.ok)); best == whole {
			break
		}
	}
	return f.note(field, best)
}

// note returns s, the strength of the word in field, noting the field as
// absent when s is 0.
func (f *fieldScan) note(field fields, s int) int {
	if s == 0 {
		f.absent |= field
	}
	return s
}

// bodyStrength is how strongly the body holds w: the one place ranking
// reads the body (see text.bodyHas). The body's words give a word's
// strength as the body would, at best whole, unless they are cut.
func (r *ranker) bodyStrength(t *text, w rankWord, a anchor, ok bool) int {
	if !t.words {
		return strength(t.body, w, a, ok)
	}
	if !w.n.phrase() {
		if s := strength(t.body, w, a, ok); s == whole || !t.cut {
			return s
		}
	} else if decided, _ := t.wordsDecide(w.n, false); decided {
		return 0
	}
	a, ok = w.n.pick(allUpper)
	return strength(t.readBody(), w, a, ok)
}

// strength is how w occurs in h at best: 0 (not at all), inside,
// atStart or whole.
func strength(h string, w rankWord, a anchor, ok bool) int {
	best := 0
	for from := 0; best < whole; {
		start, end := w.n.find(h, from, a, ok)
		if start < 0 {
			break
		}
		s := inside
		if !isWordByte(w.n.s[0]) || wordStart(h, start) {
			s = atStart
			if w.prefix || !isWordByte(w.n.s[len(w.n.s)-1]) || wordEnd(h, end) {
				s = whole
			}
		}
		best = max(best, s)
		from = start + 1
	}
	return best
}

func strengthAny(l []string, w rankWord, a anchor, ok bool) int {
	best := 0
	for _, s := range l {
		if best = max(best, strength(s, w, a, ok)); best == whole {
			break
		}
	}
	return best
}
