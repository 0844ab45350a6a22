package search

import (
	"strings"

	"github.com/herald-reader/herald/feed"
)

// Relevance (SortRelevance) orders the matches of a query with free words
// by how well they match, the best first, newer first among equals. An
// article's score adds up, for each free word, how strongly its fields
// hold it, weighted by field (BM25F-like, with the frequency of a word in
// a field counting once: these fields are short): the title far above
// the rest, then topics, tags, provider and excerpt, then the body and
// the fetched page, and last the related stories' titles, which mention
// many words an article is not about (the last two are read only when no
// other field has the word). A whole word counts more than the start
// of one, which counts more than a word found inside another; the last
// word typed counts whole when it starts a word, so results follow
// typing. All words in the title, and the words as a phrase, add a bonus.
// Matching stays AND: ranking only orders what matched.

// Field weights (see ranker.score).
const (
	weightTitle    = 10
	weightTopic    = 4
	weightProvider = 3
	weightExcerpt  = 3
	weightBody     = 2
	weightRelated  = 1
)

// Match strengths of a word in a field, in 1/4.
const (
	inside  = 1 // inside a word: "ai" in "said"
	atStart = 3 // starting a word: "hugg" in "Hugging"
	whole   = 4 // a whole word
)

// rankWord is a free word of the query, as ranking sees it.
type rankWord struct {
	n      *needle
	prefix bool // the word typed last (see term.prefix)
	// must: a term of the query's top level, which every match has; the
	// ranker checks it (see matchRanked).
	must bool
}

// ranker scores articles for one query.
type ranker struct {
	words  []rankWord
	phrase *needle // the words one after the other; nil for one word
}

// Ranked reports whether the query has free words to order results by
// (see SortRelevance): any word or phrase that is not negated, in any
// alternative.
func (q Query) Ranked() bool { return len(q.rankWords(nil, true)) > 0 }

// rankWords appends q's words; top: q is the whole query, not an
// alternative.
func (q *Query) rankWords(out []rankWord, top bool) []rankWord {
	for i := range q.terms {
		if t := &q.terms[i]; t.kind == kindText && !t.neg {
			out = append(out, rankWord{n: &t.n, prefix: t.prefix, must: top})
		}
	}
	for i := range q.groups {
		if g := &q.groups[i]; !g.neg {
			for j := range g.alts {
				out = g.alts[j].rankWords(out, false)
			}
		}
	}
	return out
}

func newRanker(q *Query) *ranker {
	r := &ranker{words: q.rankWords(nil, true)}
	if len(r.words) > 1 {
		parts := make([]string, len(r.words))
		for i, w := range r.words {
			parts[i] = w.n.s
		}
		p := newNeedle(strings.Join(parts, " "))
		r.phrase = &p
	}
	return r
}

// score is the relevance of the article with text t (upper: its
// upper-case letters, see needle.pick), in thousandths. It also matches
// the query's top-level words, the must ones (see matchRanked): ok is
// false when one is missing, as hasText would say, which spares reading
// the fields twice.
func (r *ranker) score(t *text, upper uint32) (score int32, ok bool) {
	total, inTitle := 0, 0
	for _, w := range r.words {
		a, ok := w.n.pick(upper)
		title := strength(t.title, w, a, ok)
		if title > 0 {
			inTitle++
		}
		// Topics, tags and provider are short: always read. Of the
		// longer fields only the strongest that has the word counts (a
		// title's word repeated in the excerpt says little more), and
		// the weak ones only when no strong one has it.
		x := weightTitle * title
		x += weightTopic * max(strengthAny(t.topics, w, a, ok), strengthAny(t.tags, w, a, ok))
		x += weightProvider * max(strength(t.provider, w, a, ok), strength(t.domain, w, a, ok))
		if title == 0 {
			if e := strength(t.excerpt, w, a, ok); e > 0 {
				x += weightExcerpt * e
			} else if x == 0 {
				x = weightRelated*strengthAny(t.related, w, a, ok) +
					weightBody*max(r.bodyStrength(t, w, a, ok), strength(t.page, w, a, ok))
				if x == 0 && w.must {
					return 0, false
				}
			}
		}
		// Saturation: a second strong field adds less than the first.
		total += 1000 * x / (x + 2*whole*weightExcerpt)
	}
	if len(r.words) > 1 && inTitle == len(r.words) {
		total += 400 // all the words in the title
		if a, ok := r.phrase.pick(upper); r.phrase.contains(t.title, a, ok) {
			total += 500 // as a phrase
		}
	}
	return int32(total), true
}

// bodyStrength is how strongly the body holds w: the one place ranking
// reads the body (see text.bodyHas).
func (r *ranker) bodyStrength(t *text, w rankWord, a anchor, ok bool) int {
	return strength(t.body, w, a, ok)
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

// RankArticles orders arts, the matches of q, by relevance as
// SearchSorted does with SortRelevance: by score, newest first among
// equals. pages gives an article's fetched page text (nil: none). A
// query without free words leaves them newest first.
func RankArticles(arts []*feed.Article, q Query, pages PageText) {
	SortArticles(arts, SortNewest)
	if !q.Ranked() {
		return
	}
	r := newRanker(&q)
	scores := make([]int32, len(arts))
	for i, a := range arts {
		page := ""
		if pages != nil {
			page = pages(a)
		}
		t := foldedText(a, page)
		if t == nil {
			plain := textOf(a)
			t = &plain
		}
		scores[i], _ = r.score(t, allUpper)
	}
	sortByScore(arts, scores)
}

// sortByScore sorts items by score, highest first, stably: a radix sort
// on the scores' 32 bits, 8 at a time, as the 100,000 results of a
// keystroke want it in linear time.
func sortByScore[T any](items []T, scores []int32) {
	n := len(items)
	if n < 2 {
		return
	}
	tmpItems, tmpScores := make([]T, n), make([]int32, n)
	for shift := 0; shift < 32; shift += 8 {
		var count [257]int
		for _, s := range scores {
			count[int(255-byte(uint32(s)>>shift))+1]++ // descending
		}
		if count[int(255-byte(uint32(scores[0])>>shift))+1] == n {
			continue // every score has the same byte here
		}
		for b := 1; b < 257; b++ {
			count[b] += count[b-1]
		}
		for i, s := range scores {
			k := 255 - byte(uint32(s)>>shift)
			tmpItems[count[k]], tmpScores[count[k]] = items[i], s
			count[k]++
		}
		copy(items, tmpItems)
		copy(scores, tmpScores)
	}
}
