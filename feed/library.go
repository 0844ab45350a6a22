package feed

import "slices"

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
// articles stay sorted as they come.
func (l *Library) Add(b Batch) {
	if len(l.byID) == 0 && b.Found > 0 {
		l.byID = make(map[string]*Article, b.Found) // one allocation, not a dozen doublings
	}
	l.arts = append(l.arts, b.Articles...)
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
	titles := make(map[string]int32, len(l.arts))
	var key []byte
	for i, a := range l.arts {
		var ok bool
		if key, ok = appendTitleKey(key[:0], a.Title); ok {
			if j, seen := titles[string(key)]; seen {
				union(int32(i), j)
			} else {
				titles[string(key)] = int32(i)
			}
		}
	}
	if len(l.dupOf) > 0 {
		index := make(map[string]int32, len(l.arts))
		pos := make(map[*Article]int32, len(l.dupOf))
		for i, a := range l.arts {
			index[a.ID] = int32(i)
			if _, ok := l.dupOf[a]; ok {
				pos[a] = int32(i)
			}
		}
		for a, of := range l.dupOf {
			i, in := pos[a]
			if j, ok := index[of]; ok && in {
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
