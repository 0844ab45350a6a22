package config

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"gopkg.in/yaml.v3"
)

func equalConfig(a, b Config) bool { return reflect.DeepEqual(a, b) }

func fakeEnv(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// TestDefaultYAMLLoadsBackToDefaults is the `herald config` contract: the
// printed file is valid YAML, documents every setting, and loading it
// changes nothing.
func TestDefaultYAMLLoadsBackToDefaults(t *testing.T) {
	out := Default().YAML()
	var n yaml.Node
	if err := yaml.Unmarshal(out, &n); err != nil {
		t.Fatalf("not valid YAML: %v\n%s", err, out)
	}
	got, err := Parse("/home/u/.config/herald/config.yaml", out)
	if err != nil {
		t.Fatalf("printed defaults do not load: %v\n%s", err, out)
	}
	if !equalConfig(got, Default()) {
		t.Errorf("printed defaults load as\n%+v\nwant\n%+v", got, Default())
	}
	lines := strings.Split(string(out), "\n")
	for _, s := range table() {
		prefix := strings.Repeat("  ", strings.Count(s.name, ".")) + leafOf(s.name) + ":"
		i := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, prefix) })
		if i < 1 || !strings.HasPrefix(strings.TrimSpace(lines[i-1]), "#") {
			t.Errorf("setting %s is not printed with a comment above it", s.name)
		}
	}
	for _, line := range lines {
		if len(line) > 80 {
			t.Errorf("line longer than 80 columns: %q", line)
		}
	}
}

// TestNonDefaultYAMLRoundTrips: printing any valid config and loading it
// back gives the same config (the printer quotes what needs quoting).
func TestNonDefaultYAMLRoundTrips(t *testing.T) {
	c := Default()
	c.Dirs = []string{"/news/a b", "/news/#hash", "/news/yes"}
	c.Keys["quit"] = []string{"x", "%", "?"}
	c.Keys["count"] = []string{"0", "1"}
	c.Keys["help"] = []string{"ctrl+_", "f1"}
	c.Keys["copy"] = []string{}
	c.Theme.List.Title = "#00ff7f"
	c.Browser = "firefox --new-tab %s:w3m"
	c.Layout = Layout{SplitAt: 140, ListShare: 0.35}
	c.Dates = Dates{Relative: false, Format: "Jan 2, 15:04 MST"}
	c.Mouse, c.Plain, c.Hyperlinks, c.Clustering, c.MarkReadOnOpen = true, true, true, false, false
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	got, err := Parse("/x/config.yaml", c.YAML())
	if err != nil {
		t.Fatalf("%v\n%s", err, c.YAML())
	}
	if !equalConfig(got, c) {
		t.Errorf("round trip changed the config:\n got %+v\nwant %+v\n%s", got, c, c.YAML())
	}
}

func TestLoadMergesOverDefaults(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "style.json"), []byte(`{"document":{}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "config.yaml")
	data := `# my config
dirs:
  - ~/ai/_news
  - relative/news
keys:
  down: [h, ctrl+n]
  quit: x
theme:
  glamour: style.json
  accent: "#F0A"
  list:
    meta: bright_black
    title: 213
layout:
  split_at: 120
dates:
  relative: false
  format: Jan 2
mouse: true
`
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := load(path, fakeEnv(map[string]string{"HOME": "/home/ann"}))
	if err != nil {
		t.Fatal(err)
	}
	want := Default()
	want.Dirs = []string{"/home/ann/ai/_news", filepath.Join(dir, "relative", "news")}
	want.Keys["down"] = []string{"h", "ctrl+n"}
	want.Keys["quit"] = []string{"x"}
	want.Theme.Glamour = filepath.Join(dir, "style.json")
	want.Theme.Accent = "#ff00aa"
	want.Theme.List.Meta = "8"
	want.Theme.List.Title = "213"
	want.Layout.SplitAt = 120
	want.Dates = Dates{Relative: false, Format: "Jan 2"}
	want.Mouse = true
	if !equalConfig(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

// TestLoadUnquotedValues: YAML reads some unquoted text as numbers or
// dates; the settings that hold text take it as written.
func TestLoadUnquotedValues(t *testing.T) {
	for data, want := range map[string]Dates{
		"dates:\n  format: 2006-01-02\n":          {Relative: true, Format: "2006-01-02"},
		"dates:\n  format: 15:04\n":               {Relative: true, Format: "15:04"},
		"dates:\n  format: 2006\n":                {Relative: true, Format: "2006"},
		"dates: {relative: false, format: Jan 2}": {Relative: false, Format: "Jan 2"},
	} {
		got, err := Parse("c.yaml", []byte(data))
		if err != nil || got.Dates != want {
			t.Errorf("%q: %v %+v, want %+v", data, err, got.Dates, want)
		}
	}
	got, err := Parse("c.yaml", []byte("keys:\n  count: [0, 1, 2]\ntheme:\n  accent: 212\n"))
	if err != nil || !slices.Equal(got.Keys["count"], []string{"0", "1", "2"}) || got.Theme.Accent != "212" {
		t.Errorf("numbers as text: %v %v %q", err, got.Keys["count"], got.Theme.Accent)
	}
}

func TestLoadEmptyFiles(t *testing.T) {
	for _, data := range []string{"", "\n", "# only a comment\n", "~\n", "---\n", "---\n# x\n"} {
		got, err := Parse("c.yaml", []byte(data))
		if err != nil || !equalConfig(got, Default()) {
			t.Errorf("%q: err %v, config differs from defaults: %v", data, err, !equalConfig(got, Default()))
		}
	}
}

func TestKeyMapAppliesKeys(t *testing.T) {
	cfg, err := Parse("c.yaml", []byte("keys:\n  down: [h, space]\n  page_down: [pgdown]\n  skipped: []\n"))
	if err != nil {
		t.Fatal(err)
	}
	km, err := cfg.KeyMap()
	if err != nil {
		t.Fatal(err)
	}
	press := func(s string) tea.KeyMsg {
		switch s {
		case " ":
			return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune(" ")}
		case "j", "h", "!":
			return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
		}
		t.Fatalf("no key %q", s)
		return tea.KeyMsg{}
	}
	if !key.Matches(press("h"), km.Down) || !key.Matches(press(" "), km.Down) {
		t.Error("down is not on h and space")
	}
	if key.Matches(press("j"), km.Down) || key.Matches(press(" "), km.PageDown) {
		t.Error("a replaced default key still matches")
	}
	if got := km.Down.Help().Key; got != "h/space" {
		t.Errorf("down help label = %q", got)
	}
	if km.Skipped.Enabled() || key.Matches(press("!"), km.Skipped) {
		t.Error("skipped is still bound")
	}
	km.Skipped.SetEnabled(true) // what the UI does for a feature it handles
	if km.Skipped.Enabled() {
		t.Error("a disabled action came back when the UI enabled it")
	}
	if def := DefaultKeyMap(); km.Up.Help() != def.Up.Help() {
		t.Error("an untouched action lost its help label")
	}
}

func TestDefaultKeysComeFromTheKeyMap(t *testing.T) {
	km := DefaultKeyMap()
	keys := Default().Keys
	for _, a := range km.Actions() {
		if !slices.Equal(toBinding(keys[a.Name]), a.Binding.Keys()) {
			t.Errorf("%s: config default %v, key map %v", a.Name, keys[a.Name], a.Binding.Keys())
		}
	}
	if len(keys) != len(km.Actions()) {
		t.Errorf("%d default key entries for %d actions", len(keys), len(km.Actions()))
	}
}
