package search

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/internal/sitetest"
)

func loadSite(t *testing.T) *feed.Library {
	t.Helper()
	dir := t.TempDir()
	if err := sitetest.Write(dir); err != nil {
		t.Fatal(err)
	}
	lib, err := feed.Load(context.Background(), []feed.Source{feed.Dir(dir)}, feed.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// TestSiteInAndFolders: in:FOLDER matches the folder under the root and
// the folders below it (not a folder that merely starts alike), -in:
// negates, and Folders counts what in: would pick.
func TestSiteInAndFolders(t *testing.T) {
	lib := loadSite(t)
	ix := NewIndex()
	ix.Add(lib.Articles())
	count := func(q string) int {
		query, err := ParseQuery(q, time.Now())
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		n := 0
		for _, a := range lib.Articles() {
			if query.Match(a, nil) {
				n++
			}
		}
		if got := len(searchSorted(ix, query, nil, SortNewest)); got != n {
			t.Errorf("%s: the index finds %d, Match %d", q, got, n)
		}
		return n
	}
	for q, want := range map[string]int{
		"in:_news": 7, "in:_NEWS/": 7, "in:_learning": 3, "in:_learning/videos": 1, "in:_learn": 0,
		"in:_archive": 2, "in:_archive/_news": 2, "-in:_news": len(sitetest.NewestFirst) - 7,
		"in:_learning -in:_learning/videos": 2, "in:_newsletters": 0,
	} {
		if got := count(q); got != want {
			t.Errorf("%s: %d articles, want %d", q, got, want)
		}
	}
	var got []string
	for _, f := range Folders(lib.Articles()) {
		got = append(got, f.Name+"="+string(rune('0'+f.Count)))
	}
	want := "_archive=2 _archive/_news=2 _communities=1 _events=1 _learning=3 _learning/collections=1 " +
		"_learning/courses=1 _learning/videos=1 _news=7 _samples=1"
	if strings.Join(got, " ") != want {
		t.Errorf("folders:\n%s\nwant\n%s", strings.Join(got, " "), want)
	}
	if _, err := ParseQuery("in:", time.Now()); err == nil || !strings.Contains(err.Error(), "in:_news") {
		t.Errorf("in: without a folder: %v", err)
	}
	if !slices.Contains(strings.Fields(qualifierNames), "in") {
		t.Error("in is not suggested")
	}
}
