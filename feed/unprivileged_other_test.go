//go:build !linux

package feed

import "testing"

// asUnprivileged needs Linux's credentials for a child process; elsewhere
// root skips the test, as root reads any directory.
func asUnprivileged(t *testing.T, test string, env ...string) {
	t.Skip("root reads any directory; re-running as another user is Linux-only here")
}
