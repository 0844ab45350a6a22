package feed

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"
)

// TestKnownFilesFindEveryName: a directory's front-coded names (several
// restarts, names that start other names, a name longer than the look-up's
// buffer) are each found, and nothing between, before or after them; each
// yields them all.
func TestKnownFilesFindEveryName(t *testing.T) {
	dir := filepath.Join(string(filepath.Separator)+"lib", "2024")
	var names []string
	for i := range 100 {
		names = append(names, fmt.Sprintf("2024-01-%02d-story-%d.md", 1+i%28, i))
	}
	long := fmt.Sprintf("2024-01-05-%0300d.md", 7)
	names = append(names, "2024-01-05-story.md", "2024-01-05-story.md.bak", "2024-01-05-stor.md", "é-accented.md", long)
	for _, n := range []int{0, 1, 15, 16, 17, len(names)} {
		k := newKnownFiles()
		r := &watchRoot{}
		k.addListing(r, dir, slices.Clone(names[:n]))
		for _, name := range names[:n] {
			if _, ok := k.get(filepath.Join(dir, name)); !ok {
				t.Errorf("%d names: %q not found", n, name)
			}
		}
		for _, absent := range []string{"", "0.md", "2024-01-05-story", "2024-01-05-story.md.", "2024-01-05-story-1000.md", "2024-01-05-stor", "zzz.md", "é", long + "x"} {
			if _, ok := k.get(filepath.Join(dir, absent)); ok && !slices.Contains(names[:n], absent) {
				t.Errorf("%d names: %q found", n, absent)
			}
		}
		var got []string
		k.each("", func(abs string, st fileState) { got = append(got, abs) })
		want := make([]string, n)
		for i, name := range names[:n] {
			want[i] = filepath.Join(dir, name)
		}
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%d names: each yields %d names, want %d", n, len(got), len(want))
		}
	}
}
