package search

import (
	"cmp"
	"path"
	"slices"
	"strings"

	"github.com/herald-reader/herald/feed"
)

// FacetCount is one entry of a facet picker: a topic or provider and how
// many articles of the current results have it.
type FacetCount struct {
	Name  string
	Count int
}

// Facets counts the topics and providers of arts (the current results),
// most frequent first, then by name. Names that differ only in case or
// accents count as one, under the spelling seen first. A provider is
// named by its name, else its domain. An article counts once per topic.
func Facets(arts []*feed.Article) (topics, providers []FacetCount) {
	tc, pc := newCounter(), newCounter()
	for _, a := range arts {
		for i, t := range a.Topics {
			if slices.ContainsFunc(a.Topics[:i], func(s string) bool { return Fold(s) == Fold(t) }) {
				continue // listed twice in one article
			}
			tc.add(t)
		}
		pc.add(cmp.Or(a.Provider.Name, a.Provider.Domain))
	}
	return tc.sorted(), pc.sorted()
}

// Folders counts the folders of arts (the current results) under their
// library roots, as in:FOLDER picks them: each folder holding articles and
// each folder above it, counting the articles in it and below it, in path
// order so that a folder's subfolders follow it. Articles at a root are in
// no folder.
func Folders(arts []*feed.Article) []FacetCount {
	counts := map[string]int{}
	for _, a := range arts {
		for dir := path.Dir(a.Rel()); dir != "." && dir != "/" && dir != ""; dir = path.Dir(dir) {
			counts[dir]++
		}
	}
	out := make([]FacetCount, 0, len(counts))
	for name, n := range counts {
		out = append(out, FacetCount{Name: name, Count: n})
	}
	slices.SortFunc(out, func(a, b FacetCount) int { return strings.Compare(a.Name, b.Name) })
	return out
}

type counter struct {
	exact  map[string]int // name as written -> index in list (saves a fold)
	folded map[string]int // folded name -> index in list
	list   []FacetCount
}

func newCounter() counter { return counter{exact: map[string]int{}, folded: map[string]int{}} }

func (c *counter) add(name string) {
	i, ok := c.exact[name]
	if !ok {
		trimmed := strings.TrimSpace(name)
		if trimmed == "" {
			return
		}
		k := Fold(trimmed)
		if i, ok = c.folded[k]; !ok {
			i = len(c.list)
			c.folded[k] = i
			c.list = append(c.list, FacetCount{Name: trimmed})
		}
		c.exact[name] = i
	}
	c.list[i].Count++
}

func (c *counter) sorted() []FacetCount {
	slices.SortFunc(c.list, func(a, b FacetCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(Fold(a.Name), Fold(b.Name)), cmp.Compare(a.Name, b.Name))
	})
	return c.list
}

// QualifierTerm writes a query term for a facet the user picked, quoted
// when needed: QualifierTerm("topic", "Machine Learning") is
// topic:"Machine Learning". A topic or provider is always quoted, so that
// the term selects that facet and no other that shares a word with it
// (t:"AI", not AI Chips). The UI appends it to the query.
func QualifierTerm(key, value string) string {
	value = strings.ReplaceAll(value, `"`, "") // cannot be written in a term
	kind, _, _ := qualifier(strings.ToLower(key))
	if kind == kindTopic || kind == kindProvider || value == "" ||
		strings.ContainsFunc(value, func(r rune) bool { return r == ' ' || r == '\t' || r == ':' || r == '(' || r == ')' }) {
		return key + `:"` + value + `"`
	}
	return key + ":" + value
}
