package feed

import (
	"runtime"
	"strings"
	"sync"
)

// Cluster is one story as the list shows it: the articles that tell it,
// from one or several outlets, on one or several days.
type Cluster struct {
	// Lead is the newest member: the row the list shows. It is Members[0].
	Lead *Article
	// Members are every article of the story, newest first (by publication
	// time, else file-name date; undated last; ties keep input order).
	// A story told once has one member.
	Members []*Article
}

// ClusterOptions tune Clusters. The zero value means the defaults.
type ClusterOptions struct {
	// Window is how many calendar days (UTC) apart two articles may be
	// dated and still join by title or by related links; 0 means
	// DefaultClusterWindow. Articles without any date never join that way.
	Window int
	// Similarity is the least Jaccard similarity of two titles' content
	// words for them to count as nearly identical, in (0, 1]; 0 means
	// DefaultClusterSimilarity.
	Similarity float64
}

// Defaults of ClusterOptions.
const (
	DefaultClusterWindow     = 3
	DefaultClusterSimilarity = 0.8
)

// seenBits is the size of Clusters' filter of URL IDs: 2^22 bits, about
// 5% full at 100,000 articles.
const seenBits = 1 << 22

// undated marks an article with neither a publication time nor a file-name
// date.
const undated = int64(-1 << 62)

// Clusters groups articles into stories. Two articles are one story when
//
//  1. Library.Finish put them in one story group (same Story), so a cluster
//     never splits a story; or
//  2. they have the same canonical URL (originalUrl or webUrl of one is the
//     originalUrl or webUrl of the other; see CanonicalURL), whatever their
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
// articles joined when a filtered subset is clustered are joined in the
// whole library too.
//
// A date is the publication day (UTC), else the file-name date. Every
// article of arts is in exactly one cluster. Clusters come in the order of
// their first member in arts, so a sorted list stays sorted by its first
// rows. The result is deterministic, and the work is O(n log n) for real
// titles (see similarTitles).
func Clusters(arts []*Article, opt ClusterOptions) []Cluster {
	window := int64(opt.Window)
	if window <= 0 {
		window = DefaultClusterWindow
	}
	sim := opt.Similarity
	if sim <= 0 || sim > 1 {
		sim = DefaultClusterSimilarity
	}

	n := len(arts)
	uf := newUnionFind(n)
	days := make([]int64, n)
	for i, a := range arts {
		days[i] = articleDay(a)
	}

	// Rules 1 and 2: shared story groups and URLs. byURL chains the
	// articles known by each URL ID (slot 2i+j is arts[i]'s j-th URL ID)
	// for the related links of rule 4, without a slice per URL.
	firstStory := make(map[string]int32, n)
	urlIDs := articlesURLIDs(arts)
	byURL := make(map[uint64]int32, n) // URL ID -> first slot
	next := make([]int32, 2*n)         // slot -> next slot with that URL ID, or -1
	// seen is a one-hash Bloom filter of byURL's keys: most related links
	// point outside the library, and a bit test in 512 KiB answers them
	// without a map probe that misses the cache.
	seen := make([]uint64, seenBits/64)
	for i, a := range arts {
		if a.Story != "" {
			if j, ok := firstStory[a.Story]; ok {
				uf.union(i, int(j))
			} else {
				firstStory[a.Story] = int32(i)
			}
		}
		for j, id := range urlIDs[i] {
			slot := int32(2*i + j)
			next[slot] = -1
			if id == 0 {
				continue
			}
			if head, ok := byURL[id]; ok {
				uf.union(i, int(head/2))
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
		for key := range a.relatedKeys {
			if seen[key%seenBits/64]&(1<<(key%64)) == 0 {
				continue
			}
			head, ok := byURL[key]
			if !ok {
				continue
			}
			for slot := head; slot >= 0; slot = next[slot] {
				k := int(slot / 2)
				if k == i || !within(i, k) || uf.same(i, k) {
					continue
				}
				if otherOutlet(a, arts[k]) && listsAny(arts[k], urlIDs[i]) && ts.agree(i, k) {
					uf.union(i, k)
				}
			}
		}
	}

	// Rule 3: near-identical titles.
	ts.similarTitles(days, window, sim, uf.same, uf.union)

	return uf.clusters(arts, days)
}

// articleDay is the day an article is dated for clustering: its
// publication time, else its file-name date (set by the loader).
func articleDay(a *Article) int64 {
	if !a.Published.IsZero() {
		return floorDiv(a.Published.Unix(), 86400)
	}
	if a.src != nil && a.day != noDay {
		return int64(a.day)
	}
	return undated
}

// articlesURLIDs computes articleURLIDs for every article, in parallel:
// hashing 200,000 URLs is the largest fixed cost of Clusters.
func articlesURLIDs(arts []*Article) [][2]uint64 {
	ids := make([][2]uint64, len(arts))
	const chunk = 4096
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for lo := 0; lo < len(arts); lo += chunk {
		hi := min(lo+chunk, len(arts))
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			for i := lo; i < hi; i++ {
				ids[i] = articleURLIDs(arts[i])
			}
		}()
	}
	wg.Wait()
	return ids
}

// articleURLIDs are the URL IDs an article is known by: its originalUrl's
// and its webUrl's (often the same), as idKeys; 0 for none.
func articleURLIDs(a *Article) [2]uint64 {
	var ids [2]uint64
	if a.OriginalURL != "" {
		ids[0], _ = idKey(URLID(a.OriginalURL))
	}
	if a.WebURL != "" && a.WebURL != a.OriginalURL {
		ids[1], _ = idKey(URLID(a.WebURL))
	}
	if ids[0] == ids[1] {
		ids[1] = 0
	}
	return ids
}

// idKey packs an ID (12 hex digits) into a number, with the top bit set so
// that no ID is 0: maps keyed by it are several times faster than by
// string, which matters at 500,000 related links.
func idKey(id string) (uint64, bool) {
	if len(id) != idLen {
		return 0, false
	}
	var k uint64
	for i := range len(id) {
		c := id[i]
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		default:
			return 0, false
		}
		k = k<<4 | uint64(c)
	}
	return k | 1<<63, true
}

// otherOutlet reports whether two articles come from known, different
// providers.
func otherOutlet(a, b *Article) bool {
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
