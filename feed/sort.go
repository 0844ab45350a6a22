package feed

import (
	"cmp"
	"fmt"
	"slices"
)

// SortKey is an order for the article list. The zero value is SortNewest.
type SortKey int

const (
	SortNewest   SortKey = iota
	SortOldest           // undated articles still last
	SortQuality          // highest first
	SortHeat             // hottest first
	SortTitle            // A to Z, case and accents ignored
	SortProvider         // A to Z by provider name (else domain)
	numSortKeys
)

func (k SortKey) String() string {
	switch k {
	case SortNewest:
		return "newest"
	case SortOldest:
		return "oldest"
	case SortQuality:
		return "quality"
	case SortHeat:
		return "heat"
	case SortTitle:
		return "title"
	case SortProvider:
		return "provider"
	}
	return fmt.Sprintf("SortKey(%d)", int(k))
}

// Next is the key after k, wrapping around (the S key cycles with it).
func (k SortKey) Next() SortKey { return (k + 1) % numSortKeys }

// ParseSortKey reads a key by name (newest, oldest, quality, heat, title,
// provider), as given to --sort or in the config.
func ParseSortKey(s string) (SortKey, error) {
	for k := range numSortKeys {
		if Fold(s) == k.String() {
			return k, nil
		}
	}
	return 0, fmt.Errorf("unknown sort %q (want newest, oldest, quality, heat, title or provider)", s)
}

// SortArticles sorts arts in place by k. Ties go newest first, then keep
// their order (the sort is stable). Articles without a date come last in
// both date orders, and those without a title (provider) last by title
// (provider).
func SortArticles(arts []*Article, k SortKey) {
	if k == SortTitle || k == SortProvider {
		sortByText(arts, k)
		return
	}
	slices.SortStableFunc(arts, func(a, b *Article) int {
		var c int
		switch k {
		case SortOldest:
			c = cmp.Or(lastIf(a.Published.IsZero(), b.Published.IsZero()), a.Published.Compare(b.Published))
		case SortQuality:
			c = cmp.Compare(b.Quality, a.Quality)
		case SortHeat:
			c = cmp.Compare(b.Heat, a.Heat)
		}
		return cmp.Or(c, newestFirst(a, b))
	})
}

func newestFirst(a, b *Article) int {
	return cmp.Or(lastIf(a.Published.IsZero(), b.Published.IsZero()), b.Published.Compare(a.Published))
}

// lastIf orders the element for which its flag is true after the other.
func lastIf(a, b bool) int {
	switch {
	case a && !b:
		return 1
	case b && !a:
		return -1
	}
	return 0
}

// sortByText sorts by folded title or provider name, folding each once.
func sortByText(arts []*Article, k SortKey) {
	type keyed struct {
		key string
		a   *Article
	}
	ks := make([]keyed, len(arts))
	for i, a := range arts {
		s := a.Title
		if k == SortProvider {
			s = cmp.Or(a.Provider.Name, a.Provider.Domain)
		}
		ks[i] = keyed{Fold(s), a}
	}
	slices.SortStableFunc(ks, func(x, y keyed) int {
		return cmp.Or(lastIf(x.key == "", y.key == ""), cmp.Compare(x.key, y.key), newestFirst(x.a, y.a))
	})
	for i := range ks {
		arts[i] = ks[i].a
	}
}
