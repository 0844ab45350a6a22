// Package config turns the user's YAML configuration into values: the
// defaults first, the file decoded on top of them, every value checked. It
// owns where the file lives, what each setting means (one table, see
// settings.go, that also generates `herald config` and the README), the
// key map's defaults and rebinding, and the colour/plain decision derived
// from NO_COLOR and --plain. It knows nothing of lipgloss: colours stay
// strings that the UI turns into styles.
package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/herald-reader/herald/internal/xdg"
)

// Config is the whole configuration. The zero value is not useful: start
// from Default() (Load does).
type Config struct {
	// Dirs are opened when herald runs without directory arguments.
	// Absolute after Load ("~" expanded, relative paths resolved against
	// the config file's directory). Nil when none are set.
	Dirs []string
	// Keys maps an action name (see KeyMap.Actions) to its keys, spelled as
	// in the config file ("space" for the space bar). Every action has an
	// entry; an empty list disables the action.
	Keys map[string][]string
	// Theme holds colours as strings lipgloss.Color understands ("#rrggbb"
	// or an ANSI number "0"-"255"; "" = the terminal's default colour).
	Theme Theme
	// Browser is a $BROWSER-style command list; "" = $BROWSER, then
	// xdg-open/open.
	Browser string
	Layout  Layout
	Dates   Dates
	// Mouse turns on mouse support (wheel, clicks).
	Mouse bool
	// MarkReadOnOpen marks an article read when its detail is opened.
	MarkReadOnOpen bool
	// OpenMarksRead marks an article read when it is opened in the
	// browser.
	OpenMarksRead bool
	// Plain asks for ASCII-only output without colour (see Appearance).
	Plain bool
	// Clustering groups the same story from several days into one row.
	Clustering bool
	// Hyperlinks emits OSC 8 terminal hyperlinks in the detail pane.
	Hyperlinks bool
	// Reader is when reader mode fetches an article's page: ReaderManual,
	// ReaderAuto or ReaderOff.
	// Pipe is the command the pipe key hands the article to (words split
	// on white space, no shell); PipeInput is what it gets on stdin:
	// PipeMarkdown or PipeURL.
	Pipe, PipeInput string
	// Commands are the pipe key's named commands, in file order.
	Commands []Command
	Reader   string
	// ReaderCacheMB caps the fetched pages kept on disk, in megabytes.
	ReaderCacheMB int
	// RenderCacheMB caps the rendered articles kept in memory, in
	// megabytes.
	RenderCacheMB int
	// Images is how the article's lead image is drawn: ImagesAuto,
	// ImagesKitty, ImagesITerm2, ImagesSixel, ImagesBlocks or ImagesOff.
	Images string
	// ImageRows is the most rows the lead image takes.
	ImageRows int
	// Searches are the saved searches, in file order (searches.go).
	Searches []SavedSearch
	// Mute are the mute rules: queries (search.ParseMuteRule) whose
	// matches are hidden until asked for.
	Mute []string
}

// The values of Config.Images.
const (
	ImagesAuto   = "auto"   // the best the terminal shows; off without colour
	ImagesKitty  = "kitty"  // kitty graphics with Unicode placeholders
	ImagesITerm2 = "iterm2" // blocks in the pane, iTerm2 images full screen (i)
	ImagesSixel  = "sixel"  // blocks in the pane, sixel images full screen (i)
	ImagesBlocks = "blocks" // half-block cells in colour, everywhere
	ImagesOff    = "off"    // links only
)

// The values of Config.Reader.
const (
	ReaderManual = "manual" // on R
	ReaderAuto   = "auto"   // when an article is opened, and on R
	ReaderOff    = "off"    // never; cached pages still show
)

// Theme is the colour scheme. Every colour is "" (terminal default),
// "#rrggbb" or an ANSI colour number "0" to "255".
type Theme struct {
	// Glamour is the Markdown style of the detail pane: auto, dark, light,
	// notty, ascii, or the absolute path of a glamour JSON style file.
	Glamour string
	Accent  string // focused pane border, cursor marker, spinner, progress
	List    ListColors
	Detail  DetailColors
	Status  StatusColors
}

// ListColors colour the list pane.
type ListColors struct {
	Title    string // article title
	Meta     string // provider, date and topics line
	Selected string // title of the row under the cursor
	Unread   string // unread marker
	Starred  string // starred marker
	Match    string // characters that matched the filter
}

// DetailColors colour the parts of the detail pane drawn outside glamour.
type DetailColors struct {
	Title  string // article title in the header
	Meta   string // provider, domain and date lines
	Link   string // numbered link labels
	Border string // pane border when not focused
}

// StatusColors colour the status line at the bottom.
type StatusColors struct {
	Text       string
	Background string
	Error      string // refused URLs, failures
}

// Layout is how the screen is split between list and detail.
type Layout struct {
	// SplitAt is the terminal width (columns) from which list and detail
	// are shown side by side; narrower, one pane at a time.
	SplitAt int
	// ListShare is the list pane's share of the width when split (0.2-0.8).
	ListShare float64
}

// Dates is how dates are shown in the list.
type Dates struct {
	// Relative shows "3h ago"; otherwise Format is used.
	Relative bool
	// Format is a Go time layout (reference time Mon Jan 2 15:04:05 2006).
	Format string
}

// Default returns the built-in configuration. It is freshly allocated on
// every call, so callers may change it.
func Default() Config {
	c := Config{Keys: defaultKeys()}
	for _, s := range table() {
		s.setDefault(&c)
	}
	return c
}

// maxFileBytes caps how much of a config file is read: a real one is a few
// kilobytes, and --config pointed at the wrong (huge) file must not eat
// memory.
const maxFileBytes = 1 << 20

// Resolve says which config file to use: flagPath (from --config) if set,
// else $HERALD_CONFIG, else herald/config.yaml in $XDG_CONFIG_HOME or the
// OS config directory. explicit is true when the user named the file (flag
// or variable), in which case it must exist. path is "" when no location
// can be determined (no home directory). getenv is os.Getenv outside tests.
func Resolve(flagPath string, getenv func(string) string) (path string, explicit bool) {
	if flagPath != "" {
		return expandHome(flagPath, getenv), true
	}
	if p := getenv("HERALD_CONFIG"); p != "" {
		return expandHome(p, getenv), true
	}
	dir := xdg.ConfigHome(getenv)
	if dir == "" {
		return "", false
	}
	return filepath.Join(dir, "herald", "config.yaml"), false
}

// expandHome replaces a leading "~" or "~/" with $HOME (or %USERPROFILE%).
// "~user" is left alone; checkPath reports it for settings.
func expandHome(p string, getenv func(string) string) string {
	if p != "~" && !strings.HasPrefix(p, "~/") && !strings.HasPrefix(p, `~`+string(filepath.Separator)) {
		return p
	}
	home := getenv("HOME")
	if home == "" {
		home = getenv("USERPROFILE")
	}
	if home == "" {
		return p
	}
	return filepath.Join(home, p[1:])
}

// Open resolves the config file (see Resolve) and loads it. A missing file
// that the user did not name gives the defaults, and nothing is written; a
// missing file that the user named is an error. path is the file consulted,
// for `herald config --path` and error messages.
func Open(flagPath string, getenv func(string) string) (cfg Config, path string, err error) {
	path, explicit := Resolve(flagPath, getenv)
	if path == "" {
		return Default(), "", nil
	}
	cfg, err = load(path, getenv)
	if errors.Is(err, fs.ErrNotExist) && !explicit {
		return Default(), path, nil
	}
	return cfg, path, err
}

// Load reads and decodes the file at path over the defaults and checks
// every value. A missing file is an error wrapping fs.ErrNotExist (Open
// turns that into the defaults when the file was not named by the user).
// Problems with the content are *Error values, joined; the Config is then
// Default(), never a half-applied file.
func Load(path string) (Config, error) {
	return load(path, os.Getenv)
}

func load(path string, getenv func(string) string) (Config, error) {
	data, err := readFile(path)
	if err != nil {
		return Default(), err
	}
	return parse(path, data, getenv)
}

// Parse decodes data (the content of the file at path) over the defaults.
// path names the file in errors and anchors relative paths in settings.
func Parse(path string, data []byte) (Config, error) {
	return parse(path, data, os.Getenv)
}

func readFile(path string) ([]byte, error) {
	// Stat first: opening a FIFO would block until a writer appears.
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	if !st.Mode().IsRegular() {
		return nil, &Error{Path: path, Problem: "not a regular file"}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read config %s: %w", path, err)
	}
	if len(data) > maxFileBytes {
		return nil, &Error{Path: path, Problem: fmt.Sprintf("file is larger than %d KiB; is it the right file?", maxFileBytes>>10)}
	}
	return data, nil
}
