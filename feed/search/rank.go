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
	// ranker checks it (see checksFor).
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

// lazyText is an article's text for one search, read when first asked
// for: a keystroke that only changed a word the previous one ruled on may
// not need it (see prior).
type lazyText struct {
	a      *feed.Article
	folded *text // the index's folded text; nil: the article's own fields
	plain  text
	read   bool // plain holds a's fields
}

func (x *lazyText) get() *text {
	if x.folded != nil {
		return x.folded
	}
	if !x.read {
		x.plain, x.read = textOf(x.a), true
	}
	return &x.plain
}

// score is the relevance of the article with text x (upper: its
// upper-case letters, see needle.pick), in thousandths, and parts (one
// per word) receives each word's part of it. prev are the article's parts
// under an earlier query, nil for none, and p says which of them q's
// words may take (see prior). It also matches the query's top-level
// words, the must ones (see checksFor): ok is false when one is missing,
// as hasText would say, which spares reading the fields twice.
func (r *ranker) score(x *lazyText, upper uint32, prev []wordScore, p *prior, parts []wordScore) (score int32, ok bool) {
	total, inTitle := 0, 0
	for j, w := range r.words {
		var s wordScore
		switch {
		case prev == nil:
			s = r.wordScore(x.get(), w, upper, 0)
		case p.from[j] >= 0:
			s = prev[p.from[j]]
		case p.within[j] >= 0: // a longer word is missing where it was
			s = r.wordScore(x.get(), w, upper, prev[p.within[j]].absent())
		default:
			s = r.wordScore(x.get(), w, upper, 0)
		}
		if w.must && s.points() == 0 {
			return 0, false
		}
		parts[j] = s
		total += s.points()
		if s.inTitle() {
			inTitle++
		}
	}
	if len(r.words) > 1 && inTitle == len(r.words) {
		total += 400 // all the words in the title
		if a, ok := r.phrase.pick(upper); r.phrase.contains(x.get().title, a, ok) {
			total += 500 // as a phrase
		}
	}
	return int32(total), true
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
	parts := make([]wordScore, len(r.words))
	for i, a := range arts {
		page := ""
		if pages != nil {
			page = pages(a)
		}
		x := lazyText{a: a, folded: foldedText(a, page)}
		scores[i], _ = r.score(&x, allUpper, nil, nil, parts)
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
