package feed

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"unsafe"
)

// TestTitlesSharedAreTheSame: titles shared through a store read back as
// they were given, in order, repeats included, next to their own form.
func TestTitlesSharedAreTheSame(t *testing.T) {
	long := strings.Repeat("x", titleChunkMax+10) // a chunk of its own
	lists := [][]string{
		{"A story", "Another", "A story"},
		{"", "Ünïcode title ’quoted’"},
		{long, "after the long one"},
		nil,
	}
	for i := range 3000 { // several chunks
		lists = append(lists, []string{fmt.Sprintf("Title number %d of the load", i), "A story"})
	}
	st := NewTitleStore()
	shared := make([]Titles, len(lists))
	for i, l := range lists {
		shared[i] = st.Share(NewTitles(l...))
	}
	for i, l := range lists {
		for _, titles := range []Titles{NewTitles(l...), shared[i]} {
			if got := titles.List(); !slices.Equal(got, l) || titles.Len() != len(l) {
				t.Errorf("list %d: got %d titles %.60q, want %d %.60q", i, titles.Len(), got, len(l), l)
			}
		}
		if len(l) > 0 && shared[i].tab == nil {
			t.Errorf("list %d is not shared", i)
		}
	}
	if len(st.tab.dir) < 3 {
		t.Errorf("%d chunks: the test does not cross chunks", len(st.tab.dir))
	}
	for _, i := range []int{5, len(shared) - 1} { // the last after the store's index grew
		if a, b := shared[0].List()[0], shared[i].List()[1]; unsafe.StringData(a) != unsafe.StringData(b) {
			t.Errorf("a repeated title is stored twice (list %d)", i)
		}
	}
}

// TestShareCopiesTitles: a store keeps its own copy of each title, not
// the bytes it was given (the parser's buffer is reused for the next
// file).
func TestShareCopiesTitles(t *testing.T) {
	buf := []byte(string(appendPrefixed(appendPrefixed(nil, "first title"), "second title")))
	given := Titles{s: unsafe.String(&buf[0], len(buf))}
	shared := NewTitleStore().Share(given)
	for i := range buf {
		buf[i] = 'X'
	}
	if got := shared.List(); !slices.Equal(got, []string{"first title", "second title"}) {
		t.Errorf("after the given bytes changed: %q", got)
	}
}

// TestShareWhenTheTableIsFull: a store whose table has no room left
// starts a new one; titles shared before keep reading from the old one.
func TestShareWhenTheTableIsFull(t *testing.T) {
	st := NewTitleStore()
	before := st.Share(NewTitles("old one", "old two"))
	full := st.tab
	full.dir = append(full.dir, make([][]byte, titleChunksMax-len(full.dir))...)
	full.used = titleChunkMax
	after := st.Share(NewTitles("new one", "old one"))
	if st.tab == full || after.tab != st.tab {
		t.Error("no new table for titles that do not fit")
	}
	if got := after.List(); !slices.Equal(got, []string{"new one", "old one"}) {
		t.Errorf("after a new table: %q", got)
	}
	if got := before.List(); !slices.Equal(got, []string{"old one", "old two"}) {
		t.Errorf("titles of the full table: %q", got)
	}
}

// TestTitlesReadWhileSharing: titles are read without a lock while the
// store adds others (the watcher adds articles while a search runs); run
// with -race.
func TestTitlesReadWhileSharing(t *testing.T) {
	st := NewTitleStore()
	published := make(chan Titles, 64)
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var seen []Titles
			for titles := range published {
				seen = append(seen, titles)
				for _, s := range seen[max(0, len(seen)-20):] { // read older ones again
					for title := range s.All() {
						if !strings.HasPrefix(title, "title ") {
							t.Errorf("read %.40q", title)
						}
					}
				}
			}
		}()
	}
	for i := range 2000 {
		titles := st.Share(NewTitles(fmt.Sprintf("title %d", i), fmt.Sprintf("title %d", i/2), "title "+strings.Repeat("x", i%300)))
		published <- titles
		published <- titles
	}
	close(published)
	wg.Wait()
}

// TestRecordWithATitlePastTheTable: a cache record whose related title
// refers past the string table is refused, not read out of bounds.
func TestRecordWithATitlePastTheTable(t *testing.T) {
	a := &Article{ID: "0123456789ab", Title: "Title"}
	a.SetRelatedTitles(NewTitles("one", "two"))
	table := newStringTable()
	rec := string(appendArticle(nil, a, a.ID, table))
	tables := table.decoded()
	if got, err := decodeNew(rec, tables); err != nil || !slices.Equal(got.RelatedTitles().List(), []string{"one", "two"}) {
		t.Fatalf("the record itself: %v, %v", got, err)
	}
	tables.titleRefs = tables.titleRefs[:len(tables.titleRefs)-1] // "two" is the last entry
	if _, err := decodeNew(rec, tables); err == nil {
		t.Error("a title past the table decoded")
	}
}
