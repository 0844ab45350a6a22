package feed

import (
	"cmp"
	"context"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

var nameDayCases = []string{
	"2024-01-29-slug.md", "2024-02-29-leap.md", "2023-02-29-not-leap.md", "2024-02-30-x.md",
	"2024-13-01-x.md", "2024-00-10-x.md", "2024-01-00-x.md", "2024-01-32-x.md", "0000-01-01-x.md",
	"1969-12-31-x.md", "9999-12-31-x.md", "2024-01-291.md", "2024-01-29", "2024-01-29.md",
	"2024-1-29-x.md", "20240129-x.md", "abcd-ef-gh-x.md", "2024-01-2x-x.md", "+024-01-29-x.md",
	"notes.md", "", "2024-04-31-x.md", "2024-12-31.markdown",
}

// TestNameDayMatchesDateFromName: the loader orders files by nameDay and
// the parser dates them by DateFromName; they must agree on every name.
func TestNameDayMatchesDateFromName(t *testing.T) {
	for _, name := range nameDayCases {
		checkNameDay(t, name)
	}
}

func FuzzNameDay(f *testing.F) {
	for _, name := range nameDayCases {
		f.Add(name)
	}
	f.Fuzz(checkNameDay)
}

func checkNameDay(t *testing.T, name string) {
	if strings.ContainsAny(name, `/\`) {
		return // nameDay gets base names from the walk; DateFromName also takes paths
	}
	want := noDay
	if d, ok := DateFromName(name); ok {
		want = int32(d.Unix() / 86400)
	}
	if got := nameDay(name); got != want {
		t.Errorf("nameDay(%q) = %d, DateFromName says %d", name, got, want)
	}
}

// TestSortDaysIsAStableSortByDay: sortDays moves the entries in place
// along the cycles of the sorting permutation; the result must be the
// stable sort newest day first, noDay last, listing order within a day.
func TestSortDaysIsAStableSortByDay(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 3, 10, 1000} {
		es := make([]loadEntry, n)
		for i := range es {
			es[i] = loadEntry{rel: strconv.Itoa(i), day: int32(rng.IntN(5)) - 2}
			if rng.IntN(4) == 0 {
				es[i].day = noDay
			}
		}
		want := slices.Clone(es)
		slices.SortStableFunc(want, func(a, b loadEntry) int { return cmp.Compare(b.day, a.day) })
		sortDays(es)
		if !slices.Equal(es, want) {
			t.Errorf("%d entries: sortDays gave\n%v\nwant\n%v", n, es, want)
		}
	}
}

// TestWalkPathsShareChunks: the paths a walk finds, which become the
// articles' paths, are carved one after another from a shared chunk, not
// allocated each (issue 16), and read as display builds them.
func TestWalkPathsShareChunks(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"2020-01-01-a.md": "x", "2020-01-02-b.md": "x", "sub/2020-01-03-c.md": "x"})
	src := Dir(dir + "/")
	found, _, dirs, err := src.walk(context.Background(), nil)
	closeDirs(dirs)
	if err != nil || len(found) != 3 {
		t.Fatalf("walk: %d entries, %v", len(found), err)
	}
	lo, hi, n := ^uintptr(0), uintptr(0), 0
	for _, e := range found {
		if want := src.display(e.rel); e.path != want {
			t.Errorf("path %q, want %q", e.path, want)
		}
		p := uintptr(unsafe.Pointer(unsafe.StringData(e.path)))
		lo, hi, n = min(lo, p), max(hi, p+uintptr(len(e.path))), n+len(e.path)
	}
	if hi-lo != uintptr(n) {
		t.Errorf("the paths (%d bytes) span %d bytes: not one after another", n, hi-lo)
	}
}
