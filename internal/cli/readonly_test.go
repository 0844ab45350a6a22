package cli

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/herald-reader/herald/internal/state"
)

// TestReadOnlyCommandsCreateNothing: list, unread-count and show read the
// state a mark-read left, and create no file (no lock file, no log), nor
// touch the log. The index cache is off here: it is a cache, written by
// any load.
func TestReadOnlyCommandsCreateNothing(t *testing.T) {
	t.Parallel()
	e := newScriptEnv(t)
	e.vars["HERALD_NO_CACHE"] = "1"
	dir := queryCorpus(t)
	e.mustRun(t, "mark-read", "--query", "topic:AI", dir)
	stateDir := filepath.Dir(e.stateLog())
	if err := os.Remove(filepath.Join(stateDir, state.LockName)); err != nil {
		t.Fatal(err)
	}
	old := time.Unix(1_600_000_000, 0)
	if err := os.Chtimes(e.stateLog(), old, old); err != nil {
		t.Fatal(err)
	}
	before := listTree(t, e.vars["HOME"])
	ids, _ := tsvRows(t, e, "--query", "is:read", dir)
	if len(ids) != 3 {
		t.Fatalf("is:read lists %d articles, want the 3 marked", len(ids))
	}
	e.mustRun(t, "unread-count", dir)
	e.mustRun(t, "list", "--format", "json", dir)
	e.mustRun(t, "show", ids[0], dir)
	if after := listTree(t, e.vars["HOME"]); !slices.Equal(after, before) {
		t.Errorf("read-only commands changed the files:\nbefore %q\nafter  %q", before, after)
	}
	if fi, err := os.Stat(e.stateLog()); err != nil || !fi.ModTime().Equal(old) {
		t.Errorf("the state log was written to (%v)", err)
	}
}

// listTree is every path under root.
func listTree(t *testing.T, root string) []string {
	t.Helper()
	var paths []string
	err := filepath.WalkDir(root, func(p string, _ fs.DirEntry, err error) error {
		paths = append(paths, p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return paths
}
