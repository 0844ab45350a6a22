package feed

// Apply brings a Change from Watch into the library, then Finishes it:
// the paths in Removed go; Added and Changed articles, and Problems,
// replace whatever the library had at their path (article or problem).
//
// IDs stay unique as Stream keeps them: an incoming article whose ID
// another article already holds (the same URL saved twice) gets an ID
// derived from its path and joins that article's story. The article that
// was there first keeps its ID, and so its read state; a file that changes
// keeps the ID it had.
//
// Apply takes ownership of the incoming articles (it sets their ID and
// Story). It builds new slices: a caller holding the previous Articles()
// keeps a consistent old view, but Finish updates Story on shared articles
// (see Library). It returns the incoming articles, with their final IDs.
func (l *Library) Apply(c Change) []*Article {
	incoming := make([]*Article, 0, len(c.Added)+len(c.Changed))
	incoming = append(append(incoming, c.Added...), c.Changed...)
	drop := make(map[string]bool, len(c.Removed)+len(incoming)+len(c.Problems))
	for _, p := range c.Removed {
		drop[p] = true
	}
	for _, a := range incoming {
		drop[a.Path] = true
	}
	for _, p := range c.Problems {
		drop[p.Path] = true
	}
	if len(drop) == 0 {
		return nil
	}

	gone := map[string]bool{} // paths the library had, for Found
	arts := make([]*Article, 0, len(l.arts)+len(incoming))
	for _, a := range l.arts {
		if drop[a.Path] {
			gone[a.Path] = true
			delete(l.dupOf, a)
			continue
		}
		arts = append(arts, a)
	}
	skipped := make([]Problem, 0, len(l.skipped)+len(c.Problems))
	for _, p := range l.skipped {
		if drop[p.Path] {
			gone[p.Path] = true
			continue
		}
		skipped = append(skipped, p)
	}

	clear(l.byID)
	for _, a := range arts {
		if _, dup := l.byID[a.ID]; !dup {
			l.byID[a.ID] = a
		}
	}
	arrived := map[string]bool{}
	for _, a := range incoming {
		if _, taken := l.byID[a.ID]; taken {
			l.setDup(a, a.ID)
			for l.byID[a.ID] != nil {
				a.ID = derivedID(a.ID, a.Rel)
			}
		}
		a.Story = a.ID
		l.byID[a.ID] = a
		arts = append(arts, a)
		arrived[a.Path] = true
	}
	for _, p := range c.Problems {
		arrived[p.Path] = true
	}
	skipped = append(skipped, c.Problems...)

	l.arts, l.skipped = arts, skipped
	l.found = max(0, l.found+len(arrived)-len(gone))
	l.Finish()
	return incoming
}
