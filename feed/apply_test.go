package feed

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// readAsWatched reads one file of dir the way Watch does.
func readAsWatched(t *testing.T, dir, rel string) *Article {
	t.Helper()
	e := loadEntry{src: &Source{root: dir}, rel: rel, day: nameDay(filepath.Base(rel))}
	e.path = e.src.display(rel)
	r := newLoadWorker(nil).load(0, &e)
	if r.a == nil {
		t.Fatalf("read %s: %+v", rel, r.prob)
	}
	return r.a
}

func paths(arts []*Article) []string {
	var out []string
	for _, a := range arts {
		out = append(out, filepath.Base(a.Path))
	}
	return out
}

func TestLibraryApply(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"2024-01-01-a.md": article("The first copy of a story", "https://example.com/x", "2024-01-01T10:00:00Z"),
		"2024-01-02-b.md": article("Another story entirely", "https://example.com/y", "2024-01-02T10:00:00Z"),
	})
	lib := mustLoad(t, Options{}, Dir(dir))
	a := lib.ByID(URLID("https://example.com/x"))
	before := lib.Articles()

	// A new file with a URL the library has: it has the same ID (issue 11:
	// copies of one URL share their reading state), ByID still finds the
	// first, and the two are one story.
	write(t, dir, map[string]string{
		"2024-01-03-c.md": article("A second copy, saved later", "https://example.com/x", "2024-01-03T10:00:00Z"),
		"2024-01-02-b.md": article("Another story entirely, edited", "https://example.com/y", "2024-01-02T10:00:00Z"),
	})
	c := readAsWatched(t, dir, "2024-01-03-c.md")
	b2 := readAsWatched(t, dir, "2024-01-02-b.md")
	lib.Apply(Change{Added: []*Article{c}, Changed: []*Article{b2}})

	if got, want := paths(lib.Articles()), []string{"2024-01-03-c.md", "2024-01-02-b.md", "2024-01-01-a.md"}; !slices.Equal(got, want) {
		t.Fatalf("articles = %q, want %q (newest first)", got, want)
	}
	if lib.ByID(URLID("https://example.com/x")) != a || c.ID != a.ID {
		t.Errorf("IDs: first %q, second %q", a.ID, c.ID)
	}
	if got := paths(savesOf(lib, c.ID)); !slices.Equal(got, []string{"2024-01-03-c.md", "2024-01-01-a.md"}) {
		t.Errorf("story = %q", got)
	}
	if got := lib.ByID(URLID("https://example.com/y")); got != b2 || got.Title != "Another story entirely, edited" {
		t.Errorf("changed article = %+v", got)
	}
	if len(before) != 2 {
		t.Errorf("the previous Articles slice changed: %q", paths(before))
	}
	if lib.Len() != 3 || lib.Found() != 3 {
		t.Errorf("Len %d Found %d", lib.Len(), lib.Found())
	}

	// A removal, and a file that turned bad.
	if err := os.Remove(filepath.Join(dir, "2024-01-01-a.md")); err != nil {
		t.Fatal(err)
	}
	bad := Problem{Path: b2.Path, Line: 2, Reason: "bad"}
	lib.Apply(Change{Removed: []string{a.Path}, Problems: []Problem{bad}})
	if got := paths(lib.Articles()); !slices.Equal(got, []string{"2024-01-03-c.md"}) {
		t.Errorf("articles = %q", got)
	}
	if lib.ByID(c.ID) != c || c.FirstSaveID != c.ID {
		t.Errorf("after removal: ByID %v, c %q story %q", lib.ByID(c.ID), c.ID, c.FirstSaveID)
	}
	if got := lib.Skipped(); len(got) != 1 || got[0] != bad {
		t.Errorf("skipped = %v", got)
	}
	// The file is fixed: the problem goes, the article comes back.
	lib.Apply(Change{Added: []*Article{readAsWatched(t, dir, "2024-01-02-b.md")}})
	if len(lib.Skipped()) != 0 || lib.Len() != 2 || lib.Found() != 2 {
		t.Errorf("skipped %v, Len %d, Found %d", lib.Skipped(), lib.Len(), lib.Found())
	}
}
