package atomicfile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFileReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.log")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, "state.log.tmp*", []byte("new"), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "new" {
		t.Fatalf("after WriteFile: %q, %v", got, err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v (%v), want 0600", fi.Mode().Perm(), err)
	}
	assertOnly(t, dir, "state.log")
}

// TestDiscardKeepsOld: a replacement given up (an error while writing)
// leaves the old file as it was and no temporary file behind.
func TestDiscardKeepsOld(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "index")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := Create(path, ".index-*.tmp")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write([]byte("half of the new")); err != nil {
		t.Fatal(err)
	}
	f.Discard()
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Fatalf("after Discard: %q, want the old content", got)
	}
	assertOnly(t, dir, "index")
}

// TestCommitWithPatchedHeader: WriteAt patches what was written first (a
// checksum in a header), and a Discard after Commit removes nothing.
func TestCommitWithPatchedHeader(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "index")
	f, err := Create(path, ".index-*.tmp")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Discard()
	if _, err := f.Write([]byte("HDR:????body")); err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt([]byte("1234"), 4); err != nil {
		t.Fatal(err)
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	f.Discard()
	if got, _ := os.ReadFile(path); string(got) != "HDR:1234body" {
		t.Fatalf("committed %q", got)
	}
	assertOnly(t, dir, "index")
}

func assertOnly(t *testing.T, dir, name string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil || len(ents) != 1 || ents[0].Name() != name {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Fatalf("directory holds %v (%v), want only %s", names, err, name)
	}
}
