package config

// Appearance is how output may look, decided once from the config, the
// --plain flag (callers set Config.Plain) and the environment, so the UI
// and `herald show` apply the same rules.
type Appearance struct {
	// Color is false when NO_COLOR is set (https://no-color.org: present
	// and not empty) or in plain mode: no colour at all, glamour included.
	Color bool
	// Plain asks for ASCII only: no box drawing, spinners or non-ASCII
	// decoration (for screen readers and dumb terminals). Implies !Color.
	Plain bool
	// Hyperlinks is Config.Hyperlinks, off in plain mode (a dumb terminal
	// would print the OSC 8 sequences).
	Hyperlinks bool
	// Glamour is the style to hand to the Markdown renderer: "dark",
	// "light", "notty", "ascii" or the path of a JSON style; never "auto".
	Glamour string
}

// Appearance resolves c against the environment (getenv is os.Getenv
// outside tests). dark reports whether the terminal background is dark; it
// is called at most once, and only when the glamour style is "auto" and
// colour is on, so a pipe or NO_COLOR never queries the terminal.
func (c Config) Appearance(getenv func(string) string, dark func() bool) Appearance {
	a := Appearance{
		Plain:      c.Plain,
		Color:      !c.Plain && getenv("NO_COLOR") == "",
		Hyperlinks: c.Hyperlinks && !c.Plain,
		Glamour:    c.Theme.Glamour,
	}
	switch {
	case a.Plain:
		a.Glamour = "ascii"
	case !a.Color:
		a.Glamour = "notty"
	case a.Glamour == "auto" || a.Glamour == "":
		a.Glamour = "light"
		if dark != nil && dark() {
			a.Glamour = "dark"
		}
	}
	return a
}
