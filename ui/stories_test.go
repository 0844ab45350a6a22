package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/herald-reader/herald/feed"
)

func withClustering(o *Options) { o.Clustering = true }

// nearDuplicates builds stories told several times: story s is saved
// copies times, on consecutive days, under titles that differ only in
// case and punctuation, with different URLs (so only the titles join them).
// Single stories in between share provider and date with the copies.
func nearDuplicates(stories, copies int) []*feed.Article {
	var out []*feed.Article
	for s := range stories {
		for c := range copies {
			i := len(out)
			a := article(i, fmt.Sprintf("Council approves the %s harbour bridge budget", word(s)))
			if c%2 == 1 {
				a.Title = strings.ToUpper(a.Title[:1]) + a.Title[1:] + "!"
			}
			a.Published = fixedNow.Add(-time.Duration(s*10+c) * 24 * time.Hour)
			out = append(out, a)
		}
		a := article(len(out), fmt.Sprintf("Unrelated %s weather report for the valley", word(s)))
		// An hour older than the story's newest copy: an equal date would
		// be ordered by path (issue 11), which is not what this is about.
		a.Published = fixedNow.Add(-time.Duration(s*10)*24*time.Hour - time.Hour)
		out = append(out, a)
	}
	return out
}

func word(i int) string { return []string{"northern", "eastern", "southern", "western"}[i%4] }

func rowTitles(hs *harness) []string {
	var out []string
	for _, it := range hs.m.list.items {
		a := it.(item).a
		r := hs.m.list.delegate.rows[a]
		t := a.Title
		if r.more > 0 {
			t = fmt.Sprintf("+%d %s", r.more, t)
		}
		if r.member {
			t = "  " + t
		}
		out = append(out, t)
	}
	return out
}

func TestStoriesOneRowPerStoryExpandAndIDs(t *testing.T) {
	arts := nearDuplicates(3, 3)
	hs := newHarness(t, 120, 40, arts, withClustering)
	rows := rowTitles(hs)
	if len(rows) != 6 {
		t.Fatalf("%d rows, want 6 (3 stories + 3 singles):\n%s", len(rows), strings.Join(rows, "\n"))
	}
	if !strings.HasPrefix(rows[0], "+2 Council approves the northern") || !strings.HasPrefix(rows[1], "Unrelated northern") {
		t.Errorf("rows:\n%s", strings.Join(rows, "\n"))
	}
	v := hs.view()
	checkScreen(t, v, 120, 40)
	if !strings.Contains(v, "+2 Council approves the northern") {
		t.Errorf("no +N on screen:\n%s", v)
	}
	if got := hs.m.storyIDs(hs.m.list.Selected()); len(got) != 3 || got[0] != arts[0].ID {
		t.Errorf("story IDs %v, want the 3 copies, selected first", got)
	}

	hs.press(hs.keys.Down) // a story of one article: nothing to open
	hs.press(hs.keys.Expand)
	if rows := rowTitles(hs); len(rows) != 6 || !strings.Contains(hs.view(), "This story has a single article.") {
		t.Errorf("expanding a single article: %d rows, screen:\n%s", len(rows), hs.view())
	}
	if got := hs.m.storyIDs(hs.m.list.Selected()); len(got) != 1 || got[0] != arts[3].ID {
		t.Errorf("story IDs of a single article %v, want its own", got)
	}
	hs.press(hs.keys.Down) // the eastern story
	hs.press(hs.keys.Expand)
	rows = rowTitles(hs)
	if len(rows) != 8 || !strings.HasPrefix(rows[3], "  Council approves the eastern") || !strings.HasPrefix(rows[4], "  Council") {
		t.Fatalf("expanded rows:\n%s", strings.Join(rows, "\n"))
	}
	hs.press(hs.keys.Down) // onto a member, then collapse from it
	if hs.m.list.Selected() != arts[5] {
		t.Fatalf("selected %q", hs.selected())
	}
	hs.press(hs.keys.Expand)
	if n := len(rowTitles(hs)); n != 6 || hs.m.list.Selected() != arts[4] {
		t.Errorf("collapse: %d rows, cursor on %q (want the story's row)", n, hs.selected())
	}

	// A filter groups what it shows: two copies of one story match.
	hs.press(hs.keys.Filter)
	hs.typeText("southern")
	hs.press(hs.keys.Open)
	rows = rowTitles(hs)
	if len(rows) != 2 || !strings.HasPrefix(rows[0], "+2 ") {
		t.Errorf("filtered rows:\n%s", strings.Join(rows, "\n"))
	}
}

func TestClusteringOffShowsEveryArticle(t *testing.T) {
	hs := newHarness(t, 80, 24, nearDuplicates(2, 3))
	if n := hs.m.list.Len(); n != 8 {
		t.Errorf("%d rows with clustering off, want 8", n)
	}
	if got := hs.m.storyIDs(hs.m.list.Selected()); len(got) != 1 {
		t.Errorf("story IDs with clustering off: %v", got)
	}
}

func TestMarkingAStoryReadMarksAllItsArticles(t *testing.T) {
	arts := nearDuplicates(2, 3)
	st := newFakeStore()
	hs := newHarness(t, 120, 40, arts, withClustering, withStore(st))
	hs.press(hs.keys.ToggleRead)
	for _, a := range arts[:3] {
		if !st.IsRead(a.ID) {
			t.Errorf("%s (%s) not marked read with its story", a.Title, a.ID)
		}
	}
	if st.IsRead(arts[3].ID) {
		t.Error("the unrelated article was marked too")
	}
}

func TestMarkAllCountsCollapsedArticles(t *testing.T) {
	st := newFakeStore()
	hs := newHarness(t, 120, 40, nearDuplicates(2, 3), withClustering, withStore(st))
	hs.press(hs.keys.MarkAllRead)
	if !strings.Contains(hs.view(), "Mark 8 articles read?") {
		t.Errorf("mark-all question does not count the stories' articles:\n%s", hs.view())
	}
}

// TestShownCountsArticlesAndStories: with clustering, the filter's count
// in the status line is the articles it matched, like "N articles" beside
// it, with the stories they fold into, however many are expanded.
func TestShownCountsArticlesAndStories(t *testing.T) {
	filter := func(hs *harness, q string) string {
		hs.press(hs.keys.Back)
		hs.press(hs.keys.Filter)
		hs.typeText(q)
		hs.press(hs.keys.Open)
		v := hs.view()
		checkScreen(t, v, 120, 40)
		return v
	}
	hs := newHarness(t, 120, 40, nearDuplicates(3, 3), withClustering)
	if v := filter(hs, "council"); !strings.Contains(v, "9 shown in 3 stories · 12 articles") {
		t.Fatalf("9 copies of 3 stories:\n%s", v)
	}
	hs.press(hs.keys.Expand)
	if v := hs.view(); hs.m.list.Len() != 5 || !strings.Contains(v, "9 shown in 3 stories") {
		t.Fatalf("one story expanded (%d rows):\n%s", hs.m.list.Len(), v)
	}
	if v := filter(hs, "southern"); !strings.Contains(v, "4 shown in 2 stories") {
		t.Fatalf("one story and a single:\n%s", v)
	}
	if v := filter(hs, "budget northern"); !strings.Contains(v, "3 shown in 1 story ") {
		t.Fatalf("one story:\n%s", v)
	}
	if v := filter(hs, "weather"); !strings.Contains(v, "3 shown · 12 articles") {
		t.Fatalf("singles only:\n%s", v)
	}

	off := newHarness(t, 120, 40, nearDuplicates(3, 3))
	if v := filter(off, "council"); !strings.Contains(v, "9 shown · 12 articles") {
		t.Fatalf("clustering off:\n%s", v)
	}
}
