package config

import (
	"fmt"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/herald-reader/herald/feed/search"
)

// Saved searches and mute rules are queries in the filter's language
// (feed/search). They stay text here, like colours: the reader and the
// commands parse them when they use them (a since:7d counts from then),
// and Load only checks that they parse.

// SavedSearch is one entry of the searches setting.
type SavedSearch struct {
	// Name is what the picker shows and --saved takes: printable, unique.
	Name string
	// Query is in the filter's query language.
	Query string
	// Sort is a sort key's name (search.ParseSortKey); "" keeps the
	// current sort.
	Sort string
}

// SavedSearch is the saved search named name.
func (c Config) SavedSearch(name string) (SavedSearch, bool) {
	for _, s := range c.Searches {
		if s.Name == name {
			return s, true
		}
	}
	return SavedSearch{}, false
}

// SearchNames are the saved searches' names, in file order.
func (c Config) SearchNames() []string {
	names := make([]string, len(c.Searches))
	for i, s := range c.Searches {
		names[i] = s.Name
	}
	return names
}

const searchesExample = `for example "  - {name: AI, query: topic:AI since:7d}" on the next line`

// searches decodes a list of {name, query, sort} mappings.
func (d *decoder) searches(s *setting, v *yaml.Node) []SavedSearch {
	if isNull(v) {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		d.p.add(v.Line, s.name, "expected a list of searches, got "+got(v), searchesExample)
		return nil
	}
	var out []SavedSearch
	first := map[string]int{} // name -> line
	for _, item := range v.Content {
		if item.Kind != yaml.MappingNode {
			d.p.add(item.Line, s.name, "expected name: and query:, got "+got(item), searchesExample)
			continue
		}
		ss, line, ok := d.savedSearch(s.name, item)
		if !ok {
			continue
		}
		if at, dup := first[ss.Name]; dup {
			d.p.add(line, s.name, fmt.Sprintf("the name %s is used twice (first on line %d)", quote(ss.Name), at),
				"give each search its own name")
			continue
		}
		first[ss.Name] = line
		out = append(out, ss)
	}
	return out
}

// savedSearch reads one entry; line is its name's line.
func (d *decoder) savedSearch(setting string, v *yaml.Node) (ss SavedSearch, line int, ok bool) {
	ok, line = true, v.Line
	fields := map[string]*yaml.Node{}
	d.entries(v, setting, func(k, val *yaml.Node, field string) {
		switch field {
		case "name", "query", "sort":
		default:
			d.p.add(k.Line, setting+"."+field, "unknown setting", didYouMean(field, []string{"name", "query", "sort"}))
			ok = false
			return
		}
		if val.Kind != yaml.ScalarNode || isNull(val) {
			d.p.add(val.Line, setting+"."+field, "expected text, got "+got(val), "")
			ok = false
			return
		}
		fields[field] = val
	})
	if !ok {
		return ss, line, false
	}
	for field, n := range fields {
		switch field {
		case "name":
			ss.Name, line = n.Value, n.Line
		case "query":
			ss.Query = n.Value
		case "sort":
			ss.Sort = n.Value
		}
	}
	if problem, hint, field := validateSearch(&ss); problem != "" {
		at := line
		if n := fields[field]; n != nil {
			at = n.Line
		}
		d.p.add(at, setting, problem, hint)
		return ss, line, false
	}
	return ss, line, true
}

// validateSearch checks one saved search and normalises its sort; field
// is the field at fault.
func validateSearch(ss *SavedSearch) (problem, hint, field string) {
	switch {
	case ss.Name == "":
		return "a search without a name", `add "name: ..."`, "name"
	case hasControl(ss.Name):
		return fmt.Sprintf("the name %s must be printable text", quote(ss.Name)), "", "name"
	case ss.Query == "":
		return fmt.Sprintf("search %s has no query", quote(ss.Name)), `add "query: ..."`, "query"
	}
	if _, err := search.ParseQuery(ss.Query, time.Now()); err != nil {
		return fmt.Sprintf("search %s: bad query %s: %s", quote(ss.Name), quote(ss.Query), clean(err.Error())), "", "query"
	}
	if ss.Sort != "" {
		norm, problem, hint := checkChoice(ss.Sort, "sort", SortNames())
		if problem != "" {
			return fmt.Sprintf("search %s: %s", quote(ss.Name), problem), hint, "sort"
		}
		ss.Sort = norm
	}
	return "", "", ""
}

// SortNames are the sort keys' names, in the order S cycles through them.
func SortNames() []string {
	var names []string
	for _, k := range search.SortKeys() {
		names = append(names, k.String())
	}
	return names
}

// validateSearches checks searches built in code (Validate).
func validateSearches(p *problems, list []SavedSearch) {
	seen := map[string]bool{}
	for _, ss := range list {
		if problem, hint, _ := validateSearch(&ss); problem != "" {
			p.add(0, "searches", problem, hint)
		}
		if seen[ss.Name] {
			p.add(0, "searches", fmt.Sprintf("the name %s is used twice", quote(ss.Name)), "give each search its own name")
		}
		seen[ss.Name] = true
	}
}

// searchesNode prints each search as a flow mapping on one line.
func searchesNode(list []SavedSearch) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode}
	for _, ss := range list {
		m := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle,
			Content: []*yaml.Node{scalar("name"), textNode(ss.Name), scalar("query"), textNode(ss.Query)}}
		if ss.Sort != "" {
			m.Content = append(m.Content, scalar("sort"), scalar(ss.Sort))
		}
		n.Content = append(n.Content, m)
	}
	if len(list) == 0 {
		n.Style = yaml.FlowStyle
	}
	return n
}

// checkMuteRule accepts a query that search.ParseMuteRule takes.
func checkMuteRule(v string, _ *env) (string, string, string) {
	if _, err := search.ParseMuteRule(v, time.Now()); err != nil {
		return "", fmt.Sprintf("bad rule %s: %s", quote(v), clean(err.Error())), ""
	}
	return v, "", ""
}
