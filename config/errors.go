package config

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// Error is one problem with a configuration: which file and line, which
// setting, what is wrong and, when there is one, a hint towards the fix.
// Load and Validate return these, joined with errors.Join when there are
// several, so callers can print them one per line or pick them apart with
// errors.As.
type Error struct {
	Path    string // the config file; "" for a Config built in code
	Line    int    // 1-based; 0 when unknown
	Setting string // dotted name such as "layout.split_at"; "" for the file as a whole
	Problem string
	Hint    string // without parentheses; "" when there is none
}

// Error formats the problem as PATH:LINE: SETTING: problem (hint), leaving
// out the parts that are unknown.
func (e *Error) Error() string {
	var b strings.Builder
	if e.Path != "" {
		b.WriteString(clean(e.Path))
		if e.Line > 0 {
			fmt.Fprintf(&b, ":%d", e.Line)
		}
		b.WriteString(": ")
	}
	if e.Setting != "" {
		b.WriteString(clean(e.Setting))
		b.WriteString(": ")
	}
	b.WriteString(e.Problem)
	if e.Hint != "" {
		b.WriteString(" (")
		b.WriteString(e.Hint)
		b.WriteString(")")
	}
	return b.String()
}

// maxErrors caps how many problems one load reports: a file that is wrong
// everywhere (the wrong file passed to --config) should not flood the
// terminal.
const maxErrors = 20

// problems collects the errors of one load or validation.
type problems struct {
	path string
	errs []error
	more int
}

func (p *problems) add(line int, setting, problem, hint string) {
	if len(p.errs) >= maxErrors {
		p.more++
		return
	}
	p.errs = append(p.errs, &Error{Path: p.path, Line: line, Setting: setting, Problem: problem, Hint: hint})
}

// err joins the problems in file order (checks that span settings, such
// as key conflicts, run after the walk but belong where their line is).
func (p *problems) err() error {
	slices.SortStableFunc(p.errs, func(a, b error) int {
		return cmp.Compare(a.(*Error).Line, b.(*Error).Line)
	})
	if p.more > 0 {
		errs := append(p.errs[:len(p.errs):len(p.errs)], &Error{Path: p.path,
			Problem: fmt.Sprintf("and %d more problems", p.more)})
		return errors.Join(errs...)
	}
	return errors.Join(p.errs...)
}

// clean makes text from the config file safe and short enough to print:
// control and invisible format characters become "?", and long values are
// cut, because the text ends up on the user's terminal.
func clean(s string) string {
	const max = 80
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == max {
			b.WriteString("...")
			break
		}
		if r == unicode.ReplacementChar || !unicode.IsPrint(r) && r != ' ' {
			r = '?'
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// quote is clean text in double quotes, for values inside a message.
func quote(s string) string { return `"` + clean(s) + `"` }

// didYouMean is the hint naming the candidate closest to got, or "" when
// nothing is close enough to be a plausible typo.
func didYouMean(got string, candidates []string) string {
	if best := closest(got, candidates); best != "" {
		return fmt.Sprintf("did you mean %q?", best)
	}
	return ""
}

// closest returns the candidate with the smallest edit distance to got,
// provided that distance is small relative to the word (a third of its
// length, at least 1 and at most 3); "" otherwise.
func closest(got string, candidates []string) string {
	g := strings.ToLower(got)
	limit := max(1, min(3, len([]rune(g))/3))
	best, bestDist := "", limit+1
	for _, c := range candidates {
		d := editDistance(g, strings.ToLower(c))
		if d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the Damerau-Levenshtein (optimal string alignment)
// distance, so a swap of two neighbours ("layuot") counts as one edit.
func editDistance(a, b string) int {
	s, t := []rune(a), []rune(b)
	if len(s) > 64 || len(t) > 64 {
		return 1 << 20 // not a typo of a setting name; skip the quadratic work
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
