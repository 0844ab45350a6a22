// Package e2e drives the real herald binary for end-to-end tests, as a
// person would see it: in a private tmux server (tmux.go) or on a
// pseudo-terminal (pty_linux.go). It builds the binary once per test
// binary (Herald) and finds the shared corpus beside the repository
// (SharedCorpus). Tests that run the binary skip in -short mode.
//
// The tests in this package are the binary-level ones; other packages'
// tests use the pty opener and the corpus path from here.
package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

// Herald is the herald binary, built the first time a test asks for it and
// shared with the other tests of the same test binary (one build instead of
// one per test). The zero value is ready; call Close when the tests end
// (from TestMain) to remove the binary.
type Herald struct {
	once sync.Once
	dir  string // the temporary directory holding the binary
	path string
	err  error
}

// Path builds the binary if no test has yet and returns its path. It skips
// the test in -short mode and fails it when the build fails.
func (h *Herald) Path(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	h.once.Do(func() { h.dir, h.path, h.err = build() })
	if h.err != nil {
		t.Fatal(h.err)
	}
	return h.path
}

// Close removes the binary.
func (h *Herald) Close() {
	if h.dir != "" {
		os.RemoveAll(h.dir)
	}
}

func build() (dir, bin string, err error) {
	dir, err = os.MkdirTemp("", "herald-e2e-")
	if err != nil {
		return "", "", err
	}
	bin = filepath.Join(dir, "herald")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = RepoRoot()
	if out, err := cmd.CombinedOutput(); err != nil {
		return dir, "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return dir, bin, nil
}

// RepoRoot is the module's root directory.
func RepoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// Missing skips the test because what it needs (tmux, a pseudo-terminal)
// is missing here, as on a developer's machine, or fails it under CI=true:
// CI must run every end-to-end test (.ci/run installs tmux), and a skip
// there would pass silently.
func Missing(tb testing.TB, what string) {
	tb.Helper()
	if ci := os.Getenv("CI"); ci == "true" || ci == "1" {
		tb.Fatalf("%s, and CI=true: end-to-end tests must run in CI (.ci/run says how to install tmux)", what)
		return
	}
	tb.Skip(what)
}

// SharedCorpus is the path of elem inside ../shared/corpus beside the
// repository (the corpus itself with no elem). It skips the test when that
// path is absent, as on a user's machine: the corpus is never copied into
// the repository.
func SharedCorpus(tb testing.TB, elem ...string) string {
	tb.Helper()
	p := filepath.Join(append([]string{RepoRoot(), "..", "shared", "corpus"}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shared corpus not present: %v", err)
	}
	return p
}
