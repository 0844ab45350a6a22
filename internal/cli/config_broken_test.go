package cli

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEveryCommandRefusesABrokenConfig: a config file that is named but
// missing, or that has a problem, stops every command that uses the
// configuration in the same way, given directories or not: exit 2, and
// the problem on stderr as PATH:LINE: problem (PATH: problem when no line
// applies). The commands that print only what is built into the binary
// never read it. The loop is over the command tree, so a new command must
// say which it is.
func TestEveryCommandRefusesABrokenConfig(t *testing.T) {
	t.Parallel()
	dir := queryCorpus(t)
	// The arguments that make each command run to completion with a good
	// config ("" is the reader itself, which then wants a terminal).
	reads := map[string][]string{
		"":             {dir},
		"list":         {dir},
		"mark-read":    {"--all", dir},
		"unread-count": {dir},
		"show":         {"0123456789ab", dir},
		"fetch":        {"--offline", dir},
		"errors":       {dir},
		"config":       {"--path"},
	}
	ignores := map[string][]string{
		"config":     {},
		"completion": {"bash"},
		"man":        {},
	}
	root := newGlobals(func(string) string { return "" }).newRoot(io.Discard, io.Discard)
	for _, c := range append(listedCommands(root), root) {
		name := c.Name()
		if c == root {
			name = ""
		}
		_, r := reads[name]
		_, i := ignores[name]
		if !r && !i {
			t.Errorf("herald %s: add it to reads or ignores", name)
		}
	}

	cfgDir := t.TempDir()
	for _, bad := range []struct{ name, content, want string }{
		{"missing", "", ": no such file or directory"},
		{"syntax", "mouse: [true\n", `:1: invalid YAML: did not find expected ',' or ']'`},
		{"unknown setting", "plain: true\ndirz: [x]\n", `:2: dirz: unknown setting (did you mean "dirs"?)`},
	} {
		path := filepath.Join(cfgDir, strings.ReplaceAll(bad.name, " ", "-")+".yaml")
		if bad.content != "" {
			writeFile(t, path, bad.content)
		}
		for _, viaEnv := range []bool{false, true} {
			e := newScriptEnv(t)
			global := []string{"--config", path}
			if viaEnv {
				e.vars["HERALD_CONFIG"], global = path, nil
			}
			for name, args := range reads {
				args = append(append(global, strings.Fields(name)...), args...)
				code, out, errOut := e.run(args...)
				if code != exitUsage || !strings.Contains(errOut, "\n"+path+bad.want+"\n") {
					t.Errorf("herald %s (%s): exit %d, stderr %q; want 2 and %s%s", strings.Join(args, " "), bad.name, code, errOut, path, bad.want)
				}
				if name != "config" && out != "" {
					t.Errorf("herald %s (%s): stdout %q", strings.Join(args, " "), bad.name, out)
				}
			}
			for name, args := range ignores {
				args = append(append(global, name), args...)
				if code, _, errOut := e.run(args...); code != exitOK {
					t.Errorf("herald %s (%s): exit %d, stderr %q; it does not read the config", strings.Join(args, " "), bad.name, code, errOut)
				}
			}
			if _, err := os.Stat(filepath.Dir(e.stateLog())); !os.IsNotExist(err) {
				t.Errorf("a refused mark-read created the state directory (stat: %v)", err)
			}
		}
	}
}
