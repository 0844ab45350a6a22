package feed

import (
	"strings"
	"testing"
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
