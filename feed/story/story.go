// Package story groups articles into stories: the articles that tell one
// story, from one or several outlets, on one or several days. It is the one
// definition of a story; the list shows one row per Story.
package story

import (
	"strings"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/feed/internal/parallel"
	"github.com/herald-reader/herald/feed/internal/unionfind"
)

// Story is one story as the list shows it: the articles that tell it,
// from one or several outlets, on one or several days.
type Story struct {
	// Lead is the newest member: the row the list shows. It is Members[0].
	Lead *feed.Article
	// Members are every article of the story, newest first (by publication
	// time, else file-name date; undated last; ties keep input order).
	// A story told once has one member.
	Members []*feed.Article
}

// Options tune Group. The zero value means the defaults.
type Options struct {
	// Window is how many calendar days (UTC) apart two articles may be
	// dated and still join by title or by related links; 0 means
	// DefaultWindow. Articles without any date never join that way.
	Window int
	// Similarity is the least Jaccard similarity of two titles' content
	// words for them to count as nearly identical, in (0, 1]; 0 means
	// DefaultSimilarity.
	Similarity float64
}

// Defaults of Options.
const (
	DefaultWindow     = 3
	DefaultSimilarity = 0.8
)

// seenBits is the size of Group's filter of URL IDs: 2^22 bits, about
// 5% full at 100,000 articles.
const seenBits = 1 << 22

// undated marks an article with neither a publication time nor a file-name
// date.
const undated = int64(-1 << 62)

// Group groups articles into stories. Two articles are one story when
//
//  1. one is the other saved again (the same FirstSaveID; see
//     feed.Library.Finish: the same URL or the same title, on any day); or
//  2. they have the same canonical URL (originalUrl or webUrl of one is the
//     originalUrl or webUrl of the other; see feed.URLID), whatever their
//     dates; or
//  3. their titles are nearly identical and their dates at most Window days
//     apart: the titles' content words (see titleWords: lowercased, function
//     words dropped, plurals folded) have Jaccard similarity of at least
//     Similarity, both titles have at least three content words, and no
//     number appears in one title only ("Part 1" vs "Part 2"); or
//  4. they are the same story told by two outlets: each lists the other as
//     related (a related story's webUrl is the other's URL), their
//     providers are known and differ, their dates are at most Window days
//     apart and their titles agree (Dice similarity of content words >=
//     0.5). A link alone is not enough: feeds list topical neighbours as
//     related (in the shared corpus, a Google Maps feature, an LLMOps guide
//     and a Google and Hugging Face partnership all list each other); one
//     outlet's two articles on one day are two stories (a re-save of one is
//     caught by rules 2 and 3); and a link one way only is weaker still, so
//     it never joins stories on its own.
//
// The relation is closed transitively. Provider, topic and date alone never
// join anything: two different stories from one outlet on one day stay
// apart. Each pairwise decision depends on the two articles only, never on
// the rest of the input (no word weights learnt from the library), so two
// articles joined when a filtered subset is grouped are joined in the
// whole library too.
//
// A date is the publication day (UTC), else the file-name date. Every
// article of arts is in exactly one story. Stories come in the order of
// their first member in arts, so a sorted list stays sorted by its first
// rows. The result is deterministic, and the work is O(n log n) for real
// titles (see similarTitles).
func Group(arts []*feed.Article, opt Options) []Story {
	window := int64(opt.Window)
	if window <= 0 {
		window = DefaultWindow
	}
	sim := opt.Similarity
	if sim <= 0 || sim > 1 {
		sim = DefaultSimilarity
	}

	n := len(arts)
	uf := unionfind.New(n, unionfind.BySize)
	days := make([]int64, n)
	for i, a := range arts {
		days[i] = articleDay(a)
	}

	// Rules 1 and 2: saved again, and shared URLs. byURL chains the
	// articles known by each URL ID (slot 2i+j is arts[i]'s j-th URL ID)
	// for the related links of rule 4, without a slice per URL.
	firstSave := make(map[string]int32, n) // FirstSaveID -> first index
	urlIDs := articlesURLIDs(arts)
	byURL := make(map[uint64]int32, n) // URL ID -> first slot
	next := make([]int32, 2*n)         // slot -> next slot with that URL ID, or -1
	// seen is a one-hash Bloom filter of byURL's keys: most related links
	// point outside the library, and a bit test in 512 KiB answers them
	// without a map probe that misses the cache.
	seen := make([]uint64, seenBits/64)
	for i, a := range arts {
		if a.FirstSaveID != "" {
			if j, ok := firstSave[a.FirstSaveID]; ok {
				uf.Union(i, int(j))
			} else {
				firstSave[a.FirstSaveID] = int32(i)
			}
		}
		for j, id := range urlIDs[i] {
			slot := int32(2*i + j)
			next[slot] = -1
			if id == 0 {
				continue
			}
			if head, ok := byURL[id]; ok {
				uf.Union(i, int(head/2))
				next[slot] = next[head]
				next[head] = slot
			} else {
				byURL[id] = slot
				seen[id%seenBits/64] |= 1 << (id % 64)
			}
		}
	}

	ts := newTitleSets(arts)
	within := func(i, k int) bool {
		return days[i] != undated && days[k] != undated && absDiff(days[i], days[k]) <= window
	}

	// Rule 4: mutual related links with agreeing titles.
	for i, a := range arts {
		for key := range a.RelatedKeys {
			if seen[key%seenBits/64]&(1<<(key%64)) == 0 {
				continue
			}
			head, ok := byURL[key]
			if !ok {
				continue
			}
			for slot := head; slot >= 0; slot = next[slot] {
				k := int(slot / 2)
				if k == i || !within(i, k) || uf.Same(i, k) {
					continue
				}
				if otherOutlet(a, arts[k]) && listsAny(arts[k], urlIDs[i]) && ts.agree(i, k) {
					uf.Union(i, k)
				}
			}
		}
	}

	// Rule 3: near-identical titles.
	ts.similarTitles(days, window, sim, uf.Same, uf.Union)

	return stories(uf, arts, days)
}

// articleDay is the day an article is dated for grouping: its
// publication time, else its file-name date (set by the loader).
func articleDay(a *feed.Article) int64 {
	if !a.Published.IsZero() {
		return floorDiv(a.Published.Unix(), 86400)
	}
	if d, ok := a.Day(); ok {
		return int64(d)
	}
	return undated
}

// articlesURLIDs computes articleURLIDs for every article, in parallel:
// hashing 200,000 URLs is the largest fixed cost of Group.
func articlesURLIDs(arts []*feed.Article) [][2]uint64 {
	ids := make([][2]uint64, len(arts))
	parallel.Chunks(len(arts), func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			ids[i] = articleURLIDs(arts[i])
		}
	})
	return ids
}

// articleURLIDs are the URL IDs an article is known by: its originalUrl's
// and its webUrl's (often the same), as feed.IDKeys; 0 for none.
func articleURLIDs(a *feed.Article) [2]uint64 {
	var ids [2]uint64
	if a.OriginalURL != "" {
		ids[0], _ = feed.IDKey(feed.URLID(a.OriginalURL))
	}
	if a.WebURL != "" && a.WebURL != a.OriginalURL {
		ids[1], _ = feed.IDKey(feed.URLID(a.WebURL))
	}
	if ids[0] == ids[1] {
		ids[1] = 0
	}
	return ids
}

// otherOutlet reports whether two articles come from known, different
// providers.
func otherOutlet(a, b *feed.Article) bool {
	pa, pb := a.Provider.Name, b.Provider.Name
	if pa == "" || pb == "" {
		return false
	}
	if da, db := a.Provider.Domain, b.Provider.Domain; da != "" && strings.EqualFold(da, db) {
		return false
	}
	return !strings.EqualFold(strings.TrimSpace(pa), strings.TrimSpace(pb))
}

func absDiff(a, b int64) int64 {
	if a > b {
		return a - b
	}
	return b - a
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

// listsAny reports whether a lists a related story known by one of ids
// (see articleURLIDs).
func listsAny(a *feed.Article, ids [2]uint64) bool {
	for k := range a.RelatedKeys {
		if k == ids[0] || k == ids[1] {
			return true
		}
	}
	return false
}
