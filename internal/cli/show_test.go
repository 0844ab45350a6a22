package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// showLibrary writes a small library: a normal article, one full of
// terminal control sequences, and a file that cannot be used.
func showLibrary(t *testing.T) (dir, normal, hostile string) {
	t.Helper()
	dir = t.TempDir()
	normal = writeFile(t, filepath.Join(dir, "2024-01-29-google.md"), `---
title: "Google And Hugging Face Partner"
excerpt: "Open models for everyone."
publishedDateTime: 2024-01-29T14:30:00Z
originalUrl: "https://www.forbes.com/sites/x/google/"
provider:
  name: Forbes
  domain: forbes.com
topics: [AI]
---
The partnership *matters*.
`)
	hostile = writeFile(t, filepath.Join(dir, "2024-01-30-hostile.md"), "---\n"+
		"title: \"Evil \\e]52;c;cm0gLXJmIH4=\\a title \\e[31mred\"\n"+
		"excerpt: \"\\u009b2J cleared? \\e]0;owned\\a\"\n"+
		"originalUrl: \"https://evil.example/a\"\n"+
		"provider:\n  name: \"Bad\\e[5mCo\"\n"+
		"---\n"+
		"Body \x1b]8;;https://x\x07link\x1b]8;;\x07 and &#27;[2J entity and \u202eoverride.\n")
	writeFile(t, filepath.Join(dir, "2024-01-31-broken.md"), "---\ntitle: \"never closed\"\n")
	return dir, normal, hostile
}

func TestShowPathIsPlainTextInAPipe(t *testing.T) {
	isolate(t)
	_, normal, hostile := showLibrary(t)
	code, out, errOut := herald("show", normal)
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{"# Google And Hugging Face Partner\n", "**Forbes** · forbes.com",
		"The partnership *matters*.", "https://www.forbes.com/sites/x/google/"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}

	code, out, errOut = herald("show", hostile)
	if code != 0 {
		t.Fatalf("hostile: exit %d, stderr %q", code, errOut)
	}
	assertNoControl(t, out)
	if !strings.Contains(out, "Evil") || !strings.Contains(out, "override") {
		t.Errorf("hostile article lost its text:\n%s", out)
	}
}

// assertNoControl fails on any control character but newline (and the
// carriage return a terminal adds): no ESC, no C1, no bidi override.
func assertNoControl(t *testing.T, out string) {
	t.Helper()
	for i, r := range out {
		if r == '\n' {
			continue
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			t.Fatalf("control character %U at byte %d: %q", r, i, out[max(0, i-20):min(len(out), i+20)])
		}
	}
}

func TestShowByID(t *testing.T) {
	isolate(t)
	dir, _, _ := showLibrary(t)
	code, out, _ := herald("list", "--format", "json", dir)
	if code != 0 {
		t.Fatalf("list: exit %d", code)
	}
	var id string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var rec struct{ ID, Title string }
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(rec.Title, "Google") {
			id = rec.ID
		}
	}
	if id == "" {
		t.Fatal("fixture article not listed")
	}
	for _, arg := range []string{id, id[:6]} {
		code, out, errOut := herald("show", arg, dir)
		if code != 0 || !strings.Contains(out, "# Google And Hugging Face Partner") {
			t.Errorf("show %s: exit %d, stderr %q", arg, code, errOut)
		}
	}

	// The configured dirs are used when none are given.
	xdg := filepath.Join(t.TempDir(), "cfg")
	t.Setenv("XDG_CONFIG_HOME", xdg)
	writeFile(t, filepath.Join(xdg, "herald", "config.yaml"), "dirs: ["+dir+"]\n")
	if code, out, errOut := herald("show", id); code != 0 || !strings.Contains(out, "Google") {
		t.Errorf("show with configured dirs: exit %d, stderr %q", code, errOut)
	}

	code, out, errOut := herald("show", "ffffffffffff", dir)
	if code != 1 || out != "" || !strings.Contains(errOut, `no article or file "ffffffffffff"`) {
		t.Errorf("unknown ID: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if code, _, errOut := herald("show", "\x1b[2Jx", dir); code != 1 || strings.Contains(errOut, "\x1b") {
		t.Errorf("hostile ID echoed raw: exit %d, stderr %q", code, errOut)
	}
}

func TestShowUsageErrors(t *testing.T) {
	isolate(t)
	dir, _, _ := showLibrary(t)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"show"}, "no article given"},
		{[]string{"show", dir}, "is a directory"},
		{[]string{"show", "--width", "-3", "abc"}, "--width must be"},
		{[]string{"show", "abcdef"}, "no directory given, and the config file sets no dirs"},
		{[]string{"show", "abcdef", filepath.Join(dir, "nope")}, "nope"},
	}
	for _, c := range cases {
		code, out, errOut := herald(c.args...)
		if code != 2 || out != "" || !strings.Contains(errOut, c.want) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q (want %q)", c.args, code, out, errOut, c.want)
		}
	}
}

func TestErrorsCommand(t *testing.T) {
	isolate(t)
	dir, _, _ := showLibrary(t)
	code, out, errOut := herald("errors", dir)
	want := filepath.Join(dir, "2024-01-31-broken.md")
	if code != 1 || !strings.HasPrefix(out, want+":") || strings.Count(out, "\n") != 1 {
		t.Errorf("exit %d, stdout %q", code, out)
	}
	if !strings.Contains(errOut, "1 of 3 files could not be used") {
		t.Errorf("stderr %q", errOut)
	}

	clean := t.TempDir()
	writeFile(t, filepath.Join(clean, "2024-01-01-ok.md"), "---\ntitle: \"Fine\"\n---\n")
	if code, out, errOut := herald("errors", clean); code != 0 || out != "" || errOut != "" {
		t.Errorf("clean dir: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if code, _, errOut := herald("errors", filepath.Join(clean, "missing")); code != 2 || errOut == "" {
		t.Errorf("missing dir: exit %d, stderr %q", code, errOut)
	}
	if code, _, errOut := herald("errors"); code != 2 || !strings.Contains(errOut, "no directory given") {
		t.Errorf("no dir: exit %d, stderr %q", code, errOut)
	}
}
