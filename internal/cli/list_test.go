package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/herald-reader/herald/internal/e2e"
)

// listFixture is a small library with one article of each kind the list
// formats must render: full metadata, no URL or date, a wide-character
// provider, and one broken file.
func listFixture(t *testing.T) string {
	t.Helper()
	t.Setenv("XDG_CACHE_HOME", t.TempDir()) // never the user's cache
	dir := t.TempDir()
	files := map[string]string{
		"2024-01-29-google.md": `---
title: "Google And Hugging Face Partner"
publishedDateTime: 2024-01-29T14:30:00Z
originalUrl: "https://www.forbes.com/sites/x/google/"
webUrl: "https://www.forbes.com/sites/x/google/?amp"
type: article
provider:
  name: Forbes
  domain: forbes.com
topics:
  - AI
  - Generative AI
related:
  - title: "One"
    webUrl: "https://example.com/1"
  - title: "Two"
    webUrl: "https://example.com/2"
---
`,
		// Undated: a link makes it an article (issue 11: a record with
		// neither a date nor a link is not one).
		"notes/untitled-notes.md": "---\ntitle: \"Notes without a date\"\nwebUrl: https://example.com/notes\n---\nBody.\n",
		"2024-01-28-wide.md": `---
title: "人工知能のニュース"
publishedDateTime: 2024-01-28T09:00:00Z
webUrl: "https://example.jp/ai"
provider:
  name: 日本経済新聞
  domain: nikkei.com
topics: [AI]
---
`,
		"2024-01-27-broken.md": "---\ntitle: \"never closed\"\n",
	}
	for name, content := range files {
		writeFile(t, filepath.Join(dir, filepath.FromSlash(name)), content)
	}
	return dir
}

func run(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = Run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestListJSON(t *testing.T) {
	isolate(t) // never read the user's config or write their cache
	dir := listFixture(t)
	code, out, errOut := run("list", "--format", "json", dir)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines, want 3:\n%s", len(lines), out)
	}
	wantKeys := []string{"domain", "id", "path", "provider", "published", "related", "story", "title", "topics", "type", "url"}
	var recs []map[string]any
	for _, l := range lines {
		if !strings.HasPrefix(l, `{"id":`) {
			t.Errorf("line does not start with the id: %s", l)
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("not JSON: %s: %v", l, err)
		}
		var keys []string
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		if !slices.Equal(keys, wantKeys) {
			t.Errorf("keys %q, want exactly %q", keys, wantKeys)
		}
		recs = append(recs, m)
	}
	g := recs[0]
	checks := map[string]any{
		"path": filepath.Join(dir, "2024-01-29-google.md"), "title": "Google And Hugging Face Partner",
		"provider": "Forbes", "domain": "forbes.com", "published": "2024-01-29T14:30:00Z",
		"url": "https://www.forbes.com/sites/x/google/", "related": float64(2), "type": "article",
	}
	for k, want := range checks {
		if g[k] != want {
			t.Errorf("%s = %#v, want %#v", k, g[k], want)
		}
	}
	if topics, _ := g["topics"].([]any); len(topics) != 2 || topics[1] != "Generative AI" {
		t.Errorf("topics = %#v", g["topics"])
	}
	if id, _ := g["id"].(string); len(id) != 12 || g["story"] != id {
		t.Errorf("id %#v, story %#v: want a 12-char ID that is its own story", g["id"], g["story"])
	}
	n := recs[2] // undated name: listed last
	if n["title"] != "Notes without a date" || n["published"] != "" || n["url"] != "https://example.com/notes" || n["type"] != "" {
		t.Errorf("undated record = %#v", n)
	}
	if topics, ok := n["topics"].([]any); !ok || len(topics) != 0 {
		t.Errorf("topics of an article without topics = %#v, want []", n["topics"])
	}
	if !strings.Contains(errOut, filepath.Join(dir, "2024-01-27-broken.md")+":") {
		t.Errorf("stderr %q does not report the broken file", errOut)
	}
}

func TestListExitStatusAndStderr(t *testing.T) {
	isolate(t) // never read the user's config or write their cache
	dir := listFixture(t)
	tests := []struct {
		name       string
		args       []string
		code       int
		stdout     string // substring
		stderr     string // substring
		stderrLine int    // exact number of stderr lines, -1 to skip
	}{
		{"count", []string{"list", "--format", "count", dir}, 0, "3 articles, 1 skipped\n", "2024-01-27-broken.md", 1},
		{"flags after dirs", []string{"list", dir, "--format=count"}, 0, "3 articles, 1 skipped", "", 1},
		{"single dash flag", []string{"list", "-format", "count", dir}, 0, "3 articles", "", 1},
		{"missing dir", []string{"list", filepath.Join(dir, "nope")}, 2, "", "no such file or directory", 1},
		{"file as dir", []string{"list", filepath.Join(dir, "2024-01-29-google.md")}, 2, "", "not a directory", 1},
		{"no dir", []string{"list"}, 2, "", "no directory given", -1},
		{"bad format", []string{"list", "--format", "xml", dir}, 2, "", `unknown format "xml"`, -1},
		{"unknown flag", []string{"list", "--colour", dir}, 2, "", "flag provided but not defined", -1},
		{"help", []string{"list", "--help"}, 0, "Usage: herald list", "", 0},
		{"not a command, not a directory", []string{"lsit"}, 2, "", "lsit", -1},
		{"herald help", []string{"--help"}, 0, "herald list", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, errOut)
			}
			if !strings.Contains(out, tt.stdout) {
				t.Errorf("stdout %q, want it to contain %q", out, tt.stdout)
			}
			if !strings.Contains(errOut, tt.stderr) {
				t.Errorf("stderr %q, want it to contain %q", errOut, tt.stderr)
			}
			if tt.stderrLine >= 0 && strings.Count(errOut, "\n") != tt.stderrLine {
				t.Errorf("stderr has %d lines, want %d: %q", strings.Count(errOut, "\n"), tt.stderrLine, errOut)
			}
		})
	}
	// A skipped file is exactly "PATH: reason".
	_, _, errOut := run("list", "--format", "count", dir)
	line := strings.TrimSuffix(errOut, "\n")
	prefix := filepath.Join(dir, "2024-01-27-broken.md") + ": "
	if !strings.HasPrefix(line, prefix) && !strings.HasPrefix(line, strings.TrimSuffix(prefix, ": ")+":") {
		t.Errorf("stderr line %q, want %q followed by the reason", line, prefix)
	}
}

func TestListTableAlignsWideCharacters(t *testing.T) {
	isolate(t) // never read the user's config or write their cache
	dir := listFixture(t)
	code, out, _ := run("list", dir)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "DATE") {
		t.Fatalf("table:\n%s", out)
	}
	titles := []string{"TITLE", "Google And Hugging Face Partner", "人工知能のニュース", "Notes without a date"}
	col := -1
	for i, l := range lines {
		at := strings.Index(l, titles[i])
		if at < 0 {
			t.Fatalf("line %d %q lacks %q", i, l, titles[i])
		}
		w := ansi.StringWidth(l[:at]) // terminal cells before the title
		if col < 0 {
			col = w
		} else if w != col {
			t.Errorf("title column at cell %d on line %d, %d on the header:\n%s", w, i, col, out)
		}
	}
	if !strings.HasPrefix(lines[1], "2024-01-29  Forbes") {
		t.Errorf("row %q, want date then provider", lines[1])
	}
}

func TestListCacheFollowsEnvironment(t *testing.T) {
	dir := listFixture(t)
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	t.Setenv("HERALD_NO_CACHE", "1")
	if code, _, _ := run("list", "--format", "count", dir); code != 0 {
		t.Fatal("list failed")
	}
	if _, err := os.Stat(filepath.Join(cache, "herald")); !os.IsNotExist(err) {
		t.Errorf("HERALD_NO_CACHE=1 still wrote a cache: %v", err)
	}
	t.Setenv("HERALD_NO_CACHE", "")
	if code, _, _ := run("list", "--format", "count", dir); code != 0 {
		t.Fatal("list failed")
	}
	if m, _ := filepath.Glob(filepath.Join(cache, "herald", "index-*.bin")); len(m) != 1 {
		t.Errorf("cache files %v, want one index under $XDG_CACHE_HOME/herald", m)
	}
}

func TestCacheDir(t *testing.T) {
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	tests := []struct {
		getenv func(string) string
		want   string
	}{
		{env("XDG_CACHE_HOME", "/x", "HOME", "/h"), "/x/herald"},
		{env("HOME", "/h"), "/h/.cache/herald"},
		{env("XDG_CACHE_HOME", "relative", "HOME", "/h"), "/h/.cache/herald"},
		{env("HERALD_NO_CACHE", "1", "HOME", "/h"), ""},
		{env(), ""},
	}
	for _, tt := range tests {
		if got := cacheDir(tt.getenv); got != filepath.FromSlash(tt.want) {
			t.Errorf("cacheDir = %q, want %q", got, tt.want)
		}
	}
}

func TestListJSONEscapesInvisibleCharacters(t *testing.T) {
	isolate(t) // never read the user's config or write their cache
	dir := listFixture(t)
	name := "2024-01-30-\u202eevil\u0085\x1b[31m\x7f\x07.md"
	content := "---\ntitle: \"Bidi in the file name\"\n---\n"
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, _ := run("list", "--format", "json", dir)
	first := strings.SplitN(out, "\n", 2)[0]
	if strings.ContainsAny(first, "\u202e\u0085\x1b\x7f\x07") || !strings.Contains(first, `\u202e`) {
		t.Errorf("JSON line carries raw invisible characters: %q", first)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(first), &m); err != nil || m["path"] != filepath.Join(dir, name) {
		t.Errorf("path decodes to %q (%v), want the real path", m["path"], err)
	}
}

func TestListCorpus(t *testing.T) {
	isolate(t) // never read the user's config or write their cache
	corpus := e2e.SharedCorpus(t)
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	for range 2 { // cold, then from the cache
		code, out, errOut := run("list", "--format", "count", corpus)
		if code != 0 || out != "92 articles, 0 skipped\n" || errOut != "" {
			t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
		}
	}
	_, out, _ := run("list", "--format", "json", corpus)
	if n := strings.Count(out, "\n"); n != 92 {
		t.Errorf("%d JSON lines, want 92", n)
	}
}
