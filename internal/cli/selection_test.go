package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// withConfig writes text as the config file of e (its default place).
func (e *scriptEnv) withConfig(t *testing.T, text string) {
	t.Helper()
	dir := filepath.Join(e.vars["XDG_CONFIG_HOME"], "herald")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

const savedConfig = `searches:
  - name: ai
    query: topic:AI
    sort: quality
  - name: reuters
    query: p:reuters
mute:
  - p:politico
`

// TestSavedSearches: --saved applies the saved query and its sort (an
// explicit --sort wins), combines with --query, and the mute rules hide
// their matches from list and unread-count unless --include-muted.
func TestSavedSearches(t *testing.T) {
	t.Parallel()
	e := newScriptEnv(t)
	e.withConfig(t, savedConfig)
	dir := queryCorpus(t)
	tests := []struct {
		args []string
		want []string
	}{
		// "AI policy in Europe" (Politico) is muted.
		{[]string{dir}, []string{"OpenAI ships a model", "Chip makers race", "Robots learn to walk", "Weather report"}},
		{[]string{"--include-muted", dir}, []string{"OpenAI ships a model", "Chip makers race", "Robots learn to walk",
			"AI policy in Europe", "Weather report"}},
		{[]string{"--saved", "ai", dir}, []string{"Robots learn to walk", "OpenAI ships a model"}},
		{[]string{"--saved", "ai", "--include-muted", dir},
			[]string{"Robots learn to walk", "OpenAI ships a model", "AI policy in Europe"}},
		{[]string{"--saved", "ai", "--sort", "oldest", dir}, []string{"Robots learn to walk", "OpenAI ships a model"}},
		{[]string{"--saved", "ai", "--query", "robots", dir}, []string{"Robots learn to walk"}},
		{[]string{"--saved", "reuters", dir}, []string{"OpenAI ships a model", "Robots learn to walk"}},
		{[]string{"--query", "europe", dir}, nil},
	}
	for _, tt := range tests {
		_, got := tsvRows(t, e, tt.args...)
		if !slices.Equal(got, tt.want) {
			t.Errorf("list %s:\n got %q\nwant %q", strings.Join(tt.args, " "), got, tt.want)
		}
	}
	if out := e.mustRun(t, "list", "--format", "count", dir); out != "4 articles, 0 skipped\n" {
		t.Errorf("count leaves the muted out: %q", out)
	}
	for args, want := range map[string]string{
		dir:                                 "4\n",
		"--include-muted " + dir:            "5\n",
		"--saved ai " + dir:                 "2\n",
		"--saved ai --include-muted " + dir: "3\n",
	} {
		if got := e.mustRun(t, append([]string{"unread-count"}, strings.Fields(args)...)...); got != want {
			t.Errorf("unread-count %s = %q, want %q", args, got, want)
		}
	}
	// Muting never marks: mark-read of a saved search leaves the muted
	// article as it was, and the state log holds only the two marks.
	if out := e.mustRun(t, "mark-read", "--saved", "ai", dir); out != "marked 2 articles read\n" {
		t.Errorf("mark-read --saved ai: %q", out)
	}
	if got := e.mustRun(t, "unread-count", "--include-muted", dir); got != "3\n" {
		t.Errorf("after marking the saved search: %q unread, want 3", got)
	}
	if n := len(logEvents(t, e.stateLog())); n != 2 {
		t.Errorf("state log holds %d events, want 2", n)
	}
}

// TestSavedSearchUnknownName: exit 2, the closest name as a hint, nothing
// on stdout; without searches in the config, it says so.
func TestSavedSearchUnknownName(t *testing.T) {
	t.Parallel()
	e := newScriptEnv(t)
	e.withConfig(t, savedConfig)
	dir := queryCorpus(t)
	for _, cmd := range []string{"list", "unread-count"} {
		code, out, errOut := e.run(cmd, "--saved", "reuter", dir)
		want := "herald " + cmd + `: unknown saved search "reuter" (did you mean "reuters"?)` + "\n"
		if code != exitUsage || out != "" || errOut != want {
			t.Errorf("%s --saved reuter: exit %d, stdout %q, stderr %q; want 2 and %q", cmd, code, out, errOut, want)
		}
	}
	code, _, errOut := e.run("list", "--saved", "zzz", dir)
	if code != exitUsage || !strings.Contains(errOut, `unknown saved search "zzz" (the config has "ai", "reuters")`) {
		t.Errorf("list --saved zzz: exit %d, stderr %q", code, errOut)
	}
	bare := newScriptEnv(t)
	code, _, errOut = bare.run("unread-count", "--saved", "ai", dir)
	if code != exitUsage || !strings.Contains(errOut, "(the config has no searches)") {
		t.Errorf("no searches: exit %d, stderr %q", code, errOut)
	}
}

// TestSavedSearchBadConfig: a bad saved search stops every command with
// the PATH:LINE: problem and exit 2.
func TestSavedSearchBadConfig(t *testing.T) {
	t.Parallel()
	e := newScriptEnv(t)
	e.withConfig(t, "searches:\n  - name: ai\n    query: topic:AI\n    sort: qualty\n")
	code, out, errOut := e.run("unread-count", queryCorpus(t))
	if code != exitUsage || out != "" || !strings.Contains(errOut,
		`config.yaml:4: searches: search "ai": unknown sort "qualty" (did you mean "quality"?)`) {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// TestCompletionOffersSavedSearches: --saved completes to the config's
// names, and no file names.
func TestCompletionOffersSavedSearches(t *testing.T) {
	t.Parallel()
	e := newScriptEnv(t)
	e.withConfig(t, savedConfig)
	for _, tc := range []struct {
		words []string
		want  []string
	}{
		{[]string{"list", "--saved", ""}, []string{"ai", "reuters"}},
		{[]string{"unread-count", "--saved", "r"}, []string{"reuters"}},
	} {
		code, out, errOut := e.run(append([]string{"__completeNoDesc"}, tc.words...)...)
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		got, directive := lines[:len(lines)-1], lines[len(lines)-1]
		if code != exitOK || !slices.Equal(got, tc.want) || directive != ":4" {
			t.Errorf("complete %q = %d %q %s (%s), want %q :4", tc.words, code, got, directive, errOut, tc.want)
		}
	}
}
