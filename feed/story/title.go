package story

import (
	"bytes"
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/herald-reader/herald/feed"
)

// Title similarity for stories (see Group).
//
// A title becomes a set of content words: runs of letters and digits,
// lowercased, with apostrophes inside a word dropped ("Intel's" is
// "intel"), a plural or third-person "s" cut from words of four letters or
// more ("models", "expands" match "model", "expand"), and the function words
// of isStopword left out, so "The new way to X" and "A new way for X"
// compare on what they say rather than on their grammar.

// minTitleWords is the fewest content words a title needs to join a
// story by similarity: two-word titles ("AI news", "Market update") say
// too little about which story they tell.
const minTitleWords = 3

// isStopword reports whether w is an English function word, which carries
// no story. Negations ("not", "no") and numbers are deliberately absent:
// they change a story. A switch, not a map: it runs for every word of
// every title, and compiles to a few comparisons without hashing.
func isStopword(w []byte) bool {
	if len(w) > 6 {
		return false
	}
	switch string(w) {
	case "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by",
		"for", "from", "with", "as", "into", "onto", "over", "under", "about", "after",
		"before", "than", "then", "so", "if", "is", "are", "was", "were", "be", "been",
		"being", "am", "has", "have", "had", "do", "does", "did", "will", "would", "can",
		"could", "should", "may", "might", "must", "shall", "its", "it", "this", "that",
		"these", "those", "there", "here", "how", "what", "why", "who", "whom", "whose",
		"when", "where", "which", "while", "he", "she", "they", "we", "you", "i", "his",
		"her", "their", "our", "your", "my", "me", "him", "them", "us":
		return true
	}
	return false
}

// titleWords calls word with each content word of a title, in a buffer
// that is reused: copy it to keep it.
func titleWords(title string, buf []byte, word func([]byte)) []byte {
	w := buf[:0]
	flush := func() {
		if len(w) == 0 {
			return
		}
		if n := len(w); n > 2 && w[n-2] == '\'' && w[n-1] == 's' {
			w = w[:n-2] // possessive, before apostrophes go
		}
		if bytes.IndexByte(w, '\'') >= 0 {
			w = slices.DeleteFunc(w, func(c byte) bool { return c == '\'' })
		}
		if len(w) == 0 || isStopword(w) {
			w = w[:0]
			return
		}
		if n := len(w); n >= 4 && w[n-1] == 's' && w[n-2] != 's' && utf8.RuneCount(w) >= 4 {
			w = w[:n-1]
		}
		word(w)
		w = w[:0]
	}
	for _, r := range title {
		switch {
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
			w = append(w, byte(r))
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
			w = append(w, byte(r)+'a'-'A')
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			w = utf8.AppendRune(w, unicode.ToLower(r))
		case (r == '\'' || r == '’') && len(w) > 0:
			w = append(w, '\'') // inside a word: joined, see flush
		default:
			flush()
		}
	}
	flush()
	return w
}

func hasDigit(w string) bool {
	return strings.ContainsFunc(w, unicode.IsDigit)
}

// titleSets holds every article's content words as a set of token ranks,
// sorted ascending. Ranks order tokens from the rarest in the input to the
// most common, which is what the prefix filter of similarTitles needs.
type titleSets struct {
	toks    [][]int32 // per article; nil when the title is too short
	numeric []bool    // per rank: the token contains a digit
}

func newTitleSets(arts []*feed.Article) titleSets {
	// Words are interned by a 64-bit FNV-1a hash: a map keyed by number is
	// about twice as fast as one keyed by string for the million words of
	// 100,000 titles, and two different words of one library colliding
	// (about one chance in 10^10) would only make two titles a little more
	// alike.
	ids := map[uint64]int32{}
	var words []string // by token id
	var df []int32     // by token id
	toks := make([][]int32, len(arts))
	// All sets share one backing array, grown as needed: 100,000 titles
	// make a handful of allocations, not 100,000.
	var backing, set []int32
	var buf []byte
	add := func(w []byte) {
		h := uint64(14695981039346656037)
		for _, c := range w {
			h = (h ^ uint64(c)) * 1099511628211
		}
		id, ok := ids[h]
		if !ok {
			id = int32(len(words))
			ids[h] = id
			words = append(words, string(w))
			df = append(df, 0)
		}
		set = append(set, id)
	}
	for i, a := range arts {
		set = set[:0]
		buf = titleWords(a.Title, buf, add)
		if len(set) < minTitleWords {
			continue
		}
		slices.Sort(set)
		set = slices.Compact(set)
		if len(set) < minTitleWords {
			continue
		}
		for _, id := range set {
			df[id]++
		}
		if cap(backing)-len(backing) < len(set) {
			backing = make([]int32, 0, max(1<<16, len(set)))
		}
		lo := len(backing)
		backing = append(backing, set...)
		toks[i] = backing[lo:len(backing):len(backing)]
	}
	// Rank tokens by document frequency, then by spelling, so the order (and
	// so the work done, never the result) does not depend on input order.
	order := make([]int32, len(words))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int {
		if c := cmp.Compare(df[x], df[y]); c != 0 {
			return c
		}
		return strings.Compare(words[x], words[y])
	})
	rank := make([]int32, len(words))
	numeric := make([]bool, len(words))
	for r, id := range order {
		rank[id] = int32(r)
		numeric[r] = hasDigit(words[id])
	}
	for _, set := range toks {
		for k, id := range set {
			set[k] = rank[id]
		}
		slices.Sort(set)
	}
	return titleSets{toks: toks, numeric: numeric}
}

// overlap counts the tokens two sorted sets share and reports whether a
// token that only one of them has contains a digit.
func (ts *titleSets) overlap(a, b []int32) (shared int, numDiff bool) {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			shared++
			i++
			j++
		case a[i] < b[j]:
			numDiff = numDiff || ts.numeric[a[i]]
			i++
		default:
			numDiff = numDiff || ts.numeric[b[j]]
			j++
		}
	}
	for ; i < len(a); i++ {
		numDiff = numDiff || ts.numeric[a[i]]
	}
	for ; j < len(b); j++ {
		numDiff = numDiff || ts.numeric[b[j]]
	}
	return shared, numDiff
}

// nearDuplicate is the near-identical title test. The content words of
// one title must all be in the other (the longer one only adds words: an
// outlet's name, "Exclusive:", "(updated)", a subtitle), with Jaccard
// similarity at least t, and no number may appear in one title only
// ("Part 1" and "Part 2", "Q3" and "Q4", "2019" and "2020" are different
// stories however alike the rest is).
//
// A word swapped for another is never near-identical, however long the
// title: "Microsoft brings new AI features to Office apps at Build
// developer conference" and "... to Windows apps ..." are two stories at
// Jaccard 9/11 = 0.82. Re-saves
// of one article with an edited headline are caught by their URL instead.
func (ts *titleSets) nearDuplicate(i, k int, t float64) bool {
	a, b := ts.toks[i], ts.toks[k]
	if a == nil || b == nil {
		return false
	}
	shared, numDiff := ts.overlap(a, b)
	return !numDiff && shared == min(len(a), len(b)) &&
		float64(shared) >= t*float64(len(a)+len(b)-shared)-1e-9
}

// agree is the weaker test that corroborates a related link: Dice
// similarity 2|A∩B|/(|A|+|B|) of the content-word sets at least
// relatedDice. Two outlets' headlines for one event share their key words
// ("ICMR releases first ethical guidelines for AI in healthcare" and
// "Artificial intelligence in Indian healthcare system: ICMR releases first
// ethical guidelines": 0.71), two stories on one topic rarely do ("Google
// and Hugging Face partner to advance generative AI with open models" and
// "Achieve generative AI operational excellence with the LLMOps maturity
// model": 0.35).
func (ts *titleSets) agree(i, k int) bool {
	a, b := ts.toks[i], ts.toks[k]
	if a == nil || b == nil {
		return false
	}
	shared, _ := ts.overlap(a, b)
	return 2*float64(shared) >= relatedDice*float64(len(a)+len(b))-1e-9
}

// relatedDice is the title agreement a mutual related link needs.
const relatedDice = 0.5

// similarTitles calls join(i, k) for every pair of dated articles whose
// titles are near duplicates (see nearDuplicate) and whose days are at most
// window apart. already(i, k) lets it skip pairs known to be joined.
//
// It is a prefix-filtered similarity join: a set of n tokens is indexed
// under only its n-ceil(t*n)+1 rarest tokens, because two sets with
// Jaccard similarity t or more must share one of those (their prefixes
// cannot miss each other). Each posting list is swept in day order, so
// only pairs inside the window are ever compared. Common words ("ai",
// "new") rank last and are almost never indexed, which keeps the lists
// short: the work grows with n log n for real titles.
func (ts *titleSets) similarTitles(days []int64, window int64, t float64, already func(i, k int) bool, join func(i, k int)) {
	type posting struct {
		day int64
		i   int32
	}
	prefix := func(set []int32) []int32 {
		n := len(set)
		return set[:min(n-int(math.Ceil(t*float64(n)-1e-9))+1, n)]
	}
	// The posting lists, one flat array cut by rank (ranks are dense).
	start := make([]int32, len(ts.numeric)+1)
	for i, set := range ts.toks {
		if set != nil && days[i] != undated {
			for _, tok := range prefix(set) {
				start[tok+1]++
			}
		}
	}
	for r := range ts.numeric {
		start[r+1] += start[r]
	}
	all := make([]posting, start[len(start)-1])
	fill := slices.Clone(start)
	for i, set := range ts.toks {
		if set != nil && days[i] != undated {
			for _, tok := range prefix(set) {
				all[fill[tok]] = posting{days[i], int32(i)}
				fill[tok]++
			}
		}
	}
	for r := range ts.numeric {
		l := all[start[r]:start[r+1]]
		if len(l) < 2 {
			continue
		}
		slices.SortFunc(l, func(x, y posting) int {
			if c := cmp.Compare(x.day, y.day); c != 0 {
				return c
			}
			return cmp.Compare(x.i, y.i)
		})
		for p := range l {
			a := l[p]
			na := float64(len(ts.toks[a.i]))
			for _, b := range l[p+1:] {
				if b.day-a.day > window {
					break
				}
				nb := float64(len(ts.toks[b.i]))
				if min(na, nb) < t*max(na, nb)-1e-9 { // sizes alone rule it out
					continue
				}
				i, k := int(a.i), int(b.i)
				if !already(i, k) && ts.nearDuplicate(i, k, t) {
					join(i, k)
				}
			}
		}
	}
}
