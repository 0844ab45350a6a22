package e2e

import (
	"fmt"
	"testing"
)

// recordingTB records what Missing does to a test.
type recordingTB struct {
	testing.TB
	fatal, skip string
}

func (r *recordingTB) Helper()                   {}
func (r *recordingTB) Fatalf(f string, a ...any) { r.fatal = fmt.Sprintf(f, a...) }
func (r *recordingTB) Skip(a ...any)             { r.skip = fmt.Sprint(a...) }

// TestMissingFailsUnderCI: without tmux an end-to-end test skips on a
// developer's machine but fails under CI=true, where a skip would pass
// silently.
func TestMissingFailsUnderCI(t *testing.T) {
	for _, tc := range []struct {
		ci       string
		wantFail bool
	}{{"true", true}, {"1", true}, {"", false}, {"false", false}} {
		t.Setenv("CI", tc.ci)
		var r recordingTB
		Missing(&r, "tmux not installed")
		switch {
		case tc.wantFail && (r.fatal == "" || r.skip != ""):
			t.Errorf("CI=%q: fatal %q, skip %q; want a failure naming tmux", tc.ci, r.fatal, r.skip)
		case !tc.wantFail && (r.skip == "" || r.fatal != ""):
			t.Errorf("CI=%q: fatal %q, skip %q; want a skip", tc.ci, r.fatal, r.skip)
		}
	}
}
