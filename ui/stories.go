package ui

import (
	"fmt"
	"maps"

	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/feed/story"
)

// Stories in the list: the list shows one row per story (story.Group),
// with "+N" when other articles tell it too; the expand key opens the
// story into one indented row per article. Grouping the whole library
// takes about half a second at 100,000 articles, so it runs in a Cmd once
// the library is loaded (and again after each change, library.group); the
// result maps every article to its story, and grouping the shown articles
// by it is one pass per list update, in a Cmd for large lists (rows.go).
// Until it lands, every article is a row.

// storyRows is how the list groups its rows by story: on, the stories
// opened, and the grouping of rows in flight.
type storyRows struct {
	on bool
	// expanded holds the stories (by first member) opened into one row
	// per article. It is replaced, never changed in place: a Cmd grouping
	// rows may be reading it (rows.go).
	expanded map[*feed.Article]bool
	// rowsGen numbers the row groupings (rows.go); while one runs in a
	// Cmd, waiting is set and pending holds the articles it groups.
	rowsGen int
	waiting bool
	pending []*feed.Article
	// asyncFrom: from this many articles, rows are grouped in a Cmd.
	asyncFrom int
}

// stories is the library grouped into stories (library.group). It is never
// changed once built: Cmds read it. Only stories of two articles or more
// are kept: most articles are a story alone, and an entry for each would
// cost a map slot and a slice header an article (about 50 MB at a
// million articles). of is nil until the library is grouped.
type stories struct {
	// of maps each article of a story of several to its index in members.
	of      map[*feed.Article]int32
	members [][]*feed.Article
}

// storiesOf keeps the stories of several articles of cs.
func storiesOf(cs []story.Story) stories {
	n := 0
	for _, c := range cs {
		if len(c.Members) > 1 {
			n += len(c.Members)
		}
	}
	st := stories{of: make(map[*feed.Article]int32, n)}
	for _, c := range cs {
		if len(c.Members) < 2 {
			continue
		}
		for _, a := range c.Members {
			st.of[a] = int32(len(st.members))
		}
		st.members = append(st.members, c.Members)
	}
	return st
}

// handleStories takes finished stories and regroups the list, keeping
// the cursor on its article (or on that article's story).
func (m *Model) handleStories(msg storiesMsg) tea.Cmd {
	if !m.lib.grouped(msg) {
		return nil
	}
	return tea.Batch(m.regroup(), m.lib.releaseLoad())
}

// storyLead is the article whose row stands for a's story in the list now
// (a itself when its story is not collapsed under another row).
func (m *Model) storyLead(a *feed.Article) *feed.Article {
	for _, it := range m.list.items {
		r := it.(item)
		if r.a == a {
			return a
		}
		if m.list.delegate.rows[r.a].more > 0 && m.sameStory(r.a, a) {
			return r.a
		}
	}
	return a
}

func (m *Model) sameStory(a, b *feed.Article) bool {
	i, ok := m.lib.stories.of[a]
	k, ok2 := m.lib.stories.of[b]
	return ok && ok2 && i == k
}

// groupRows turns the shown articles into rows: the first shown article of
// each story is its row, with "+N" for the other shown articles of that
// story, which follow it indented when the story is expanded. It only
// reads its arguments, so it can run in a Cmd (rows.go).
func groupRows(st stories, expanded map[*feed.Article]bool, arts []*feed.Article) ([]list.Item, map[*feed.Article]storyRow) {
	rows := make([]list.Item, 0, len(arts))
	if st.of == nil {
		for _, a := range arts {
			rows = append(rows, item{a: a})
		}
		return rows, nil
	}
	info := map[*feed.Article]storyRow{}
	// One map lookup per article, counted per story in slices: a map
	// of the shown set would double the cost (see BenchmarkGroupRows100k).
	story := make([]int32, len(arts))
	count := make([]int32, len(st.members))
	for i, a := range arts {
		c, ok := st.of[a]
		if !ok {
			c = -1
		} else {
			count[c]++
		}
		story[i] = c
	}
	done := make([]bool, len(st.members))
	for i, a := range arts {
		c := story[i]
		if c < 0 || count[c] == 1 {
			rows = append(rows, item{a: a})
			continue
		}
		if done[c] {
			continue
		}
		done[c] = true
		rows = append(rows, item{a: a})
		info[a] = storyRow{more: int(count[c]) - 1}
		if expanded[st.members[c][0]] {
			for k := i + 1; k < len(arts); k++ {
				if story[k] == c {
					rows = append(rows, item{a: arts[k]})
					info[arts[k]] = storyRow{member: true}
				}
			}
		}
	}
	return rows, info
}

// toggleExpand opens or closes the selected row's story. Closed from one
// of its articles' rows, the cursor goes to the story's row (regroup).
func (m *Model) toggleExpand() tea.Cmd {
	a := m.list.Selected()
	c, ok := m.lib.stories.of[a]
	if a == nil || !ok {
		m.status.set("This story has a single article.")
		return nil
	}
	key := m.lib.stories.members[c][0]
	expanded := maps.Clone(m.rows.expanded)
	if expanded == nil {
		expanded = map[*feed.Article]bool{}
	}
	if expanded[key] {
		delete(expanded, key)
	} else {
		expanded[key] = true
	}
	m.rows.expanded = expanded
	return m.regroup()
}

// storyIDs are the IDs of every article of a's story (a's own ID first),
// for the marks: marking a story read marks all its articles.
func (m *Model) storyIDs(a *feed.Article) []string {
	ids := []string{a.ID}
	c, ok := m.lib.stories.of[a]
	if !m.rows.on || !ok {
		return ids
	}
	for _, o := range m.lib.stories.members[c] {
		if o != a {
			ids = append(ids, o.ID)
		}
	}
	return ids
}

// shownPart is the status line's count of what the filter shows. It
// counts articles, like "N articles" beside it, and names the stories
// when clustering folds them into fewer rows: "10 shown in 4 stories".
func (m *Model) shownPart() string {
	n, st := m.list.Articles(), m.list.Stories()
	if st >= n {
		return fmt.Sprintf("%d shown", n)
	}
	stories := "stories"
	if st == 1 {
		stories = "story"
	}
	return fmt.Sprintf("%d shown in %d %s", n, st, stories)
}
