package e2e_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-reader/herald/internal/e2e"
)

// TestTmuxLiveUpdate runs the real herald binary in tmux on a temporary
// copy of a few demo articles, copies one more file into the directory
// and waits, without pressing a key, for its title and the "1 new" badge
// to appear. Skipped when tmux is absent and in -short mode.
func TestTmuxLiveUpdate(t *testing.T) {
	demo := filepath.Join(e2e.RepoRoot(), "internal", "demo", "articles")
	names, err := filepath.Glob(filepath.Join(demo, "*.md"))
	if err != nil || len(names) < 5 {
		t.Skipf("demo articles not found in %s", demo)
	}
	tmp := t.TempDir()
	lib := filepath.Join(tmp, "news")
	if err := os.Mkdir(lib, 0o755); err != nil {
		t.Fatal(err)
	}
	copyFile := func(src, dir string) {
		t.Helper()
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		// Written elsewhere, then renamed in: how a sync tool delivers.
		tmpf := filepath.Join(tmp, filepath.Base(src))
		if err := os.WriteFile(tmpf, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmpf, filepath.Join(dir, filepath.Base(src))); err != nil {
			t.Fatal(err)
		}
	}
	for _, n := range names[:4] {
		copyFile(n, lib)
	}
	late := names[len(names)-1] // the newest: it becomes the first row
	title := demoTitle(t, late)

	bin := herald.Path(t)
	home := filepath.Join(tmp, "home")
	cmd := e2e.HeraldCommand(bin, []string{"HERALD_NO_CACHE=1", "BROWSER=true", "XDG_CONFIG_HOME=" + home, "XDG_STATE_HOME=" + home}, lib)
	tm := e2e.StartTmux(t, cmd, 120, 40)
	waitFor := func(what ...string) string {
		t.Helper()
		return tm.WaitFor(e2e.Exited, what...)
	}
	waitFor("4 articles")
	copyFile(late, lib)
	waitFor(title[:min(len(title), 30)], "1 new", "5 articles")
	tm.Keys("q")
	tm.WaitFor("", e2e.Exited+"0")
}

// demoTitle reads the title: line of a demo article's front matter.
func demoTitle(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "title:"); ok {
			return strings.Trim(strings.TrimSpace(v), `"'`)
		}
	}
	t.Fatalf("%s: no title", path)
	return ""
}
