// Package suggest finds the "did you mean" for a misspelt name: the
// nearest candidate by edit distance, when it is near enough to be a typo.
// The config file's unknown keys and the query language's unknown
// qualifiers both use it; each phrases its own message.
package suggest

import "strings"

// Closest returns the candidate the fewest edits away from got, ignoring
// case, provided that is few enough to be a typo: at most a third of got's
// length, but at least 1 and at most maxEdits. Of equally near candidates
// the first wins. It returns "" when none is near enough.
func Closest(got string, candidates []string, maxEdits int) string {
	g := strings.ToLower(got)
	limit := max(1, min(maxEdits, len([]rune(g))/3))
	best, bestDist := "", limit+1
	for _, c := range candidates {
		if d := distance(g, strings.ToLower(c)); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// tooLong is the length in runes past which a word is no typo of a name,
// and distance skips its quadratic work.
const tooLong = 64

// distance is the Damerau-Levenshtein (optimal string alignment) distance
// in runes, so a swap of two neighbours ("layuot") counts as one edit.
func distance(a, b string) int {
	s, t := []rune(a), []rune(b)
	if len(s) > tooLong || len(t) > tooLong {
		return 1 << 20
	}
	prev2 := make([]int, len(t)+1)
	prev := make([]int, len(t)+1)
	cur := make([]int, len(t)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(s); i++ {
		cur[0] = i
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(t)]
}
