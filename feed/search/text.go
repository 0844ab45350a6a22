package search

import (
	"strings"

	"github.com/herald-reader/herald/feed"
)

// text holds the searchable fields of an article, each either the
// article's own string or, when that needs it (see needsFold), a folded
// copy. Free words and phrases search all of them but typ. page is the
// text of the article's fetched web page (reader mode), "" when none.
// body is a full article's body, or a summary's BodyWords (words true,
// cut when not all of them), which answer most searches of the body
// without it (see bodyHas); a is the article, whose body is read again
// for the others.
type text struct {
	title, excerpt, body  string
	page                  string
	provider, domain, typ string
	topics, tags          []string
	folded                feed.Titles // the related titles folded, when foldedRelated
	a                     *feed.Article
	foldedRelated         bool
	words, cut            bool
}

// textOf returns the article's fields as they are.
func textOf(a *feed.Article) text {
	t := text{
		title: a.Title, excerpt: a.Excerpt,
		provider: a.Provider.Name, domain: a.Provider.Domain, typ: a.Type,
		topics: a.Topics, tags: a.Tags, a: a,
	}
	if a.Detail != nil {
		t.body = a.Detail.Body
	} else {
		t.body, t.cut = a.BodyWords()
		t.words = t.body != "" || t.cut
	}
	return t
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
	for _, l := range []*[]string{&t.topics, &t.tags} {
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
	if related, ok := foldedTitles(a.RelatedTitles()); ok {
		t.folded, t.foldedRelated, changed = related, true, true
	}
	if !changed {
		return nil
	}
	// A copy, so that t stays on the stack for the common case above:
	// returning &t allocated every article's text, 20 MB of garbage per
	// 100,000 articles indexed.
	folded := t
	return &folded
}

// related is the article's related titles, or their folded copies. Read
// only when needed: the titles are not in the article's cache line.
func (t *text) related() feed.Titles {
	if t.foldedRelated {
		return t.folded
	}
	return t.a.RelatedTitles()
}

// foldedTitles returns titles with folded copies where needed; false
// when none needs one.
func foldedTitles(titles feed.Titles) (feed.Titles, bool) {
	var folded []string
	for s := range titles.All() {
		if needsFold(s) {
			folded = titles.List()
			break
		}
	}
	if folded == nil {
		return titles, false
	}
	for i, s := range folded {
		if needsFold(s) {
			folded[i] = string(appendFold(nil, s, false))
		}
	}
	return feed.NewTitles(folded...), true
}

// hasText reports whether a free word or phrase occurs in the text; upper
// is the set of upper-case letters in it (see needle.pick).
func (t *text) hasText(n *needle, upper uint32) bool {
	a, ok := n.pick(upper)
	if n.contains(t.title, a, ok) || n.contains(t.excerpt, a, ok) ||
		n.contains(t.provider, a, ok) || n.contains(t.domain, a, ok) {
		return true
	}
	for _, l := range [...][]string{t.topics, t.tags} {
		for _, s := range l {
			if n.contains(s, a, ok) {
				return true
			}
		}
	}
	for s := range t.related().All() {
		if n.contains(s, a, ok) {
			return true
		}
	}
	return t.bodyHas(n, a, ok) || n.contains(t.page, a, ok) // last: the longest
}

// The body is read for a match in three places only, so that a body kept
// another way (its words, not its text) changes just these: bodyHas (free
// words), hasBodyWord (body:) and ranker.bodyStrength (the score).
//
// A summary keeps the body's distinct words (see feed.Article.BodyWords),
// each a run of characters between white space. A needle without a space
// never matches across white space, so it matches a word of the words
// exactly where it matches that word in the body, with the same word
// boundaries around it (a space there, white space in the body): the
// words answer it as the body would. A phrase needs the body itself: the
// words only rule it out when one of its words is missing, and so do cut
// words only when the needle is found among them.

// bodyHas reports whether the body holds n anywhere (see hasText).
func (t *text) bodyHas(n *needle, a anchor, ok bool) bool {
	if !t.words {
		return n.contains(t.body, a, ok)
	}
	if decided, has := t.wordsDecide(n, !n.phrase() && n.contains(t.body, a, ok)); decided {
		return has
	}
	a, ok = n.pick(allUpper)
	return n.contains(t.readBody(), a, ok)
}

// hasBodyWord is the body: qualifier: w in the body or the fetched page.
func (t *text) hasBodyWord(w word) bool {
	switch {
	case w.in(t.page):
		return true
	case !t.words:
		return w.in(t.body)
	}
	if decided, has := t.wordsDecide(w.n, !w.n.phrase() && w.in(t.body)); decided {
		return has
	}
	w.a, w.ok = w.n.pick(allUpper)
	return w.in(t.readBody())
}

// wordsDecide reports whether the body's words (t.words) decide if the
// body holds the needle n, and if so whether it does; found is whether n,
// not a phrase, is among the words. Sorted, a phrase found among them may
// join two words the body never puts side by side, so a phrase is decided
// only by one of its words missing.
func (t *text) wordsDecide(n *needle, found bool) (decided, has bool) {
	if n.phrase() {
		return !t.cut && !n.partsIn(t.body), false
	}
	return found || !t.cut, found
}

// readBody is the article's body read again from its file, folded like
// the fields the index keeps (see needsFold); "" when it cannot be read
// (the file is gone: its next load drops the article).
func (t *text) readBody() string {
	body, err := feed.ReadBody(t.a)
	if err != nil {
		return ""
	}
	if needsFold(body) {
		body = string(appendFold(nil, body, false))
	}
	return body
}

// hasTopic: topic:X matches a topic that has a word starting with X
// (t:learn finds Machine Learning), or when exact the whole topic.
func (t *text) hasTopic(n *needle, exact bool, upper uint32) bool {
	w := word{n: n}
	w.a, w.ok = n.pick(upper)
	for _, s := range t.topics {
		if n.equal(s) || !exact && w.in(s) {
			return true
		}
	}
	return false
}

// hasProvider: provider:X matches the provider's name or domain, a
// subdomain of X (p:google.com finds blog.google.com), or a label of the
// domain other than the last (p:nikkei finds asia.nikkei.com; p:com finds
// nothing). Not exact, it also matches a word of the name by prefix
// (p:fox finds Fox News) and a domain from a label other than the last on
// by prefix (p:forbes.c finds forbes.com).
func (t *text) hasProvider(n *needle, exact bool, upper uint32) bool {
	if n.equal(t.provider) || n.equal(t.domain) {
		return true
	}
	if !exact {
		w := word{n: n}
		if w.a, w.ok = n.pick(upper); w.in(t.provider) {
			return true
		}
	}
	for d := t.domain; ; {
		i := strings.IndexByte(d, '.')
		if i < 0 {
			return false
		}
		if n.equal(d[:i]) || n.equal(d) || !exact && hasPrefixFold(d, n.s) {
			return true
		}
		d = d[i+1:]
	}
}

// hasPrefixFold reports whether h starts with the folded needle text n
// (h as the matcher takes it, see matchAt).
func hasPrefixFold(h, n string) bool {
	_, ok := matchAt(h, 0, n)
	return ok
}
