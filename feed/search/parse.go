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

// The grammar, loosest first:
//
//	query = and { "OR" and }
//	and   = item { item }
//	item  = [ "-" ] "(" query ")" | term
//
// OR is a word of its own in capitals (or, Or stay words to look for). A
// "(" opens a group only where a term starts, and a ")" closes one only
// when one is open, so "f(x)" and "(sic)" stay text outside a group.

type tokenKind uint8

const (
	tokTerm tokenKind = iota
	tokOpen
	tokNegOpen
	tokClose
	tokOr
)

type token struct {
	kind tokenKind
	s    string
	off  int  // where s starts in the query
	last bool // the term typed last, with nothing after it (see term.prefix)
}

var errLoneOr = errors.New("OR wants a term on each side, e.g. t:AI OR t:robotics")

// tokenize splits at white space and parentheses outside double quotes.
func tokenize(s string) ([]token, error) {
	var toks []token
	start, quoted, depth := -1, false, 0
	flush := func(end int) {
		if start >= 0 {
			toks = append(toks, token{kind: tokTerm, s: s[start:end], off: start})
			start = -1
		}
	}
	for i, r := range s {
		switch {
		case r == '"':
			quoted = !quoted
		case quoted:
		case unicode.IsSpace(r):
			flush(i)
			continue
		case r == '(' && start < 0:
			toks = append(toks, token{kind: tokOpen, s: "(", off: i})
			depth++
			continue
		case r == '(' && i == start+1 && s[start] == '-':
			toks = append(toks, token{kind: tokNegOpen, s: "-(", off: start})
			start = -1
			depth++
			continue
		case r == ')' && depth > 0:
			flush(i)
			toks = append(toks, token{kind: tokClose, s: ")", off: i})
			depth--
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if quoted {
		return nil, errors.New(`unterminated quote: add a closing "`)
	}
	flush(len(s))
	if depth > 0 {
		return nil, errors.New("unclosed parenthesis: add a closing )")
	}
	for i := range toks {
		if toks[i].kind == tokTerm && toks[i].s == "OR" {
			toks[i].kind = tokOr
		}
	}
	if n := len(toks); n > 0 && toks[n-1].kind == tokTerm && strings.HasSuffix(s, toks[n-1].s) {
		toks[n-1].last = true
	}
	return toks, nil
}

type parser struct {
	src  string
	toks []token
	pos  int
	now  time.Time
}

// or parses alternatives joined by OR, up to a ")" or the end.
func (p *parser) or() ([]Query, error) {
	var alts []Query
	for {
		q, err := p.and()
		if err != nil {
			return nil, err
		}
		alts = append(alts, q)
		if p.pos == len(p.toks) || p.toks[p.pos].kind != tokOr {
			break
		}
		p.pos++
	}
	if len(alts) > 1 && slices.ContainsFunc(alts, Query.Empty) {
		return nil, errLoneOr
	}
	return alts, nil
}

// and parses items up to an OR, a ")" or the end.
func (p *parser) and() (Query, error) {
	var q Query
	for p.pos < len(p.toks) {
		tok := p.toks[p.pos]
		switch tok.kind {
		case tokOr, tokClose:
			q.finish()
			return q, nil
		case tokOpen, tokNegOpen:
			start := p.pos
			p.pos++
			alts, err := p.or()
			if err != nil {
				return Query{}, err
			}
			p.pos++ // the ")": tokenize balanced them
			q.addGroup(group{neg: tok.kind == tokNegOpen, alts: alts, key: p.source(start+1, p.pos-1)})
			continue
		}
		p.pos++
		t, ok, err := parseTerm(tok.s, p.now)
		if err != nil {
			return Query{}, err
		}
		if ok {
			t.prefix = tok.last && t.kind == kindText && !strings.Contains(tok.s, `"`)
			q.terms = append(q.terms, t)
		}
	}
	q.finish()
	return q, nil
}

// source is the text of the tokens [from, to) as written (a part of
// the query: no copy, however deep the groups).
func (p *parser) source(from, to int) string {
	if from >= to {
		return ""
	}
	last := p.toks[to-1]
	return p.src[p.toks[from].off : last.off+len(last.s)]
}

// addGroup adds g to q; a plain "( ... )" without OR is just its terms.
func (q *Query) addGroup(g group) {
	if !g.neg && len(g.alts) == 1 {
		q.terms = append(q.terms, g.alts[0].terms...)
		q.groups = append(q.groups, g.alts[0].groups...)
		return
	}
	q.groups = append(q.groups, g)
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
	t.kind, t.exact = kind, strings.Contains(val, `"`)
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
	case kindSite:
		if val = siteValue(val); val == "" {
			return t, false, errors.New(hint)
		}
		t.n = newNeedle(Fold(val))
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
	return fmt.Errorf(`unknown qualifier %q (use topic:, provider:, title:, excerpt:, body:, related:, site:, since:, before:, is:, type: or in:, or quote it to search for the text: "%s")`,
		key+":", tok)
}
