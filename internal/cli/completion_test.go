package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// complete runs the shell's request for completions of words (the last
// one being completed) and returns the candidates and cobra's directive
// line (":4" is "no file completion").
func complete(t *testing.T, words ...string) (candidates []string, directive string) {
	t.Helper()
	e := newScriptEnv(t)
	code, out, errOut := e.run(append([]string{"__completeNoDesc"}, words...)...)
	if code != exitOK {
		t.Fatalf("__complete %q: exit %d, stderr %q", words, code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	return lines[:len(lines)-1], lines[len(lines)-1]
}

// TestCompletionOffersFixedValues: the flags with a fixed set of values
// complete to exactly that set, and no file names.
func TestCompletionOffersFixedValues(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		words []string
		want  []string
	}{
		{[]string{"list", "--sort", ""}, sortKeys()},
		{[]string{"list", "--format", ""}, listFormats()},
		{[]string{"list", "--format", "t"}, []string{"table", "tsv"}},
		{[]string{"list", "-format", "j"}, []string{"json"}},
		{[]string{"li"}, []string{"list"}},
		{[]string{"m"}, []string{"man", "mark-read"}},
	} {
		got, directive := complete(t, tc.words...)
		if !slices.Equal(got, tc.want) || directive != ":4" {
			t.Errorf("complete %q = %q %s, want %q :4", tc.words, got, directive, tc.want)
		}
	}
	// A directory argument completes directories (FilterDirs is 16).
	if got, directive := complete(t, "list", "x"); len(got) != 0 || directive != ":16" {
		t.Errorf("complete list x = %q %s, want directories (:16)", got, directive)
	}
}

// TestBashCompletion sources `herald completion bash` in bash and
// completes "herald li<TAB>", with herald being this test binary.
func TestBashCompletion(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	code, script, errOut := herald("completion", "bash")
	if code != exitOK || !strings.Contains(script, "__start_herald") {
		t.Fatalf("herald completion bash: exit %d, stderr %q", code, errOut)
	}
	path := writeFile(t, filepath.Join(t.TempDir(), "herald.bash"), script)
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	isolate(t)
	t.Setenv(runAsHerald, "1")
	line := `herald li`
	cmd := exec.Command(bash, "--norc", "--noprofile", "-c", fmt.Sprintf(`
herald() { %q "$@"; }
# The script relies on the bash-completion package; without it, its helper
# reduced to what this plain command line needs.
for f in /usr/share/bash-completion/bash_completion /etc/bash_completion; do
	[[ -r $f ]] && source "$f" && break
done
if ! declare -F _get_comp_words_by_ref >/dev/null; then
	_get_comp_words_by_ref() {
		cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
		words=("${COMP_WORDS[@]}") cword=$COMP_CWORD
	}
fi
source %q
COMP_WORDS=(%s) COMP_CWORD=1 COMP_LINE=%q COMP_POINT=%d
__start_herald herald li herald
printf '%%s\n' "${COMPREPLY[@]}"
`, self, path, line, line, len(line)))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("bash: %v\n%s", err, out)
	}
	if got := strings.Fields(string(out)); !slices.Equal(got, []string{"list"}) {
		t.Errorf("herald li<TAB> completes to %q, want [list]", got)
	}
}

func TestCompletionScripts(t *testing.T) {
	isolate(t)
	for _, shell := range []string{"bash", "zsh", "fish"} {
		code, out, errOut := herald("completion", shell)
		if code != exitOK || !strings.Contains(out, "__complete") || errOut != "" {
			t.Errorf("completion %s: exit %d, %d bytes, stderr %q", shell, code, len(out), errOut)
		}
	}
}
