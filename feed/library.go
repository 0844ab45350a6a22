package feed

import (
	"bytes"
	"maps"
	"runtime"
	"slices"
	"sync"
)

// Library is a loaded set of articles in library order (newest first; see
// Stream) with lookups by ID and story. Build it with Add per batch, then
// Finish. It is not safe for concurrent use, and Finish updates the Story
// of articles already handed out in batches: call it from the goroutine
// that reads them.
type Library struct {
	arts    []*Article
	skipped []Problem
	found   int
	byID    map[string]*Article
	stories map[string][]*Article // story ID -> members, for stories of two or more
	dupOf   map[*Article]string   // see Batch.dupOf
}

// NewLibrary returns an empty library.
func NewLibrary() *Library {
	return &Library{byID: map[string]*Article{}, stories: map[string][]*Article{}}
}

// Add takes in a batch from Stream. Batches arrive in library order, so the
// articles stay sorted as they come (a batch marked Newer is merged).
func (l *Library) Add(b Batch) {
	if b.Found > 2*len(l.byID) && len(l.byID) <= firstBatch*4 {
		// One allocation, not a dozen doublings (the few articles of a
		// first batch are moved over).
		byID := make(map[string]*Article, b.Found)
		maps.Copy(byID, l.byID)
		l.byID = byID
	}
	l.arts = append(l.arts, b.Articles...)
	if b.Newer {
		sortLibrary(l.arts)
	}
	l.skipped = append(l.skipped, b.Skipped...)
	l.found = max(l.found, b.Found)
	for a, id := range b.dupOf {
		l.setDup(a, id)
	}
	for _, a := range b.Articles {
		if _, dup := l.byID[a.ID]; !dup {
			l.byID[a.ID] = a
		}
	}
}

// Finish sorts the library and groups stories: articles with the same
// canonical URL, or the same normalised title (case, punctuation and
// spacing aside; see titleKey), are one story saved on several days. A
// story's ID is the ID of its oldest member, which stays put when newer
// copies are saved. Finish may be called again after more Adds.
func (l *Library) Finish() {
	sortLibrary(l.arts)
	parent := make([]int32, len(l.arts))
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(i int32) int32 {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(i, j int32) {
		ri, rj := find(i), find(j)
		// The root is the later index: the older article in library order.
		if ri > rj {
			parent[rj] = ri
		} else {
			parent[ri] = rj
		}
	}
	titles := make(map[uint32]int32, len(l.arts))
	var ka, kb []byte
	for i, h := range titleHashes(l.arts) {
		if h == noTitleKey {
			continue
		}
		j, seen := titles[h]
		if !seen {
			titles[h] = int32(i)
			continue
		}
		// The same hash: the same title key, unless 64 bits collided.
		ta, tb := l.arts[i].Title, l.arts[j].Title
		if ta != tb {
			ka, _ = appendTitleKey(ka[:0], ta)
			kb, _ = appendTitleKey(kb[:0], tb)
			if !bytes.Equal(ka, kb) {
				continue
			}
		}
		union(int32(i), j)
	}
	if len(l.dupOf) > 0 {
		// Positions of the duplicates and of the articles they duplicate
		// only: a map of every ID cost 35 ms at 100,000 articles.
		pos := make(map[*Article]int32, 2*len(l.dupOf))
		for a, of := range l.dupOf {
			pos[a] = -1
			if b := l.byID[of]; b != nil {
				pos[b] = -1
			}
		}
		for i, a := range l.arts {
			if _, ok := pos[a]; ok {
				pos[a] = int32(i)
			}
		}
		for a, of := range l.dupOf {
			i, j := pos[a], int32(-1)
			if b := l.byID[of]; b != nil {
				j = pos[b]
			}
			if i >= 0 && j >= 0 {
				union(i, j)
			}
		}
	}
	size := make([]int32, len(l.arts))
	for i := range l.arts {
		size[find(int32(i))]++
	}
	clear(l.stories)
	for i, a := range l.arts {
		r := find(int32(i))
		a.Story = l.arts[r].ID
		if size[r] > 1 {
			l.stories[a.Story] = append(l.stories[a.Story], a)
		}
	}
}

// setDup records that a holds a URL that the article with ID of held
// first (see Batch.dupOf).
func (l *Library) setDup(a *Article, of string) {
	if l.dupOf == nil {
		l.dupOf = map[*Article]string{}
	}
	l.dupOf[a] = of
}

// Articles returns the articles in library order. The slice is the
// library's own: do not modify it.
func (l *Library) Articles() []*Article { return l.arts }

// Skipped returns the files and directories that could not be used.
func (l *Library) Skipped() []Problem { return l.skipped }

// Found is the number of article files the walk found (loaded or skipped).
func (l *Library) Found() int { return l.found }

// Len is the number of articles loaded.
func (l *Library) Len() int { return len(l.arts) }

// ByID returns the article with this ID, or nil.
func (l *Library) ByID(id string) *Article { return l.byID[id] }

// Story returns every article of the story that the article or story with
// this ID belongs to, newest first (a story of one is that article alone),
// or nil when no article has the ID.
func (l *Library) Story(id string) []*Article {
	a := l.byID[id]
	if a == nil {
		return nil
	}
	if members, ok := l.stories[a.Story]; ok {
		return members
	}
	return []*Article{a}
}

// sortLibrary sorts arts into library order. Batches arrive in that order,
// so usually there is nothing to do but check.
func sortLibrary(arts []*Article) {
	if !slices.IsSortedFunc(arts, libraryOrder) {
		slices.SortFunc(arts, libraryOrder) // a total order: stability is moot
	}
}

// titleHashes is each article's title hash (see titleHashOf), computed in
// parallel where the loader has not already: normalising 100,000 titles
// and keying a map by the strings was most of Finish's 150 ms, on the UI
// goroutine at the end of a load.
func titleHashes(arts []*Article) []uint32 {
	out := make([]uint32, len(arts))
	const chunk = 8192
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for lo := 0; lo < len(arts); lo += chunk {
		hi := min(lo+chunk, len(arts))
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			var key []byte
			for i := lo; i < hi; i++ {
				if out[i] = arts[i].titleHash; out[i] == 0 {
					out[i], key = titleHashOf(arts[i].Title, key)
				}
			}
		})
	}
	wg.Wait()
	return out
}
