package search

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/herald-reader/herald/feed"
)

// Mute is a list of mute rules (the config's mute setting): an article
// is muted when any rule matches it. The reader hides muted articles,
// and every count leaves them out, until the user asks to see them.
type Mute []Query

// ParseMute parses mute rules; now resolves relative dates as ParseQuery
// does. The error names the first rule that does not parse.
func ParseMute(rules []string, now time.Time) (Mute, error) {
	m := make(Mute, 0, len(rules))
	for _, r := range rules {
		q, err := ParseMuteRule(r, now)
		if err != nil {
			return nil, fmt.Errorf("mute rule %q: %w", r, err)
		}
		m = append(m, q)
	}
	return m, nil
}

// ParseMuteRule parses one mute rule: a query that matches something and
// does not ask about the reading state. Muting must not depend on the
// marks: an article read would otherwise hide itself, and the set of
// muted articles could not be computed once per library.
func ParseMuteRule(rule string, now time.Time) (Query, error) {
	q, err := ParseQuery(rule, now)
	switch {
	case err != nil:
		return Query{}, err
	case q.Empty():
		return Query{}, errors.New("the rule is empty: it would mute every article")
	case q.asksState():
		return Query{}, errors.New("a mute rule cannot use is: (muting never depends on the marks)")
	}
	return q, nil
}

// asksState reports whether the query has an is: term anywhere,
// however it is negated or grouped ("-is:read", "(is:starred OR x)").
func (q *Query) asksState() bool {
	return slices.ContainsFunc(q.terms, func(t term) bool { return t.kind == kindIs }) ||
		slices.ContainsFunc(q.groups, func(g group) bool {
			return slices.ContainsFunc(g.alts, func(a Query) bool { return a.asksState() })
		})
}

// Muted reports whether any rule matches a.
func (m Mute) Muted(a *feed.Article) bool {
	for _, q := range m {
		if q.Match(a, nil) {
			return true
		}
	}
	return false
}
