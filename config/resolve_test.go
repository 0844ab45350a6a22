package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestResolve(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("the fallback directory below is the Unix one")
	}
	cases := []struct {
		name     string
		flag     string
		vars     map[string]string
		want     string
		explicit bool
	}{
		{"flag wins", "/etc/h.yaml", map[string]string{"HERALD_CONFIG": "/x.yaml", "XDG_CONFIG_HOME": "/xdg"}, "/etc/h.yaml", true},
		{"flag with ~", "~/h.yaml", map[string]string{"HOME": "/home/ann"}, "/home/ann/h.yaml", true},
		{"variable", "", map[string]string{"HERALD_CONFIG": "~/c.yaml", "HOME": "/home/ann"}, "/home/ann/c.yaml", true},
		{"XDG", "", map[string]string{"XDG_CONFIG_HOME": "/xdg", "HOME": "/home/ann"}, "/xdg/herald/config.yaml", false},
		{"relative XDG is ignored", "", map[string]string{"XDG_CONFIG_HOME": "rel", "HOME": "/home/ann"}, "/home/ann/.config/herald/config.yaml", false},
		{"home", "", map[string]string{"HOME": "/home/ann"}, "/home/ann/.config/herald/config.yaml", false},
		{"nowhere", "", map[string]string{}, "", false},
	}
	for _, c := range cases {
		path, explicit := Resolve(c.flag, fakeEnv(c.vars))
		if path != c.want || explicit != c.explicit {
			t.Errorf("%s: got %q %v, want %q %v", c.name, path, explicit, c.want, c.explicit)
		}
	}
}

func TestOpen(t *testing.T) {
	xdg := t.TempDir()
	vars := map[string]string{"XDG_CONFIG_HOME": xdg}

	// No file at the default place: defaults, and nothing is created.
	cfg, path, err := Open("", fakeEnv(vars))
	if err != nil || !equalConfig(cfg, Default()) || path != filepath.Join(xdg, "herald", "config.yaml") {
		t.Fatalf("missing default file: %v %q", err, path)
	}
	if entries, _ := os.ReadDir(xdg); len(entries) != 0 {
		t.Errorf("Open wrote into the config directory: %v", entries)
	}

	// A named file that is missing is an error, by flag or by variable.
	missing := filepath.Join(xdg, "nope.yaml")
	if _, _, err := Open(missing, fakeEnv(vars)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing --config file: err = %v", err)
	}
	vars["HERALD_CONFIG"] = missing
	if _, _, err := Open("", fakeEnv(vars)); !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), missing) {
		t.Errorf("missing HERALD_CONFIG file: err = %v", err)
	}

	// The default file is read when present.
	delete(vars, "HERALD_CONFIG")
	if err := os.MkdirAll(filepath.Join(xdg, "herald"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(xdg, "herald", "config.yaml"), []byte("mouse: true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if cfg, _, err := Open("", fakeEnv(vars)); err != nil || !cfg.Mouse {
		t.Errorf("default file not read: %v", err)
	}
}

func TestAppearance(t *testing.T) {
	asked := 0
	dark := func() bool { asked++; return true }
	light := func() bool { asked++; return false }
	c := Default()
	cases := []struct {
		name   string
		mod    func(*Config)
		vars   map[string]string
		bg     func() bool
		want   Appearance
		probes int
	}{
		{"colour, dark terminal", nil, nil, dark, Appearance{Color: true, Glamour: "dark"}, 1},
		{"colour, light terminal", nil, nil, light, Appearance{Color: true, Glamour: "light"}, 1},
		{"NO_COLOR", nil, map[string]string{"NO_COLOR": "1"}, dark, Appearance{Glamour: "notty"}, 0},
		{"NO_COLOR empty is unset", nil, map[string]string{"NO_COLOR": ""}, dark, Appearance{Color: true, Glamour: "dark"}, 1},
		{"plain", func(c *Config) { c.Plain = true; c.Hyperlinks = true }, nil, dark, Appearance{Plain: true, Glamour: "ascii"}, 0},
		{"fixed style", func(c *Config) { c.Theme.Glamour = "light"; c.Hyperlinks = true }, nil, dark,
			Appearance{Color: true, Hyperlinks: true, Glamour: "light"}, 0},
		{"JSON style with NO_COLOR", func(c *Config) { c.Theme.Glamour = "/s.json" }, map[string]string{"NO_COLOR": "x"}, dark,
			Appearance{Glamour: "notty"}, 0},
	}
	for _, tc := range cases {
		cfg := c
		if tc.mod != nil {
			tc.mod(&cfg)
		}
		asked = 0
		got := cfg.Appearance(fakeEnv(tc.vars), tc.bg)
		if got != tc.want || asked != tc.probes {
			t.Errorf("%s: got %+v (background asked %d times), want %+v (%d)", tc.name, got, asked, tc.want, tc.probes)
		}
	}
}

func TestCheckersAreIdempotent(t *testing.T) {
	e := &env{dir: "/cfg", getenv: fakeEnv(map[string]string{"HOME": "/home/ann"})}
	for _, v := range []string{"", "#FFF", "#a1B2c3", "007", "255", "Red", "bright-cyan", "brightblue", "grey"} {
		norm, problem, _ := checkColor(v, e)
		again, problem2, _ := checkColor(norm, e)
		if problem != "" || problem2 != "" || again != norm {
			t.Errorf("colour %q -> %q (%s) -> %q (%s)", v, norm, problem, again, problem2)
		}
	}
	for _, v := range []string{"~", "~/news", "news", "/abs/../news"} {
		norm, problem, _ := checkPath(v, e)
		again, _, _ := checkPath(norm, e)
		if problem != "" || again != norm || !filepath.IsAbs(norm) {
			t.Errorf("path %q -> %q (%s) -> %q", v, norm, problem, again)
		}
	}
}

func TestKeyNames(t *testing.T) {
	good := []string{"a", "G", "?", "é", "1", "space", " ", "enter", "esc", "tab", "shift+tab", "pgdown",
		"ctrl+a", "ctrl+c", "alt+j", "alt+enter", "f12", "ctrl+shift+up", "backspace", "delete", "gg", "zt"}
	for _, k := range good {
		if _, problem, _ := checkKey(k, teaKeyNames()); problem != "" {
			t.Errorf("%q refused: %s", k, problem)
		}
	}
	bad := []string{"", "abc", "g ", "alt+gg", "alt+", "alt+alt+x", "ctrl+i", "super+a", "f21", "\x1b", "\u200e", "enter "}
	for _, k := range bad {
		if _, problem, _ := checkKey(k, teaKeyNames()); problem == "" {
			t.Errorf("%q accepted", k)
		}
	}
}

// FuzzParse: no input makes Parse panic, and whatever loads validates.
func FuzzParse(f *testing.F) {
	f.Add(Default().YAML())
	f.Add([]byte("keys:\n  quit: [q, x]\ntheme: {list: {meta: red}}\n"))
	f.Add([]byte("? {}\n<<: {}\n&a [*a]\n"))
	f.Add([]byte("layout: &l\n  split_at: 90\ndates:\n  <<: *l\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := Parse("/f/config.yaml", data)
		if err != nil {
			return
		}
		if verr := cfg.Validate(); verr != nil {
			t.Fatalf("loaded config does not validate: %v\n%q", verr, data)
		}
	})
}
