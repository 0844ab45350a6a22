//go:build unix

package browser

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestOpenRealProcess starts a real script through the default Start and
// checks the argv it received: one argument, no shell expansion.
func TestOpenRealProcess(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "argv")
	script := filepath.Join(dir, "fake-browser")
	body := "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > " + out + ".tmp\n" +
		"[ -t 0 ] && echo tty >> " + out + ".tmp\n" +
		"[ -r /proc/$$/stat ] && cut -d' ' -f5 /proc/$$/stat > " + out + ".pgid\n" +
		"mv " + out + ".tmp " + out + "\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	// A shell would create the marker where the test looks: an absolute
	// path, not the shell's working directory (the package's, not dir).
	marker := filepath.Join(dir, "pwned")
	u := "https://example.com/a?q=$(touch${IFS}" + marker + ")&x=`touch${IFS}" + marker + "2`;b"
	o := Opener{Env: env(map[string]string{"BROWSER": "/nonexistent/browser:" + script + " --flag %s"})}
	if err := o.Open(u); err != nil {
		t.Fatalf("Open: %v", err)
	}
	var got []byte
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		var err error
		if got, err = os.ReadFile(out); err == nil {
			break
		}
	}
	if want := "--flag\n" + u + "\n"; string(got) != want {
		t.Errorf("browser received %q, want %q", got, want)
	}
	for _, m := range []string{marker, marker + "2"} {
		if _, err := os.Stat(m); err == nil {
			t.Errorf("the URL went through a shell: %s was created", m)
		}
	}
	if pgid, err := os.ReadFile(out + ".pgid"); err == nil {
		if got := strings.TrimSpace(string(pgid)); got == strconv.Itoa(syscall.Getpgrp()) {
			t.Errorf("browser runs in our process group %s; it would get the terminal's signals", got)
		}
	}
}
