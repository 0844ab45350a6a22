package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/herald-reader/herald/internal/state"
)

// scriptEnv is a private environment for one test: home, config, cache
// and state directories of its own, read through runEnv's getenv so the
// tests can run in parallel (no os.Setenv).
type scriptEnv struct {
	vars map[string]string
}

func newScriptEnv(t testing.TB) *scriptEnv {
	t.Helper()
	home := t.TempDir()
	return &scriptEnv{vars: map[string]string{
		"HOME":            home,
		"XDG_CONFIG_HOME": filepath.Join(home, "config"),
		"XDG_CACHE_HOME":  filepath.Join(home, "cache"),
		"XDG_STATE_HOME":  filepath.Join(home, "state"),
	}}
}

func (e *scriptEnv) getenv(k string) string { return e.vars[k] }

// stateLog is where mark-read writes: $XDG_STATE_HOME/herald/state.log.
func (e *scriptEnv) stateLog() string {
	return filepath.Join(e.vars["XDG_STATE_HOME"], "herald", state.LogName)
}

func (e *scriptEnv) run(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = runEnv(args, e.getenv, &out, &errOut)
	return code, out.String(), errOut.String()
}

// mustRun runs a command that must succeed and returns its stdout.
func (e *scriptEnv) mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errOut := e.run(args...)
	if code != exitOK {
		t.Fatalf("herald %s: exit %d, stderr %q", strings.Join(args, " "), code, errOut)
	}
	return out
}

// queryCorpus writes five articles that differ in date, topic, provider,
// quality and type, so each qualifier and sort key picks a known subset
// in a known order.
func queryCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	art := func(name, title, provider, domain, topics string, quality, heat int, extra string) {
		content := fmt.Sprintf(`---
title: %q
publishedDateTime: %sT08:00:00Z
originalUrl: "https://%s/%s"
provider:
  name: %s
  domain: %s
topics: [%s]
quality: %d
heat: %d
%s---
Body of %s.
`, title, name[:10], domain, name, provider, domain, topics, quality, heat, extra, title)
		if err := os.WriteFile(filepath.Join(dir, name+".md"), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	art("2024-03-05-openai", "OpenAI ships a model", "Reuters", "reuters.com", "AI", 50, 9, "")
	art("2024-03-04-chips", "Chip makers race", "Bloomberg", "bloomberg.com", "Semiconductors", 90, 1, "")
	art("2024-03-03-robots", "Robots learn to walk", "Reuters", "reuters.com", "AI, Robotics", 70, 5, "")
	art("2024-03-02-policy", "AI policy in Europe", "Politico", "politico.eu", "AI, Policy", 10, 7, "type: opinion\n")
	art("2024-03-01-weather", "Weather report", "BBC", "bbc.co.uk", "Climate", 30, 3, "")
	return dir
}

// tsvRows runs list --format tsv and returns (id, title) per line.
func tsvRows(t *testing.T, e *scriptEnv, args ...string) (ids, titles []string) {
	t.Helper()
	out := e.mustRun(t, append([]string{"list", "--format", "tsv"}, args...)...)
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if line == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			t.Fatalf("tsv line %q has %d fields", line, len(f))
		}
		ids, titles = append(ids, f[0]), append(titles, f[3])
	}
	return ids, titles
}

func TestListQueryFiltersAndSorts(t *testing.T) {
	t.Parallel()
	e := newScriptEnv(t)
	dir := queryCorpus(t)
	tests := []struct {
		args []string
		want []string // titles, in order
	}{
		{[]string{"--query", "topic:AI", dir},
			[]string{"OpenAI ships a model", "Robots learn to walk", "AI policy in Europe"}},
		{[]string{dir, "--query", "topic:AI", "--sort", "quality"},
			[]string{"Robots learn to walk", "OpenAI ships a model", "AI policy in Europe"}},
		{[]string{"--query", "t:ai", "--sort", "oldest", dir},
			[]string{"AI policy in Europe", "Robots learn to walk", "OpenAI ships a model"}},
		{[]string{"--query", "topic:AI", "--sort", "heat", dir},
			[]string{"OpenAI ships a model", "AI policy in Europe", "Robots learn to walk"}},
		{[]string{"--query", "-topic:AI p:reuters.com", dir}, nil},
		{[]string{"--query", "-topic:AI since:2024-03-02", "--sort", "title", dir},
			[]string{"Chip makers race"}},
		{[]string{"--query", `"learn to" provider:Reuters`, dir},
			[]string{"Robots learn to walk"}},
		{[]string{"--query", "type:opinion", dir}, []string{"AI policy in Europe"}},
		// relevance, the default with free words: the whole word in a
		// title, then inside one (OpenAI), then a topic only
		{[]string{"--query", "ai", dir},
			[]string{"AI policy in Europe", "OpenAI ships a model", "Robots learn to walk"}},
		{[]string{"--query", "ai", "--sort", "newest", dir},
			[]string{"OpenAI ships a model", "Robots learn to walk", "AI policy in Europe"}},
		{[]string{"--query", "ai OR weather", "--sort", "relevance", dir},
			[]string{"AI policy in Europe", "Weather report", "OpenAI ships a model", "Robots learn to walk"}},
		{[]string{"--query", "before:2024-03-03 -weather", dir}, []string{"AI policy in Europe"}},
		{[]string{"--sort", "provider", dir},
			[]string{"Weather report", "Chip makers race", "AI policy in Europe", "OpenAI ships a model", "Robots learn to walk"}},
		{[]string{"--query", "topic:AI", "--sort", "title", "--limit", "2", dir},
			[]string{"AI policy in Europe", "OpenAI ships a model"}},
	}
	for _, tt := range tests {
		_, got := tsvRows(t, e, tt.args...)
		if !slices.Equal(got, tt.want) {
			t.Errorf("list %s:\n got %q\nwant %q", strings.Join(tt.args, " "), got, tt.want)
		}
	}
	// count counts the matches, not the library.
	if out := e.mustRun(t, "list", "--format", "count", "--query", "topic:AI", dir); out != "3 articles, 0 skipped\n" {
		t.Errorf("count with a query: %q", out)
	}
	// A listing never creates the state directory, whether or not the
	// query asks about the state: no log means nothing is read.
	_, got := tsvRows(t, e, "--query", "is:unread", dir)
	if len(got) != 5 {
		t.Errorf("is:unread without a state log: %q, want all 5", got)
	}
	if _, got := tsvRows(t, e, "--query", "is:read", dir); len(got) != 0 {
		t.Errorf("is:read without a state log: %q, want none", got)
	}
	e.mustRun(t, "unread-count", dir)
	if _, err := os.Stat(filepath.Dir(e.stateLog())); !os.IsNotExist(err) {
		t.Errorf("list/unread-count created the state directory (stat: %v)", err)
	}
}

func TestMarkReadThenUnreadCount(t *testing.T) {
	t.Parallel()
	e := newScriptEnv(t)
	dir := queryCorpus(t)
	count := func(args ...string) string {
		t.Helper()
		return e.mustRun(t, append([]string{"unread-count"}, args...)...)
	}
	if got := count(dir); got != "5\n" {
		t.Fatalf("unread-count before marking: %q, want a bare 5", got)
	}
	aiIDs, _ := tsvRows(t, e, "--query", "topic:AI", dir)

	if out := e.mustRun(t, "mark-read", "--query", "topic:AI", dir); out != "marked 3 articles read\n" {
		t.Errorf("mark-read: %q", out)
	}
	if got := count(dir); got != "2\n" {
		t.Errorf("unread-count after marking 3 of 5: %q, want 2", got)
	}
	if got := count("--query", "topic:AI", dir); got != "0\n" {
		t.Errorf("unread-count --query topic:AI: %q, want 0", got)
	}
	if got := count("--query", "provider:bloomberg", dir); got != "1\n" {
		t.Errorf("unread-count --query provider:bloomberg: %q, want 1", got)
	}
	readIDs, _ := tsvRows(t, e, "--query", "is:read", dir)
	if !slices.Equal(readIDs, aiIDs) {
		t.Errorf("is:read lists %q, want the AI articles %q", readIDs, aiIDs)
	}
	if got := logEvents(t, e.stateLog()); !slices.Equal(got, []string{
		"read " + aiIDs[0], "read " + aiIDs[1], "read " + aiIDs[2],
	}) {
		t.Errorf("state log events %q, want one read per AI article", got)
	}

	// Marking again changes nothing and writes nothing.
	if out := e.mustRun(t, "mark-read", "--query", "topic:AI", dir); out != "marked 0 articles read (3 already read)\n" {
		t.Errorf("mark-read again: %q", out)
	}
	if n := len(logEvents(t, e.stateLog())); n != 3 {
		t.Errorf("marking read articles read again appended events: %d in the log", n)
	}

	// --unread takes marks back.
	reuters, _ := tsvRows(t, e, "--query", "p:reuters", dir)
	if out := e.mustRun(t, "mark-read", "--unread", "--query", "p:reuters", dir); out != "marked 2 articles unread\n" {
		t.Errorf("mark-read --unread: %q", out)
	}
	if got := count(dir); got != "4\n" {
		t.Errorf("unread-count after unmarking 2: %q, want 4", got)
	}
	ev := logEvents(t, e.stateLog())
	if want := []string{"unread " + reuters[0], "unread " + reuters[1]}; len(ev) != 5 || !slices.Equal(ev[3:], want) {
		t.Errorf("state log events %q, want the 3 reads then %q", ev, want)
	}

	// --all marks everything.
	if out := e.mustRun(t, "mark-read", "--all", dir); out != "marked 4 articles read (1 already read)\n" {
		t.Errorf("mark-read --all: %q", out)
	}
	if got := count(dir); got != "0\n" {
		t.Errorf("unread-count after --all: %q, want 0", got)
	}
}

// logEvents reads the state log as "op id" per event, skipping the blank
// lines the log uses as separators.
func logEvents(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("state log: %v", err)
	}
	var ev []string
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			t.Fatalf("state log line %q: want timestamp, op, id, checksum", line)
		}
		ev = append(ev, f[1]+" "+f[2])
	}
	return ev
}

func TestMarkReadRefusesAnEmptyQuery(t *testing.T) {
	t.Parallel()
	e := newScriptEnv(t)
	dir := queryCorpus(t)
	for _, args := range [][]string{
		{"mark-read", dir},
		{"mark-read", "--query", "", dir},
		{"mark-read", "--query", "   ", dir},
	} {
		code, out, errOut := e.run(args...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, "--all") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2 and a hint about --all", args, code, out, errOut)
		}
	}
	if _, err := os.Stat(filepath.Dir(e.stateLog())); !os.IsNotExist(err) {
		t.Errorf("a refused mark-read created the state directory (stat: %v)", err)
	}
}

func TestScriptingUsageErrors(t *testing.T) {
	t.Parallel()
	e := newScriptEnv(t)
	dir := queryCorpus(t)
	tests := []struct {
		args   []string
		stderr string
	}{
		{[]string{"list", "--query", "tpoic:AI", dir}, `herald list: query: unknown qualifier "tpoic:" (did you mean "topic:")` + "\n"},
		{[]string{"mark-read", "--query", "is:unred", dir}, "herald mark-read: query: is: wants unread, read or starred\n"},
		{[]string{"unread-count", "--query", `"open`, dir}, "herald unread-count: query: "},
		{[]string{"list", "--sort", "hot", dir}, `unknown sort "hot"`},
		{[]string{"list", "--query", "topic:AI"}, "herald list: no directory given, and the config file sets no dirs\n"},
		{[]string{"mark-read", "--all"}, "herald mark-read: no directory given"},
		{[]string{"unread-count"}, "herald unread-count: no directory given"},
		{[]string{"unread-count", filepath.Join(dir, "nope")}, "no such file or directory"},
		{[]string{"mark-read", "--query", "x", "--bogus", dir}, "flag provided but not defined"},
	}
	for _, tt := range tests {
		code, out, errOut := e.run(tt.args...)
		if code != exitUsage {
			t.Errorf("%q: exit %d, want 2 (stderr %q)", tt.args, code, errOut)
		}
		if out != "" {
			t.Errorf("%q: stdout %q, want nothing", tt.args, out)
		}
		if !strings.HasPrefix(errOut, tt.stderr) && !strings.Contains(errOut, tt.stderr) {
			t.Errorf("%q: stderr %q, want %q", tt.args, errOut, tt.stderr)
		}
	}
	if _, err := os.Stat(filepath.Dir(e.stateLog())); !os.IsNotExist(err) {
		t.Errorf("failed commands created the state directory (stat: %v)", err)
	}
}

func TestScriptingUsesConfiguredDirs(t *testing.T) {
	t.Parallel()
	e := newScriptEnv(t)
	dir := queryCorpus(t)
	writeFile(t, filepath.Join(e.vars["XDG_CONFIG_HOME"], "herald", "config.yaml"),
		fmt.Sprintf("dirs:\n  - %q\n", dir))
	if got := e.mustRun(t, "unread-count"); got != "5\n" {
		t.Errorf("unread-count on the configured dirs: %q, want 5", got)
	}
	if out := e.mustRun(t, "mark-read", "--query", "topic:climate"); out != "marked 1 article read\n" {
		t.Errorf("mark-read on the configured dirs: %q", out)
	}
	_, titles := tsvRows(t, e, "--query", "is:unread", "--sort", "title")
	if want := []string{"AI policy in Europe", "Chip makers race", "OpenAI ships a model", "Robots learn to walk"}; !slices.Equal(titles, want) {
		t.Errorf("list --query is:unread on the configured dirs: %q, want %q", titles, want)
	}
	// Directories on the command line replace the configured ones.
	other := t.TempDir()
	if got := e.mustRun(t, "unread-count", other); got != "0\n" {
		t.Errorf("unread-count of an empty dir: %q, want 0", got)
	}

	// A broken config is a usage error, reported as such.
	bad := newScriptEnv(t)
	writeFile(t, filepath.Join(bad.vars["XDG_CONFIG_HOME"], "herald", "config.yaml"), "dirz: [x]\n")
	if code, _, errOut := bad.run("unread-count"); code != exitUsage || !strings.Contains(errOut, "dirz") {
		t.Errorf("unread-count with a bad config: exit %d, stderr %q", code, errOut)
	}
}

func TestHelpListsScriptingCommands(t *testing.T) {
	t.Parallel()
	e := newScriptEnv(t)
	out := e.mustRun(t, "--help")
	for _, want := range []string{"herald list [--query QUERY] [--sort KEY]", "herald mark-read", "herald unread-count"} {
		if !strings.Contains(out, want) {
			t.Errorf("--help lacks %q", want)
		}
	}
	for _, cmd := range []string{"list", "mark-read", "unread-count"} {
		if out := e.mustRun(t, cmd, "--help"); !strings.HasPrefix(out, "Usage: herald "+cmd+" ") || !strings.Contains(out, "--query") {
			t.Errorf("%s --help: %q", cmd, out)
		}
	}
}
