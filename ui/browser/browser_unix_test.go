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
	const u = "https://example.com/a?q=$(touch${IFS}pwned)&x=`id`;b"
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
	if _, err := os.Stat(filepath.Join(dir, "pwned")); err == nil {
		t.Error("the URL went through a shell")
	}
	if pgid, err := os.ReadFile(out + ".pgid"); err == nil {
		if got := strings.TrimSpace(string(pgid)); got == strconv.Itoa(syscall.Getpgrp()) {
			t.Errorf("browser runs in our process group %s; it would get the terminal's signals", got)
		}
	}
}
