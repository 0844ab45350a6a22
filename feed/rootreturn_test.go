package feed

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// libraryFollower keeps a library up to date with a watch's Changes, as
// the reader does, so tests can ask what the reader would show.
type libraryFollower struct {
	rec     *watchRecorder
	lib     *Library
	applied int // Changes of rec applied so far
}

func (f *libraryFollower) paths() []string {
	for ; f.applied < len(f.rec.changes); f.applied++ {
		f.lib.Apply(f.rec.changes[f.applied])
	}
	var out []string
	for _, a := range f.lib.Articles() {
		out = append(out, a.Path)
	}
	slices.Sort(out)
	return out
}

// shows waits until the library holds exactly the articles at paths.
func (f *libraryFollower) shows(what string, paths ...string) {
	f.rec.t.Helper()
	slices.Sort(paths)
	f.rec.until(what, func() bool { return slices.Equal(f.paths(), paths) })
}

func TestWatchSubdirectoryRemovedAndRecreated(t *testing.T) {
	dir := t.TempDir()
	p := func(rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }
	write(t, dir, map[string]string{
		"top.md":          article("An article at the top", "https://example.com/top", ""),
		"2024/a.md":       article("An article in the folder", "https://example.com/a", ""),
		"2024/deep/aa.md": article("An article deeper down", "https://example.com/aa", ""),
	})
	rec := startWatch(t, WatchOptions{}, dir)
	lib := &libraryFollower{rec: rec, lib: mustLoad(t, Options{}, Dir(dir))}

	if err := os.RemoveAll(p("2024")); err != nil {
		t.Fatal(err)
	}
	lib.shows("the folder's articles gone", p("top.md"))

	// Back with files (a restore): they are seen as they are now...
	write(t, dir, map[string]string{
		"2024/a.md":      article("An article in the folder, restored", "https://example.com/a", ""),
		"2024/b.md":      article("An article new in the restored folder", "https://example.com/b", ""),
		"2024/deep/c.md": article("A new article deep in the folder", "https://example.com/c", ""),
	})
	rec.until("the restored files added", func() bool {
		return rec.added[p("2024/a.md")] != nil && rec.added[p("2024/b.md")] != nil && rec.added[p("2024/deep/c.md")] != nil
	})
	// ...and the folder is watched again: a file written later is seen.
	write(t, dir, map[string]string{"2024/deep/d.md": article("Written after the folder came back", "https://example.com/d", "")})
	lib.shows("the later file", p("top.md"), p("2024/a.md"), p("2024/b.md"), p("2024/deep/c.md"), p("2024/deep/d.md"))
	if got := rec.added[p("2024/a.md")].Title; got != "An article in the folder, restored" {
		t.Errorf("restored article title = %q", got)
	}

	// Removed and recreated at once, as `git checkout` does: whatever the
	// events' timing, the library ends up with what is there.
	if err := os.RemoveAll(p("2024")); err != nil {
		t.Fatal(err)
	}
	write(t, dir, map[string]string{"2024/e.md": article("On the other branch", "https://example.com/e", "")})
	lib.shows("the other branch's folder", p("top.md"), p("2024/e.md"))
	write(t, dir, map[string]string{"2024/f.md": article("Written on the other branch", "https://example.com/f", "")})
	lib.shows("a later file on the other branch", p("top.md"), p("2024/e.md"), p("2024/f.md"))
}

func TestWatchRootRemovedAndRecreated(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "lib")
	p := func(rel string) string { return filepath.Join(root, filepath.FromSlash(rel)) }
	write(t, root, map[string]string{"a.md": article("There from the start", "https://example.com/a", "")})
	rec := startWatch(t, WatchOptions{}, root)
	lib := &libraryFollower{rec: rec, lib: mustLoad(t, Options{}, Dir(root))}

	if err := os.RemoveAll(root); err != nil {
		t.Fatal(err)
	}
	rec.until("the root gone", func() bool { return len(rec.gone) > 0 })
	lib.shows("no articles")

	// Back with files, some in folders: all are seen, and watched again.
	write(t, root, map[string]string{
		"a.md":      article("There from the start, restored", "https://example.com/a", ""),
		"2025/b.md": article("In a folder of the restored root", "https://example.com/b", ""),
	})
	rec.until("the restored files added", func() bool { return rec.added[p("a.md")] != nil && rec.added[p("2025/b.md")] != nil })
	write(t, root, map[string]string{"2025/c.md": article("Written after the root came back", "https://example.com/c", "")})
	lib.shows("the later file", p("a.md"), p("2025/b.md"), p("2025/c.md"))
	if !slices.Equal(rec.gone, []string{root}) {
		t.Errorf("DirGone = %q, want %q once", rec.gone, root)
	}
}

func TestWatchRootReturnsThroughMissingParents(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "x", "y", "lib")
	write(t, root, map[string]string{"a.md": article("There from the start", "https://example.com/a", "")})
	rec := startWatch(t, WatchOptions{}, root)
	lib := &libraryFollower{rec: rec, lib: mustLoad(t, Options{}, Dir(root))}

	// Its parents go too; they come back one at a time.
	if err := os.RemoveAll(filepath.Join(base, "x")); err != nil {
		t.Fatal(err)
	}
	lib.shows("no articles")
	for _, d := range []string{filepath.Join(base, "x"), filepath.Join(base, "x", "y"), root} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write(t, root, map[string]string{"b.md": article("Written once the path is back", "https://example.com/b", "")})
	lib.shows("the file in the returned root", filepath.Join(root, "b.md"))
}

func TestWatchRootReplacedByFileThenSymlink(t *testing.T) {
	base, other := t.TempDir(), t.TempDir()
	root, elsewhere := filepath.Join(base, "lib"), filepath.Join(base, "elsewhere")
	write(t, root, map[string]string{"a.md": article("There from the start", "https://example.com/a", "")})
	rec := startWatch(t, WatchOptions{}, root, other)
	// A file in the other root, once reported, shows that the watcher has
	// taken in every event before it: one queue, in order.
	barrier := func(name string) {
		t.Helper()
		write(t, other, map[string]string{name: article("A barrier file "+name, "", someDate)})
		rec.until("barrier "+name, func() bool { return rec.added[filepath.Join(other, name)] != nil })
	}

	if err := os.RemoveAll(root); err != nil {
		t.Fatal(err)
	}
	rec.until("the root gone", func() bool { return len(rec.gone) > 0 })
	// A file where the root was is not a library, and no trouble.
	if err := os.WriteFile(root, []byte("not a directory"), 0o644); err != nil {
		t.Fatal(err)
	}
	barrier("1.md")
	if err := os.Remove(root); err != nil {
		t.Fatal(err)
	}
	// A symlink to a directory is followed, as Watch follows a root given
	// as a symlink, even one whose target comes only later: nothing
	// happens where the root is then (this is the poll's case).
	if err := os.Symlink(elsewhere, root); err != nil {
		t.Fatal(err)
	}
	barrier("2.md")
	write(t, elsewhere, map[string]string{"b.md": article("Behind the symlink", "https://example.com/b", "")})
	rec.until("the file behind the symlink", func() bool { return rec.added[filepath.Join(root, "b.md")] != nil })
	write(t, elsewhere, map[string]string{"c.md": article("Written behind the symlink later", "https://example.com/c", "")})
	rec.until("a later file behind the symlink", func() bool { return rec.added[filepath.Join(root, "c.md")] != nil })
	for path := range rec.added {
		if strings.HasPrefix(path, elsewhere) {
			t.Errorf("reported under the symlink's target: %s", path)
		}
	}
}

func TestWatchNestedRootReturns(t *testing.T) {
	outer := t.TempDir()
	inner := filepath.Join(outer, "inner")
	write(t, outer, map[string]string{"a.md": article("In the outer root", "", someDate)})
	write(t, inner, map[string]string{"b.md": article("In the inner root", "", someDate)})
	// Inner first: given after, it would be one of the outer root's folders.
	rec := startWatch(t, WatchOptions{}, inner, outer)

	if err := os.RemoveAll(inner); err != nil {
		t.Fatal(err)
	}
	rec.until("the inner root gone", func() bool { return len(rec.gone) > 0 })
	// Back (moved in whole, folders and all), it is the inner root again,
	// not a new folder of the outer one: its articles are relative to it.
	stage := filepath.Join(t.TempDir(), "stage")
	write(t, stage, map[string]string{"2025/c.md": article("Back in the inner root", "", someDate)})
	if err := os.Rename(stage, inner); err != nil {
		t.Fatal(err)
	}
	write(t, inner, map[string]string{"2025/d.md": article("Later in the inner root", "", someDate)})
	rec.until("both files", func() bool {
		return rec.added[filepath.Join(inner, "2025", "c.md")] != nil && rec.added[filepath.Join(inner, "2025", "d.md")] != nil
	})
	for _, name := range []string{"2025/c.md", "2025/d.md"} {
		if a := rec.added[filepath.Join(inner, filepath.FromSlash(name))]; a.Rel() != name {
			t.Errorf("%s: Rel %q, want %q", name, a.Rel(), name)
		}
	}
}
