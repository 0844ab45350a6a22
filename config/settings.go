package config

import "strings"

// The settings table is the single description of the configuration: the
// decoder walks it to know which keys exist and what they hold, Validate
// checks values against it, and `herald config` and the README section are
// generated from it, so names, defaults and documentation cannot drift.

// setting is one entry of the table: a group (a mapping of settings, ref
// nil) or a value.
type setting struct {
	name string // dotted YAML path, snake_case
	doc  string // one or two sentences; wrapped when printed
	// ref points into a Config: *bool, *int, *float64, *string, *[]string
	// *map[string][]string (keys), *[]Command (commands) or
	// *[]SavedSearch (searches); nil for a group.
	ref func(c *Config) any
	def any // default value, of the type ref points to; nil for keys
	// lo and hi bound numbers (inclusive).
	lo, hi float64
	// check validates and normalises a string value (nil: any text).
	check checker
}

// checker validates a string setting and returns its normalised form, or a
// problem and an optional hint. env gives what checks on paths need.
type checker func(v string, env *env) (norm, problem, hint string)

func group(name, doc string) setting { return setting{name: name, doc: doc} }

func boolean(name, doc string, def bool, ref func(*Config) *bool) setting {
	return setting{name: name, doc: doc, def: def, ref: func(c *Config) any { return ref(c) }}
}

func integer(name, doc string, def, lo, hi int, ref func(*Config) *int) setting {
	return setting{name: name, doc: doc, def: def, lo: float64(lo), hi: float64(hi),
		ref: func(c *Config) any { return ref(c) }}
}

func float(name, doc string, def, lo, hi float64, ref func(*Config) *float64) setting {
	return setting{name: name, doc: doc, def: def, lo: lo, hi: hi, ref: func(c *Config) any { return ref(c) }}
}

func text(name, doc, def string, check checker, ref func(*Config) *string) setting {
	return setting{name: name, doc: doc, def: def, check: check, ref: func(c *Config) any { return ref(c) }}
}

func color(name, doc, def string, ref func(*Config) *string) setting {
	return text(name, doc, def, checkColor, ref)
}

func paths(name, doc string, ref func(*Config) *[]string) setting {
	return setting{name: name, doc: doc, def: []string(nil), check: checkPath,
		ref: func(c *Config) any { return ref(c) }}
}

// isGroup reports whether the entry is a mapping of other settings.
func (s *setting) isGroup() bool { return s.ref == nil }

// setDefault stores the entry's default into c (keys excepted: their
// defaults come from DefaultKeyMap).
func (s *setting) setDefault(c *Config) {
	if s.ref == nil || s.def == nil {
		return
	}
	switch p := s.ref(c).(type) {
	case *bool:
		*p = s.def.(bool)
	case *int:
		*p = s.def.(int)
	case *float64:
		*p = s.def.(float64)
	case *string:
		*p = s.def.(string)
	case *[]string:
		*p = append([]string(nil), s.def.([]string)...)
	}
}

// table returns the settings in the order `herald config` prints them.
// Groups come before their members.
func table() []setting {
	return []setting{
		paths("dirs", `Directories opened when herald is run without any. "~" is your home
directory; a relative path is relative to this file's directory.`,
			func(c *Config) *[]string { return &c.Dirs }),
		{name: "keys", doc: `Key bindings: action -> list of keys. Listing an action replaces all of
its default keys (an empty list disables it); actions not listed keep theirs. A key may
belong to one action only. Keys: a character (j, G, ?), enter, esc, tab, shift+tab, space,
backspace, delete, insert, up, down, left, right, home, end, pgup, pgdown, f1 to f20,
ctrl+KEY, alt+KEY, or two characters typed one after the other (gg). Digits typed
before a key are a count: 5j moves five rows, 12o opens link 12.`,
			ref: func(c *Config) any { return &c.Keys }},

		group("theme", `Colours: "#rgb", "#rrggbb", an ANSI colour number 0 to 255, a name
(black, red, green, yellow, blue, magenta, cyan, white, their bright_ variants such as
bright_red, and gray), or "" for the terminal's own colour. NO_COLOR or plain turn all
colour off.`),
		text("theme.glamour", `Markdown style of the detail pane: auto (dark or light, following
the terminal's background), dark, light, notty (no colour), ascii (no colour, ASCII only),
or the path of a glamour JSON style file (relative to this file's directory).`,
			"auto", checkGlamour, func(c *Config) *string { return &c.Theme.Glamour }),
		color("theme.accent", "Focused pane border, cursor marker, spinner and progress bar.",
			"5", func(c *Config) *string { return &c.Theme.Accent }),
		group("theme.list", "The list pane."),
		color("theme.list.title", "Article titles.", "",
			func(c *Config) *string { return &c.Theme.List.Title }),
		color("theme.list.meta", "The provider, date and topics line under each title.", "8",
			func(c *Config) *string { return &c.Theme.List.Meta }),
		color("theme.list.selected", "The title of the row under the cursor.", "5",
			func(c *Config) *string { return &c.Theme.List.Selected }),
		color("theme.list.unread", "The unread marker.", "4",
			func(c *Config) *string { return &c.Theme.List.Unread }),
		color("theme.list.starred", "The starred marker.", "3",
			func(c *Config) *string { return &c.Theme.List.Starred }),
		color("theme.list.match", "The words of the filter query, in list titles and in the article text.", "6",
			func(c *Config) *string { return &c.Theme.List.Match }),
		group("theme.detail", "The detail pane, around the Markdown that glamour styles."),
		color("theme.detail.title", "The article title in the header.", "",
			func(c *Config) *string { return &c.Theme.Detail.Title }),
		color("theme.detail.meta", "Provider, domain and date lines.", "8",
			func(c *Config) *string { return &c.Theme.Detail.Meta }),
		color("theme.detail.link", "Numbered link labels.", "4",
			func(c *Config) *string { return &c.Theme.Detail.Link }),
		color("theme.detail.border", "The pane border when it is not focused.", "8",
			func(c *Config) *string { return &c.Theme.Detail.Border }),
		group("theme.status", "The status line at the bottom."),
		color("theme.status.text", "Counts, progress and messages.", "",
			func(c *Config) *string { return &c.Theme.Status.Text }),
		color("theme.status.background", "Background of the whole line.", "",
			func(c *Config) *string { return &c.Theme.Status.Background }),
		color("theme.status.error", "Errors and refused links.", "1",
			func(c *Config) *string { return &c.Theme.Status.Error }),

		text("browser", `Command that opens links, like $BROWSER: commands separated by ":",
tried in turn until one launches (one that exits with an error within two seconds failed,
and the status line says why); "%s" stands for the URL (appended when absent). Empty:
$BROWSER, then xdg-open or open.`, "", checkCommand, func(c *Config) *string { return &c.Browser }),

		group("layout", "How the screen is shared between the list and the detail pane."),
		integer("layout.split_at", `Terminal width (columns) from which list and detail are shown side
by side; narrower, one pane at a time. 40 to 1000 (1000: never split).`, 100, 40, 1000,
			func(c *Config) *int { return &c.Layout.SplitAt }),
		float("layout.list_share", "The list's share of the width when side by side, 0.2 to 0.8.",
			0.4, 0.2, 0.8, func(c *Config) *float64 { return &c.Layout.ListShare }),

		group("dates", "How dates are shown in the list."),
		boolean("dates.relative", `Show dates as "5m ago", "3h ago", "2d ago"; false uses format.`,
			true, func(c *Config) *bool { return &c.Dates.Relative }),
		text("dates.format", `Go time layout for absolute dates, written as the reference time
Mon Jan 2 15:04:05 2006 would look: "2006-01-02 15:04", "Jan 2 2006", "02/01/06".`,
			"2006-01-02 15:04", checkTimeFormat, func(c *Config) *string { return &c.Dates.Format }),

		boolean("mouse", `Mouse support: the wheel scrolls the pane under the pointer, a click
selects a row or opens a numbered link. Off by default because it takes over the
terminal's own text selection.`, false, func(c *Config) *bool { return &c.Mouse }),
		boolean("mark_read_on_open", "Mark an article read when it is opened.", true,
			func(c *Config) *bool { return &c.MarkReadOnOpen }),
		boolean("open_marks_read", "Mark an article read when it is opened in the browser.", false,
			func(c *Config) *bool { return &c.OpenMarksRead }),
		boolean("plain", `Plain output for screen readers and simple terminals: no colour, no box
drawing, no spinners, ASCII only (article text too: accents dropped, typographic quotes and
dashes spelt in ASCII), articles as text without Markdown markup. The reader stays on the
terminal's main screen rather than the alternate one, so a screen reader can read back what
was shown; only lines that changed are redrawn. Same as --plain.`, false,
			func(c *Config) *bool { return &c.Plain }),
		boolean("clustering", `Show the same story, saved on several days or told by several
outlets, as one row with +N that expands to each article.`, true,
			func(c *Config) *bool { return &c.Clustering }),
		boolean("hyperlinks", `Make the detail pane's links clickable terminal hyperlinks (OSC 8).
Off by default: terminals without support may show stray text.`, false,
			func(c *Config) *bool { return &c.Hyperlinks }),
		text("pipe", `One command the | key hands the article to, the older form of commands
(it joins them under the name pipe): words split on spaces, no shell. Empty: none.`,
			"", checkCommand, func(c *Config) *string { return &c.Pipe }),
		text("pipe_input", `What the pipe command reads on its standard input: markdown (the
article as text) or url.`, PipeMarkdown, checkPipeInput, func(c *Config) *string { return &c.PipeInput }),
		{name: "commands", doc: `Named commands the | key hands the article to: a summariser,
"mail -s news me@example.com", a save-to-notes script. Each is name: "command line" (it reads
the article as Markdown) or name: {run: "command line", input: markdown or url}; words split
on spaces, no shell. With several, | shows a picker of the names. The pipe setting, if set,
is one more command named pipe.`, ref: func(c *Config) any { return &c.Commands }},
		text("reader", `Reader mode, the article's web page as text in the detail pane:
manual (R fetches it), auto (fetched when an article is opened) or off (never fetched;
pages fetched before still show).`, ReaderManual, checkReader,
			func(c *Config) *string { return &c.Reader }),
		integer("reader_cache_mb", `Disk space for fetched pages, in megabytes; past it the least
recently read pages are removed. 1 to 100000.`, 500, 1, 100000,
			func(c *Config) *int { return &c.ReaderCacheMB }),
		integer("render_cache_mb", `Memory for rendered articles kept for going back to them, in
megabytes; past it the oldest renders are dropped (and made again when shown). 8 to 4096.`,
			64, 8, 4096, func(c *Config) *int { return &c.RenderCacheMB }),
		text("images", `The article's lead image at the top of the detail pane: blocks (drawn
in coloured half-block cells, which every colour terminal shows, tmux and ssh too), kitty
(kitty graphics with Unicode placeholders: kitty, Ghostty), iterm2 or sixel (blocks in the
pane, and i shows the image full screen in the terminal's own graphics), auto (asks
the terminal at start, for at most 150 ms: kitty where it answers kitty's graphics
query, iterm2 in iTerm2 and WezTerm, sixel where its device attributes list sixel, else
blocks; inside tmux blocks unless allow-passthrough is on) or off (the image stays a link). Images are fetched like reader mode's pages and kept on disk; offline only
kept images show. Off under --plain and NO_COLOR.`, ImagesAuto, checkImages,
			func(c *Config) *string { return &c.Images }),
		integer("image_rows", `The most rows of the detail pane the lead image takes. 2 to 60.`,
			10, 2, 60, func(c *Config) *int { return &c.ImageRows }),
		{name: "searches", doc: `Saved searches: a list of entries with a name, a query in the
filter's language and, optionally, a sort (newest, oldest, quality, ...). The saved_searches
key (v) lists them with their unread counts and applies the one chosen: its query goes into
the filter, its sort replaces the current one. herald list --saved NAME and herald
unread-count --saved NAME use them in scripts. Names must be unique.`,
			ref: func(c *Config) any { return &c.Searches }},
		{name: "mute", doc: `Mute rules: a list of queries in the filter's language
(without is:). Articles that match any rule are hidden from the list, the search results
and every count (the status line says "N muted"); the show_muted key (z) shows them again,
marked as muted, and --include-muted lists them in scripts. Muting never changes the files
or the read marks.`, def: []string(nil),
			check: checkMuteRule, ref: func(c *Config) any { return &c.Mute }},
	}
}

// lookup returns the table entry named name.
func lookup(settings []setting, name string) (*setting, bool) {
	for i := range settings {
		if settings[i].name == name {
			return &settings[i], true
		}
	}
	return nil, false
}

// children lists the entries directly under the group named parent ("" for
// the top level), in table order.
func children(settings []setting, parent string) []*setting {
	var out []*setting
	for i := range settings {
		if parentOf(settings[i].name) == parent {
			out = append(out, &settings[i])
		}
	}
	return out
}

func parentOf(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[:i]
	}
	return ""
}

func leafOf(name string) string { return name[strings.LastIndexByte(name, '.')+1:] }
