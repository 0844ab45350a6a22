package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLoadErrors covers every kind of validation error: each message must
// name the file, the line and the setting, in the PATH:LINE: SETTING:
// problem (hint) form, exactly as the user will read it.
func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bad.json"), []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, yaml string
		want       string // first error, after "PATH:"; DIR stands for the file's directory
	}{
		{"unknown setting", "layuot:\n  split_at: 90\n",
			`1: layuot: unknown setting (did you mean "layout"?)`},
		{"unknown nested setting", "layout:\n  splt_at: 90\n",
			`2: layout.splt_at: unknown setting (did you mean "layout.split_at"?)`},
		{"setting in the wrong group", "mouse: true\nsplit_at: 90\n",
			`2: split_at: unknown setting (did you mean "layout.split_at"?)`},
		{"unknown setting, nothing close", "colour_scheme: x\n",
			`1: colour_scheme: unknown setting`},
		{"duplicate key", "mouse: true\nplain: false\nmouse: false\n",
			`3: mouse: set twice (first on line 1) (keep one)`},
		{"duplicate nested key", "dates:\n  relative: true\n  relative: false\n",
			`3: dates.relative: set twice (first on line 2) (keep one)`},
		{"reader mode misspelt", "reader: atuo\n",
			`1: reader: unknown reader mode "atuo" (did you mean "auto"?)`},
		{"images mode misspelt", "images: blokcs\n",
			`1: images: unknown images mode "blokcs" (did you mean "blocks"?)`},
		{"images mode unknown", "images: braille\n",
			`1: images: unknown images mode "braille" (use auto, kitty, iterm2, sixel, blocks or off)`},
		{"image rows too many", "image_rows: 99\n",
			`1: image_rows: 99 is out of range (use 2 to 60)`},
		{"reader cache too small", "reader_cache_mb: 0\n",
			`1: reader_cache_mb: 0 is out of range (use 1 to 100000)`},
		{"bool given yes", "mouse: yes\n",
			`1: mouse: expected true or false, got "yes" (did you mean "true"?)`},
		{"bool given nothing", "clustering:\n",
			`1: clustering: expected true or false, got nothing`},
		{"bool given a list", "hyperlinks: [true]\n",
			`1: hyperlinks: expected true or false, got a list`},
		{"int given text", "layout:\n  split_at: wide\n",
			`2: layout.split_at: expected a whole number, got "wide" (use 40 to 1000)`},
		{"int given a fraction", "layout:\n  split_at: 99.5\n",
			`2: layout.split_at: expected a whole number, got "99.5" (use 40 to 1000)`},
		{"int out of range", "layout:\n  split_at: 10\n",
			`2: layout.split_at: 10 is out of range (use 40 to 1000)`},
		{"float out of range", "layout:\n  list_share: 0.95\n",
			`2: layout.list_share: 0.95 is out of range (use 0.2 to 0.8)`},
		{"float NaN", "layout:\n  list_share: .nan\n",
			`2: layout.list_share: NaN is out of range (use 0.2 to 0.8)`},
		{"group given a value", "theme: dark\n",
			`1: theme: expected settings indented below it (for example "  glamour: ..." on the next line)`},
		{"text given a bool", "browser: true\n",
			`1: browser: expected text, got "true" (put it in quotes)`},
		{"browser control character", "browser: \"firefox\\e\"\n",
			`1: browser: the command contains a control character`},
		{"unknown action", "keys:\n  opne: [enter]\n",
			`2: keys.opne: unknown action (did you mean "open"?)`},
		{"unknown key name", "keys:\n  page_down: [pagedown]\n",
			`2: keys.page_down: unknown key "pagedown" (did you mean "pgdown"?)`},
		{"key alias", "keys:\n  back: [escape]\n",
			`2: keys.back: unknown key "escape" (did you mean "esc"?)`},
		{"shift letter", "keys:\n  bottom: [shift+g]\n",
			`2: keys.bottom: unknown key "shift+g" (did you mean "G"?)`},
		{"key case", "keys:\n  force_quit: [Ctrl+C]\n",
			`2: keys.force_quit: unknown key "Ctrl+C" (did you mean "ctrl+c"?)`},
		{"key listed twice", "keys:\n  quit: [q, x, q]\n",
			`2: keys.quit: key "q" is listed twice`},
		{"key with no value", "keys:\n  quit:\n",
			`2: keys.quit: no keys given (write [] to disable the action)`},
		{"key taken from a default", "keys:\n  quit: [q, j]\n",
			`2: keys.quit: key "j" is bound to both "down" and "quit" ("down" has it by default: rebind "down" too, or pick another key)`},
		{"key given to two actions", "keys:\n  quit: [x]\n  help: [x]\n",
			`3: keys.help: key "x" is bound to both "help" and "quit" (keep it on one of them)`},
		{"key of a disabled default", "keys:\n  open: [enter, m]\n",
			`2: keys.open: key "m" is bound to both "open" and "toggle_read" ("toggle_read" has it by default: rebind "toggle_read" too, or pick another key)`},
		{"no way to quit", "keys:\n  quit: []\n  force_quit: []\n",
			`2: keys.quit: no key is left to quit herald (keep a key on "quit" or "force_quit")`},
		{"keys not a mapping", "keys: [q]\n",
			`1: keys: expected actions indented below it, got a list (for example "  quit: [q]" on the next line)`},
		{"bad hex colour", "theme:\n  accent: \"#ggg\"\n",
			`2: theme.accent: bad colour "#ggg" (use "#rrggbb", "#rgb", 0 to 255, or a name such as "red")`},
		{"colour name typo", "theme:\n  list:\n    meta: rde\n",
			`3: theme.list.meta: bad colour "rde" (did you mean "red"?)`},
		{"colour without #", "theme:\n  status:\n    error: ff0000\n",
			`3: theme.status.error: bad colour "ff0000" (did you mean "#ff0000"?)`},
		{"colour out of range", "theme:\n  detail:\n    link: 300\n",
			`3: theme.detail.link: colour 300 is out of range (ANSI colours are 0 to 255)`},
		{"unknown glamour style", "theme:\n  glamour: drak\n",
			`2: theme.glamour: unknown style "drak" (did you mean "dark"?)`},
		{"missing style file", "theme:\n  glamour: styles/mine.json\n",
			`2: theme.glamour: style file "DIR/styles/mine.json" does not exist`},
		{"style file not JSON", "theme:\n  glamour: ./bad.json\n",
			`2: theme.glamour: style file "DIR/bad.json" is not valid JSON`},
		{"strftime date format", "dates:\n  format: \"%Y-%m-%d\"\n",
			`2: dates.format: format "%Y-%m-%d" shows no date or time (formats are Go layouts, not strftime: did you mean "2006-01-02"?)`},
		{"empty date format", "dates:\n  format: \"\"\n",
			`2: dates.format: empty format (write how Mon Jan 2 15:04:05 2006 would look, e.g. "2006-01-02 15:04")`},
		{"dirs with ~user", "dirs:\n  - ~bob/news\n",
			`2: dirs: "~bob/news": only "~" for your own home is understood (use "~/..." or an absolute path)`},
		{"dirs with an empty entry", "dirs: [\"\"]\n",
			`1: dirs: empty path`},
		{"dirs given a mapping", "dirs:\n  news: ~/news\n",
			`2: dirs: expected text, got a mapping`},
		{"alias", "dates:\n  format: &f \"2006\"\nbrowser: *f\n",
			`3: browser: YAML aliases (*name) are not supported (write the value out)`},
		{"merge key", "layout: &l\n  split_at: 90\ndates:\n  <<: *l\n",
			`4: dates.<<: YAML aliases (*name) are not supported (write the value out)`},
		{"not a mapping", "- dirs\n- keys\n",
			`1: the file must be a mapping of settings (write "setting: value" lines)`},
		{"two documents", "mouse: true\n---\nmouse: false\n",
			`2: more than one YAML document (remove the "---" separator and what follows)`},
		{"tab indentation", "layout:\n\tsplit_at: 90\n",
			`2: invalid YAML: found character that cannot start any token (indent with spaces, not tabs)`},
		{"unclosed quote", "browser: \"firefox\nmouse: true\n",
			`3: invalid YAML: found unexpected end of stream`},
		{"control character in a setting name", "mo\u200euse: true\n",
			`1: mo?use: unknown setting (did you mean "mouse"?)`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, "config.yaml")
			if err := os.WriteFile(path, []byte(c.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			cfg, err := Load(path)
			if err == nil {
				t.Fatalf("no error for:\n%s", c.yaml)
			}
			first := strings.SplitN(err.Error(), "\n", 2)[0]
			want := path + ":" + strings.ReplaceAll(c.want, "DIR", dir)
			if first != want {
				t.Errorf("error\n got: %s\nwant: %s", first, want)
			}
			var e *Error
			if !errors.As(err, &e) || e.Path != path || e.Line == 0 {
				t.Errorf("error is not an *Error with path and line: %#v", err)
			}
			if !equalConfig(cfg, Default()) {
				t.Errorf("a failed load returned something other than the defaults")
			}
		})
	}
}

// TestLoadReportsEveryProblem: one pass shows all mistakes, so the user
// does not fix them one run at a time.
func TestLoadReportsEveryProblem(t *testing.T) {
	cfg, err := Parse("/etc/h.yaml", []byte("mouse: maybe\nlayout:\n  split_at: 5\nkeys:\n  up: [upp]\nthme: {}\n"))
	if err == nil {
		t.Fatal("no error")
	}
	want := []string{
		`/etc/h.yaml:1: mouse: expected true or false, got "maybe"`,
		`/etc/h.yaml:3: layout.split_at: 5 is out of range (use 40 to 1000)`,
		`/etc/h.yaml:5: keys.up: unknown key "upp" (did you mean "up"?)`,
		`/etc/h.yaml:6: thme: unknown setting (did you mean "theme"?)`,
	}
	if got := err.Error(); got != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	_ = cfg
}

// TestLoadCapsErrors: a wrong file (a log passed to --config) is not
// reported line by line.
func TestLoadCapsErrors(t *testing.T) {
	var b strings.Builder
	for i := range 50 {
		b.WriteString("setting_" + string(rune('a'+i%26)) + string(rune('a'+i/26)) + ": 1\n")
	}
	_, err := Parse("x.yaml", []byte(b.String()))
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != maxErrors+1 || lines[maxErrors] != "x.yaml: and 30 more problems" {
		t.Errorf("got %d lines, last %q", len(lines), lines[len(lines)-1])
	}
}

func TestLoadFileErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := Load(filepath.Join(dir, "missing.yaml")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: err = %v, want ErrNotExist", err)
	}
	_, err := Load(dir)
	if err == nil || err.Error() != dir+": not a regular file" {
		t.Errorf("directory: err = %v", err)
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, make([]byte, maxFileBytes+1), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(big); err == nil || !strings.Contains(err.Error(), "larger than 1024 KiB") {
		t.Errorf("huge file: err = %v", err)
	}
}

// TestValidate: a Config changed in code gets the same checks, without
// file and line.
func TestValidate(t *testing.T) {
	if err := Default().Validate(); err != nil {
		t.Fatalf("defaults do not validate: %v", err)
	}
	c := Default()
	c.Layout.SplitAt = 7
	c.Theme.Accent = "purple-ish"
	c.Keys["quit"] = []string{"j"}
	c.Keys["jump"] = []string{"J"}
	c.Dates.Format = "no verbs"
	err := c.Validate()
	want := []string{
		`keys.jump: unknown action`,
		`keys.quit: key "j" is bound to both "down" and "quit" ("down" has it by default: rebind "down" too, or pick another key)`,
		`theme.accent: bad colour "purple-ish" (use "#rrggbb", "#rgb", 0 to 255, or a name such as "red")`,
		`layout.split_at: 7 is out of range (use 40 to 1000)`,
		`dates.format: format "no verbs" shows no date or time (write how Mon Jan 2 15:04:05 2006 would look, e.g. "2006-01-02 15:04")`,
	}
	if err == nil {
		t.Fatal("no error")
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("missing %q in:\n%v", w, err)
		}
	}
}
