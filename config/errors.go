package config

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/herald-reader/herald/internal/plural"
	"github.com/herald-reader/herald/internal/suggest"
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
			Problem: "and " + plural.Count(p.more, "more problem")})
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

// closest is the candidate within three edits of got (fewer for a short
// word), or "".
func closest(got string, candidates []string) string {
	return suggest.Closest(got, candidates, 3)
}
