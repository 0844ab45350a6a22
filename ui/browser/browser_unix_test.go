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
	if _, err := o.Open(u); err != nil {
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

func script(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestOpenFailingThenWorking: a command that exits non-zero at once is a
// failure, told with its stderr, and the next command is tried.
func TestOpenFailingThenWorking(t *testing.T) {
	dir := t.TempDir()
	bad := script(t, dir, "bad-browser", "echo 'Error: no DISPLAY' >&2\nexit 3\n")
	good := script(t, dir, "good-browser", "echo \"$1\" > "+filepath.Join(dir, "got")+"\n")
	o := Opener{Browser: bad + ":" + good}
	failed, err := o.Open("https://example.com/")
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if len(failed) != 1 || failed[0].Error() != "bad-browser: exit status 3: Error: no DISPLAY" {
		t.Fatalf("failed = %v", failed)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "got")); string(got) != "https://example.com/\n" {
		t.Errorf("working browser got %q", got)
	}
	// Only the failing one: nothing launched, the error says why.
	_, err = Opener{Browser: bad}.Open("https://example.com/")
	if err == nil || err.Error() != "open link: bad-browser: exit status 3: Error: no DISPLAY" {
		t.Errorf("err = %v", err)
	}
}

// TestOpenStillRunningLaunched: a browser still running after the grace
// period launched, whatever it does later, and Open does not wait for it.
func TestOpenStillRunningLaunched(t *testing.T) {
	dir := t.TempDir()
	slow := script(t, dir, "slow-browser", "sleep 2\nexit 1\n")
	start := time.Now()
	failed, err := Opener{Browser: slow, Grace: 100 * time.Millisecond}.Open("https://example.com/")
	if err != nil || len(failed) != 0 {
		t.Fatalf("Open = %v, %v", failed, err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("Open waited %v for a running browser", d)
	}
}
