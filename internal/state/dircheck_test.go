//go:build unix

package state

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStateDirOthersCanWriteRefused: a state directory every user can
// write to, or one owned by another user, is refused with an error naming
// it, and nothing is written in it.
func TestStateDirOthersCanWriteRefused(t *testing.T) {
	t.Run("world-writable", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "herald")
		if err := os.Mkdir(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(dir, 0o777); err != nil {
			t.Fatal(err)
		}
		assertRefused(t, dir, "writable by every user")
		// The sticky bit (as on /tmp) keeps others from replacing files.
		if err := os.Chmod(dir, 0o777|os.ModeSticky); err != nil {
			t.Fatal(err)
		}
		s, err := Open(dir)
		if err != nil {
			t.Fatalf("sticky directory refused: %v", err)
		}
		s.Close()
	})
	t.Run("another owner", func(t *testing.T) {
		if os.Geteuid() != 0 {
			t.Skip("only root can give a directory to another user")
		}
		dir := filepath.Join(t.TempDir(), "herald")
		if err := os.Mkdir(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.Chown(dir, 65534, 65534); err != nil {
			t.Fatal(err)
		}
		assertRefused(t, dir, "belongs to user 65534")
	})
}

func assertRefused(t *testing.T, dir, why string) {
	t.Helper()
	for _, opt := range []Options{{}, {ReadOnly: true}} {
		s, err := OpenWith(dir, opt)
		if err == nil {
			s.Close()
			t.Fatalf("read-only %v: opened", opt.ReadOnly)
		}
		if !strings.Contains(err.Error(), dir) || !strings.Contains(err.Error(), why) {
			t.Errorf("read-only %v: error %q does not name %s and say %q", opt.ReadOnly, err, dir, why)
		}
	}
	if names, _ := os.ReadDir(dir); len(names) != 0 {
		t.Errorf("files created in a refused directory: %v", names)
	}
}
