package search

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/herald-reader/herald/internal/suggest"
)

// State is the reading state a query can ask about (is:read, is:starred).
// It must be safe for concurrent use: Index.Search calls it from several
// goroutines. state.Store implements it.
type State interface {
	IsRead(id string) bool
	IsStarred(id string) bool
}

// Query is a parsed search: terms that must all match (AND). The zero
// Query matches every article.
//
//	free words, "quoted phrases"   title, excerpt, body, provider, topics,
//	                               tags and related titles; case and
//	                               accents ignored; a word matches inside
//	                               longer words (goog finds Google)
//	topic:AI  t:"Machine Learning" an article topic (whole, folded)
//	provider:Forbes  p:forbes.com  provider name or domain (see hasProvider)
//	since:7d  since:2024-01-01     published at or after (h d w m y ago,
//	before:2w before:2024-03       YYYY-MM-DD, YYYY-MM, YYYY, today,
//	                               yesterday; days start in now's zone);
//	                               never true for an undated article
//	is:unread  is:read  is:starred the reading state
//	type:article                   the article type
//	in:_news  in:_learning/videos  the article's folder under its root,
//	                               or a folder below it (ASCII case
//	                               ignored)
//	body:cranes  body:"red cranes" the body and the fetched web page
//	                               (reader mode) only, as a free word
//	-TERM                          any term negated
type Query struct {
	src   string
	terms []term
	text  bool // some term looks at the article's text (see text)
}

type termKind uint8

// Kinds in the order terms are evaluated: cheapest first.
const (
	kindIs termKind = iota
	kindSince
	kindBefore
	kindIn
	kindType
	kindTopic
	kindProvider
	kindText
	kindBody
)

type term struct {
	kind termKind
	neg  bool
	n    needle    // type, topic, provider, text
	at   time.Time // since, before
	is   string    // read, unread, starred
	in   string    // in: the folder, slash-separated, no slash at either end
}

// qualifierNames are the qualifiers suggested for a misspelt one.
const qualifierNames = "topic provider since before is type in body"

// qualifier returns the kind of a key (lower case) and the usage hint shown
// when its value is missing or wrong.
func qualifier(key string) (kind termKind, hint string, ok bool) {
	switch key {
	case "topic", "t":
		return kindTopic, key + `: wants a topic, e.g. ` + key + `:AI or ` + key + `:"Machine Learning"`, true
	case "provider", "p":
		return kindProvider, key + `: wants a name or domain, e.g. ` + key + `:Forbes or ` + key + `:forbes.com`, true
	case "since":
		return kindSince, "since: wants 7d, 2w, 3m or 2024-01-01", true
	case "before":
		return kindBefore, "before: wants 7d, 2w, 3m or 2024-01-01", true
	case "is":
		return kindIs, "is: wants unread, read or starred", true
	case "type":
		return kindType, "type: wants an article type, e.g. type:article", true
	case "in":
		return kindIn, "in: wants a folder under the library's folder, e.g. in:_news or in:_learning/videos", true
	case "body":
		return kindBody, `body: wants words, e.g. body:cranes or body:"red cranes"`, true
	}
	return 0, "", false
}

// ParseQuery parses what the user typed in the filter. now resolves
// relative dates (since:7d). The error text is a short hint to show in
// place of the results: an unknown qualifier (with a suggestion), a bad
// value, an unterminated quote.
func ParseQuery(s string, now time.Time) (Query, error) {
	toks, err := splitTerms(s)
	if err != nil {
		return Query{}, err
	}
	q := Query{src: s}
	for _, tok := range toks {
		t, ok, err := parseTerm(tok, now)
		if err != nil {
			return Query{}, err
		}
		if ok {
			q.terms = append(q.terms, t)
		}
	}
	slices.SortStableFunc(q.terms, func(a, b term) int { return int(a.kind) - int(b.kind) })
	q.text = slices.ContainsFunc(q.terms, func(t term) bool { return t.kind >= kindType })
	return q, nil
}

// String returns the query as typed.
func (q Query) String() string { return q.src }

// Words are the words and phrases the query looks for in the text (free
// words and body: values, not negated), folded as they are matched (see
// Fold): what a reader would highlight.
func (q Query) Words() []string {
	var out []string
	for _, t := range q.terms {
		if !t.neg && (t.kind == kindText || t.kind == kindBody) && t.n.s != "" {
			out = append(out, t.n.s)
		}
	}
	return out
}

// Empty reports whether the query matches everything.
func (q Query) Empty() bool { return len(q.terms) == 0 }

// splitTerms splits at white space outside double quotes.
func splitTerms(s string) ([]string, error) {
	var toks []string
	start, quoted := -1, false
	for i, r := range s {
		switch {
		case r == '"':
			quoted = !quoted
		case unicode.IsSpace(r) && !quoted:
			if start >= 0 {
				toks = append(toks, s[start:i])
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if quoted {
		return nil, errors.New(`unterminated quote: add a closing "`)
	}
	if start >= 0 {
		toks = append(toks, s[start:])
	}
	return toks, nil
}

// parseTerm parses one token; ok is false for a token that means nothing
// (a lone "-" or "" while the user is still typing).
func parseTerm(tok string, now time.Time) (t term, ok bool, err error) {
	if len(tok) > 1 && tok[0] == '-' {
		t.neg, tok = true, tok[1:]
	}
	key, val, isQual := splitQualifier(tok)
	if !isQual {
		v := normalizeSpace(Fold(strings.ReplaceAll(tok, `"`, "")))
		if v == "" || v == "-" {
			return t, false, nil
		}
		t.kind, t.n = kindText, newNeedle(v)
		return t, true, nil
	}
	kind, hint, known := qualifier(strings.ToLower(key))
	if !known {
		return t, false, unknownQualifier(key, tok)
	}
	t.kind = kind
	val = normalizeSpace(strings.ReplaceAll(val, `"`, ""))
	if val == "" {
		return t, false, errors.New(hint)
	}
	switch t.kind {
	case kindIs:
		switch t.is = Fold(val); t.is {
		case "read", "unread", "starred":
		default:
			return t, false, errors.New(hint)
		}
	case kindSince, kindBefore:
		if t.at, ok = parseWhen(Fold(val), now); !ok {
			return t, false, errors.New(hint)
		}
	case kindIn:
		if t.in = strings.Trim(strings.ReplaceAll(val, `\`, "/"), "/"); t.in == "" {
			return t, false, errors.New(hint)
		}
	case kindBody:
		t.n = newNeedle(normalizeSpace(Fold(val))) // as a free word
	default:
		t.n = newNeedle(Fold(val))
	}
	return t, true, nil
}

// splitQualifier splits "key:value" when key is letters only (so "10:30"
// and "C++:" stay text).
func splitQualifier(tok string) (key, val string, ok bool) {
	i := strings.IndexByte(tok, ':')
	if i <= 0 {
		return "", "", false
	}
	for _, c := range []byte(tok[:i]) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return "", "", false
		}
	}
	return tok[:i], tok[i+1:], true
}

func unknownQualifier(key, tok string) error {
	// Sorted, so that of equally near names the first in the alphabet wins.
	names := slices.Sorted(slices.Values(strings.Fields(qualifierNames)))
	if best := suggest.Closest(key, names, 2); best != "" {
		return fmt.Errorf("unknown qualifier %q (did you mean %q)", key+":", best+":")
	}
	return fmt.Errorf(`unknown qualifier %q (use topic:, provider:, since:, before:, is:, type: or in:, or quote it to search for the text: "%s")`,
		key+":", tok)
}

// parseWhen resolves a since:/before: value against now.
func parseWhen(v string, now time.Time) (time.Time, bool) {
	loc := now.Location()
	day := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc) }
	switch v {
	case "today":
		return day(now), true
	case "yesterday":
		return day(now).AddDate(0, 0, -1), true
	}
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(v) == len(layout) {
			if t, err := time.ParseInLocation(layout, v, loc); err == nil {
				return t, true
			}
		}
	}
	if len(v) < 2 || len(v) > 6 {
		return time.Time{}, false
	}
	n := 0
	for _, c := range []byte(v[:len(v)-1]) {
		if c < '0' || c > '9' {
			return time.Time{}, false
		}
		n = n*10 + int(c-'0')
	}
	switch v[len(v)-1] {
	case 'h':
		return now.Add(-time.Duration(n) * time.Hour), true
	case 'd':
		return now.AddDate(0, 0, -n), true
	case 'w':
		return now.AddDate(0, 0, -7*n), true
	case 'm':
		return now.AddDate(0, -n, 0), true
	case 'y':
		return now.AddDate(-n, 0, 0), true
	}
	return time.Time{}, false
}
