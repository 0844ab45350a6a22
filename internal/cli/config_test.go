package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/herald-reader/herald/config"
)

// isolate points every location herald reads from the environment at
// fresh temporary directories, so no test sees the user's config, cache or
// terminal settings. It returns the config directory ($XDG_CONFIG_HOME).
func isolate(t *testing.T) string {
	t.Helper()
	home := t.TempDir()
	xdg := filepath.Join(home, ".config")
	for k, v := range map[string]string{
		"HOME": home, "XDG_CONFIG_HOME": xdg, "XDG_CACHE_HOME": filepath.Join(home, ".cache"),
		"HERALD_CONFIG": "", "HERALD_DEBUG": "", "NO_COLOR": "", "TERM": "xterm-256color", "COLORTERM": "",
	} {
		t.Setenv(k, v)
	}
	return xdg
}

// herald runs the command line as main does and returns what a user sees.
func herald(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = Run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func writeFile(t testing.TB, path, content string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestConfigPrintsDefaults: `herald config` is a complete config file
// that loads back to exactly the defaults.
func TestConfigPrintsDefaults(t *testing.T) {
	isolate(t)
	code, out, errOut := herald("config")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	cfg, err := config.Parse("/home/u/.config/herald/config.yaml", []byte(out))
	if err != nil {
		t.Fatalf("output does not load: %v", err)
	}
	if !reflect.DeepEqual(cfg, config.Default()) {
		t.Error("output does not load back to the defaults")
	}
	for _, want := range []string{"# Herald configuration.", "\nkeys:\n", "  quit: [q] # quit\n", "\nmouse: false\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

func TestConfigPath(t *testing.T) {
	xdg := isolate(t)
	def := filepath.Join(xdg, "herald", "config.yaml")

	code, out, errOut := herald("config", "--path")
	if code != 0 || out != def+"\n" || !strings.Contains(errOut, "does not exist; using the defaults") {
		t.Errorf("no file: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Dir(def)); !os.IsNotExist(err) {
		t.Error("herald created the config directory")
	}

	writeFile(t, def, "mouse: true\n")
	if code, out, errOut := herald("config", "--path"); code != 0 || out != def+"\n" || errOut != "" {
		t.Errorf("valid file: exit %d, stdout %q, stderr %q", code, out, errOut)
	}

	other := writeFile(t, filepath.Join(t.TempDir(), "other.yaml"), "plain: true\n")
	if code, out, _ := herald("--config", other, "config", "--path"); code != 0 || out != other+"\n" {
		t.Errorf("--config: exit %d, stdout %q", code, out)
	}
	t.Setenv("HERALD_CONFIG", other)
	if code, out, _ := herald("config", "--path"); code != 0 || out != other+"\n" {
		t.Errorf("HERALD_CONFIG: exit %d, stdout %q", code, out)
	}

	missing := filepath.Join(t.TempDir(), "missing.yaml")
	code, _, errOut = herald("--config="+missing, "config", "--path")
	if code != 2 || !strings.Contains(errOut, missing) || !strings.Contains(errOut, "no such file") {
		t.Errorf("missing --config file: exit %d, stderr %q", code, errOut)
	}
}

// TestConfigErrorsExit2 drives validation errors through the command
// line: exit status 2, and each message names the file, the line and the
// setting.
func TestConfigErrorsExit2(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	cases := []struct{ name, yaml, want string }{
		{"unknown setting", "layuot: {}\n", `:1: layuot: unknown setting (did you mean "layout"?)`},
		{"wrong type", "mouse: yes\n", `:1: mouse: expected true or false, got "yes" (did you mean "true"?)`},
		{"out of range", "layout:\n  list_share: 2\n", `:2: layout.list_share: 2 is out of range (use 0.2 to 0.8)`},
		{"unknown action", "keys:\n  qiut: [x]\n", `:2: keys.qiut: unknown action (did you mean "quit"?)`},
		{"key on two actions", "keys:\n  help: [q]\n", `:2: keys.help: key "q" is bound to both "help" and "quit"`},
		{"bad colour", "theme:\n  accent: blurple\n", `:2: theme.accent: bad colour "blurple"`},
		{"missing style file", "theme:\n  glamour: ~/none.json\n", `:2: theme.glamour: style file "`},
		{"duplicate key", "plain: true\nplain: false\n", `:2: plain: set twice (first on line 1)`},
		{"syntax", "mouse: [true\n", `:1: invalid YAML: did not find expected ',' or ']'`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeFile(t, filepath.Join(dir, "config.yaml"), c.yaml)
			// Every command that reads the config refuses to run with it.
			for _, args := range [][]string{{"config", "--path"}, {"errors"}, {"show", "0123456789ab"}} {
				code, out, errOut := herald(append([]string{"--config", path}, args...)...)
				if code != 2 {
					t.Errorf("%v: exit %d, want 2", args, code)
				}
				if args[0] != "config" && out != "" {
					t.Errorf("%v: stdout %q", args, out)
				}
				if !strings.Contains(errOut, "\n"+path+c.want) {
					t.Errorf("%v: stderr\n%s\nwant a line starting %s%s", args, errOut, path, c.want)
				}
			}
		})
	}
}

func TestGlobalOptions(t *testing.T) {
	isolate(t)
	if code, out, _ := herald("--version"); code != 0 || !strings.HasPrefix(out, "herald ") {
		t.Errorf("--version: exit %d, %q", code, out)
	}
	code, out, _ := herald("--help")
	if code != 0 {
		t.Errorf("--help: exit %d", code)
	}
	for _, want := range []string{"herald show", "herald errors", "herald config", "--config FILE", "--plain",
		"NO_COLOR", "HERALD_DEBUG", "Examples:"} {
		if !strings.Contains(out, want) {
			t.Errorf("--help lacks %q", want)
		}
	}
	if code, _, errOut := herald("--config"); code != 2 || !strings.Contains(errOut, "--config needs a file name") {
		t.Errorf("--config without a file: exit %d, %q", code, errOut)
	}
}

// TestDebugLog: HERALD_DEBUG writes to its file and never to the terminal.
func TestDebugLog(t *testing.T) {
	isolate(t)
	logPath := filepath.Join(t.TempDir(), "debug.log")
	t.Setenv("HERALD_DEBUG", logPath)
	code, out, errOut := herald("config", "--path")
	if code != 0 || strings.Contains(out+errOut, "herald 20") {
		t.Errorf("exit %d; debug output reached the terminal: %q %q", code, out, errOut)
	}
	data, err := os.ReadFile(logPath)
	if err != nil || !strings.Contains(string(data), "config ") {
		t.Errorf("debug log: %v %q", err, data)
	}

	t.Setenv("HERALD_DEBUG", filepath.Join(t.TempDir(), "no", "such", "dir", "log"))
	if code, _, errOut := herald("config", "--path"); code != 0 || !strings.Contains(errOut, "debug log:") {
		t.Errorf("unwritable debug log: exit %d, stderr %q", code, errOut)
	}
}

// TestDebugLogRefusesSymlink: a symbolic link where the debug log goes is
// not followed: its target is left as it was and the refusal is said once.
func TestDebugLogRefusesSymlink(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	target, link := filepath.Join(dir, "precious"), filepath.Join(dir, "debug.log")
	if err := os.WriteFile(target, []byte("keep\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HERALD_DEBUG", link)
	if code, _, errOut := herald("config", "--path"); code != 0 || !strings.Contains(errOut, "debug log:") {
		t.Errorf("symlinked debug log: exit %d, stderr %q; want a warning", code, errOut)
	}
	if b, _ := os.ReadFile(target); string(b) != "keep\n" {
		t.Errorf("the link's target was written: %q", b)
	}
}
