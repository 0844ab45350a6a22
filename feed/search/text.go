package search

import (
	"strings"

	"github.com/herald-reader/herald/feed"
)

// text holds the searchable fields of an article, each either the
// article's own string or, when that needs it (see needsFold), a folded
// copy. Free words and phrases search all of them but typ. page is the
// text of the article's fetched web page (reader mode), "" when none.
type text struct {
	title, excerpt, body  string
	page                  string
	provider, domain, typ string
	topics, tags, related []string
}

// textOf returns the article's fields as they are.
func textOf(a *feed.Article) text {
	return text{
		title: a.Title, excerpt: a.Excerpt, body: a.Body,
		provider: a.Provider.Name, domain: a.Provider.Domain, typ: a.Type,
		topics: a.Topics, tags: a.Tags, related: a.RelatedTitles,
	}
}

// foldedText returns the article's text with folded copies where needed,
// or nil when no field needs one and there is no page (the common case:
// no copy at all).
func foldedText(a *feed.Article, page string) *text {
	t := textOf(a)
	t.page = page
	changed := page != ""
	for _, s := range []*string{&t.title, &t.excerpt, &t.body, &t.page, &t.provider, &t.domain, &t.typ} {
		if needsFold(*s) {
			*s = string(appendFold(nil, *s, false))
			changed = true
		}
	}
	for _, l := range []*[]string{&t.topics, &t.tags, &t.related} {
		copied := false
		for i, s := range *l {
			if !needsFold(s) {
				continue
			}
			if !copied { // never write into the article's slice
				*l = append([]string(nil), *l...)
				copied = true
			}
			(*l)[i] = string(appendFold(nil, s, false))
			changed = true
		}
	}
	if !changed {
		return nil
	}
	return &t
}

// hasText reports whether a free word or phrase occurs in the text; upper
// is the set of upper-case letters in it (see needle.pick).
func (t *text) hasText(n *needle, upper uint32) bool {
	a, ok := n.pick(upper)
	if n.contains(t.title, a, ok) || n.contains(t.excerpt, a, ok) ||
		n.contains(t.provider, a, ok) || n.contains(t.domain, a, ok) {
		return true
	}
	for _, l := range [...][]string{t.topics, t.tags, t.related} {
		for _, s := range l {
			if n.contains(s, a, ok) {
				return true
			}
		}
	}
	return n.contains(t.body, a, ok) || n.contains(t.page, a, ok) // last: the longest
}

// hasBody is hasText for body: terms, which look at the body and the
// fetched page only.
func (t *text) hasBody(n *needle, upper uint32) bool {
	a, ok := n.pick(upper)
	return n.contains(t.body, a, ok) || n.contains(t.page, a, ok)
}

func (t *text) hasTopic(n *needle) bool {
	for _, s := range t.topics {
		if n.equal(s) {
			return true
		}
	}
	return false
}

// hasProvider: provider:X matches the provider's name or domain, a
// subdomain of X (p:google.com finds blog.google.com), or a label of the
// domain other than the last (p:nikkei finds asia.nikkei.com; p:com finds
// nothing).
func (t *text) hasProvider(n *needle) bool {
	if n.equal(t.provider) || n.equal(t.domain) {
		return true
	}
	for d := t.domain; ; {
		i := strings.IndexByte(d, '.')
		if i < 0 {
			return false
		}
		if n.equal(d[:i]) || n.equal(d) {
			return true
		}
		d = d[i+1:]
	}
}
