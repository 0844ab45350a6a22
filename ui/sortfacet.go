package ui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/feed/search"
	"github.com/herald-reader/herald/internal/textsafe"
)

// facetPicker lists the topics, providers or folders of the current
// results with their counts (search.Facets, search.Folders); choosing one
// appends its qualifier to the query (search.QualifierTerm).
type facetPicker struct {
	key    string // "topic", "provider" or "folder"
	items  []search.FacetCount
	cursor int
	// gen numbers the counting runs, so a late result for a picker the
	// user closed or replaced is dropped.
	gen int
}

// facetsMsg is a finished count for picker run gen.
type facetsMsg struct {
	gen   int
	key   string
	items []search.FacetCount
}

// openFacets counts the facets of the shown articles in a Cmd (folding
// every topic of 100,000 articles takes a while); the picker opens when
// the count lands.
func (m *Model) openFacets(key string) tea.Cmd {
	m.facets.gen++
	gen := m.facets.gen
	arts := make([]*feed.Article, len(m.list.items))
	for i, it := range m.list.items {
		arts[i] = it.(item).a
	}
	m.status.set("Counting %ss%s", key, m.styles.Ellipsis)
	return func() tea.Msg {
		if key == "folder" {
			return facetsMsg{gen: gen, key: key, items: search.Folders(arts)}
		}
		topics, providers := search.Facets(arts)
		if key == "topic" {
			return facetsMsg{gen: gen, key: key, items: topics}
		}
		return facetsMsg{gen: gen, key: key, items: providers}
	}
}

func (m *Model) handleFacets(msg facetsMsg) tea.Cmd {
	p := m.facets
	if msg.gen != p.gen || m.over != noOverlay || m.filter.active {
		return nil
	}
	m.status.set("")
	if len(msg.items) == 0 {
		m.status.set("No %ss in these results.", msg.key)
		return nil
	}
	p.key, p.items, p.cursor = msg.key, msg.items, 0
	m.over = facetOverlay
	return nil
}

func (m *Model) handleFacetKey(msg tea.KeyMsg, count int) tea.Cmd {
	k, p := &m.keys, m.facets
	per := max(1, m.layout.BodyHeight-1)
	var moved bool
	if p.cursor, moved = navigate(k, msg, p.cursor, len(p.items), per, count); moved {
		return nil
	}
	switch {
	case keyIs(msg, k.Quit):
		return tea.Quit
	case keyIs(msg, k.Back, k.Topics, k.Providers, k.Folders):
		m.over = noOverlay
	case keyIs(msg, k.Open):
		m.over = noOverlay
		qualifier := p.key
		if qualifier == "folder" {
			qualifier = "in"
		}
		return m.appendTerm(search.QualifierTerm(qualifier, p.items[p.cursor].Name))
	}
	return nil
}

func (p *facetPicker) view(w, h int, s *Styles) []string {
	if h <= 0 {
		return nil
	}
	title := map[string]string{"topic": "Topics", "provider": "Providers", "folder": "Folders"}[p.key]
	pos := fmt.Sprintf("%d/%d", p.cursor+1, len(p.items))
	out := []string{leftRight(s.Overlay.Render(title+" in these results"), s.Header.Render(pos), w, s.Ellipsis)}
	rows := max(1, h-1)
	start := p.cursor / rows * rows
	numW := 0
	for _, it := range p.items {
		numW = max(numW, len(fmt.Sprint(it.Count)))
	}
	for i := start; i < len(p.items) && len(out) < h; i++ {
		marker := "  "
		if i == p.cursor {
			marker = s.Marker.Render(s.MarkerGlyph) + " "
		}
		n := s.Link.Render(fmt.Sprintf("%*d", numW, p.items[i].Count))
		out = append(out, fit(marker+n+"  "+textsafe.Line(p.items[i].Name), w, s.Ellipsis))
	}
	return append(out, fitSlice(nil, w, h-len(out))...)
}
