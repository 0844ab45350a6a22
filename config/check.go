package config

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/herald-reader/herald/internal/textsafe"
)

// env is what checks need beyond the value: where relative paths start
// (the config file's directory) and the environment for "~".
type env struct {
	dir    string
	getenv func(string) string
}

// Validate checks every value of c as Load would, for a Config built or
// changed in code (Load has already done this for what it returns). The
// errors are *Error values without file and line, joined.
func (c Config) Validate() error {
	p := &problems{}
	e := &env{getenv: os.Getenv}
	settings := table()
	for i := range settings {
		s := &settings[i]
		if s.isGroup() {
			continue
		}
		switch v := s.ref(&c).(type) {
		case *bool:
		case *int:
			checkNumber(p, s, 0, float64(*v))
		case *float64:
			checkNumber(p, s, 0, *v)
		case *string:
			checkText(p, s, 0, *v, e)
		case *[]string:
			for _, item := range *v {
				checkText(p, s, 0, item, e)
			}
		case *map[string][]string:
			validateKeys(p, *v, nil)
		case *[]Command:
			validateCommands(p, *v)
		case *[]SavedSearch:
			validateSearches(p, *v)
		}
	}
	return p.err()
}

// checkNumber reports a number outside the setting's range. NaN is outside
// every range.
func checkNumber(p *problems, s *setting, line int, v float64) bool {
	if v >= s.lo && v <= s.hi {
		return true
	}
	p.add(line, s.name, fmt.Sprintf("%s is out of range", formatNumber(v)),
		fmt.Sprintf("use %s to %s", formatNumber(s.lo), formatNumber(s.hi)))
	return false
}

func formatNumber(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// checkText runs the setting's checker and returns the normalised value.
func checkText(p *problems, s *setting, line int, v string, e *env) (string, bool) {
	if s.check == nil {
		return v, true
	}
	norm, problem, hint := s.check(v, e)
	if problem != "" {
		p.add(line, s.name, problem, hint)
		return "", false
	}
	return norm, true
}

func hasControl(s string) bool {
	for _, r := range s {
		if r == unicode.ReplacementChar || textsafe.Invisible(r) {
			return true
		}
	}
	return false
}

// colorNames are the names accepted for the 16 ANSI colours; they map to
// the colour numbers, so they follow the terminal's palette.
func colorNames() map[string]int {
	base := []string{"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"}
	m := map[string]int{"gray": 8, "grey": 8}
	for i, n := range base {
		m[n] = i
		m["bright_"+n] = i + 8
	}
	return m
}

// checkColor accepts "", #rgb, #rrggbb, 0-255 and the colour names, and
// normalises to "", "#rrggbb" or a decimal number.
func checkColor(v string, _ *env) (string, string, string) {
	s := strings.ToLower(strings.TrimSpace(v))
	if s == "" {
		return "", "", ""
	}
	const usage = `use "#rrggbb", "#rgb", 0 to 255, or a name such as "red"`
	if strings.HasPrefix(s, "#") {
		hex := s[1:]
		if (len(hex) == 3 || len(hex) == 6) && isHex(hex) {
			if len(hex) == 3 {
				hex = string([]byte{hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]})
			}
			return "#" + hex, "", ""
		}
		return "", fmt.Sprintf("bad colour %s", quote(v)), usage
	}
	if n, err := strconv.Atoi(s); err == nil {
		if n < 0 || n > 255 {
			return "", fmt.Sprintf("colour %d is out of range", n), "ANSI colours are 0 to 255"
		}
		return strconv.Itoa(n), "", ""
	}
	names := colorNames()
	key := strings.NewReplacer("-", "_", " ", "_").Replace(s)
	if !strings.HasPrefix(key, "bright_") && strings.HasPrefix(key, "bright") {
		key = "bright_" + key[len("bright"):]
	}
	if n, ok := names[key]; ok {
		return strconv.Itoa(n), "", ""
	}
	if isHex(s) && (len(s) == 3 || len(s) == 6) {
		return "", fmt.Sprintf("bad colour %s", quote(v)), fmt.Sprintf("did you mean %q?", "#"+s)
	}
	hint := didYouMean(key, slices.Sorted(maps.Keys(names)))
	if hint == "" {
		hint = usage
	}
	return "", fmt.Sprintf("bad colour %s", quote(v)), hint
}

func isHex(s string) bool {
	for _, r := range s {
		if !strings.ContainsRune("0123456789abcdef", r) {
			return false
		}
	}
	return s != ""
}

// glamourStyles are the built-in styles the renderer accepts by name.
var glamourStyles = [...]string{"auto", "dark", "light", "notty", "ascii"}

// checkGlamour accepts a style name or the path of an existing glamour JSON
// style file, which it returns absolute.
func checkGlamour(v string, e *env) (string, string, string) {
	s := strings.TrimSpace(v)
	for _, name := range glamourStyles {
		if strings.EqualFold(s, name) {
			return name, "", ""
		}
	}
	looksLikePath := strings.ContainsAny(s, `/\`) || strings.HasPrefix(s, "~") ||
		strings.HasSuffix(strings.ToLower(s), ".json")
	if !looksLikePath {
		hint := didYouMean(s, glamourStyles[:])
		if hint == "" {
			hint = "use auto, dark, light, notty, ascii, or the path of a glamour JSON style"
		}
		return "", fmt.Sprintf("unknown style %s", quote(v)), hint
	}
	p, problem, hint := checkPath(s, e)
	if problem != "" {
		return "", problem, hint
	}
	st, err := os.Stat(p)
	switch {
	case err != nil && os.IsNotExist(err):
		return "", fmt.Sprintf("style file %s does not exist", quote(p)), ""
	case err != nil:
		return "", fmt.Sprintf("style file %s cannot be read: %s", quote(p), clean(errText(err))), ""
	case !st.Mode().IsRegular():
		return "", fmt.Sprintf("style file %s is not a regular file", quote(p)), ""
	case st.Size() > maxFileBytes:
		return "", fmt.Sprintf("style file %s is too large", quote(p)), ""
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return "", fmt.Sprintf("style file %s cannot be read: %s", quote(p), clean(errText(err))), ""
	}
	if !json.Valid(data) {
		return "", fmt.Sprintf("style file %s is not valid JSON", quote(p)), ""
	}
	return p, "", ""
}

// errText is an error's message without the path that *PathError repeats.
func errText(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

// checkPath expands "~" and anchors a relative path at the config file's
// directory, so a config works the same from any working directory.
func checkPath(v string, e *env) (string, string, string) {
	if strings.TrimSpace(v) == "" {
		return "", "empty path", ""
	}
	if hasControl(v) {
		return "", fmt.Sprintf("path %s contains a control character", quote(v)), ""
	}
	if strings.HasPrefix(v, "~") && v != "~" && !strings.HasPrefix(v[1:], "/") &&
		!strings.HasPrefix(v[1:], string(filepath.Separator)) {
		return "", fmt.Sprintf("%s: only \"~\" for your own home is understood", quote(v)),
			`use "~/..." or an absolute path`
	}
	p := v
	if strings.HasPrefix(p, "~") {
		p = expandHome(p, e.getenv)
		if strings.HasPrefix(p, "~") {
			return "", fmt.Sprintf("%s: no home directory to expand \"~\" to", quote(v)), "use an absolute path"
		}
	}
	if !filepath.IsAbs(p) && e.dir != "" {
		p = filepath.Join(e.dir, p)
	}
	return filepath.Clean(p), "", ""
}

// checkCommand accepts any browser command without control characters.
func checkCommand(v string, _ *env) (string, string, string) {
	if hasControl(v) {
		return "", "the command contains a control character", ""
	}
	return strings.TrimSpace(v), "", ""
}

// checkTimeFormat accepts a Go time layout that shows at least one field.
// A strftime format gets its Go translation as the hint.
func checkTimeFormat(v string, _ *env) (string, string, string) {
	const usage = `write how Mon Jan 2 15:04:05 2006 would look, e.g. "2006-01-02 15:04"`
	switch {
	case strings.TrimSpace(v) == "":
		return "", "empty format", usage
	case len(v) > 64:
		return "", "format is longer than 64 bytes", ""
	case hasControl(v):
		return "", "format contains a control character", ""
	}
	ref := time.Date(2001, 2, 3, 16, 5, 7, 0, time.UTC)
	if ref.Format(v) != v {
		return v, "", ""
	}
	hint := usage
	if strings.Contains(v, "%") {
		if goLayout := fromStrftime(v); ref.Format(goLayout) != goLayout {
			hint = fmt.Sprintf("formats are Go layouts, not strftime: did you mean %q?", goLayout)
		}
	}
	return "", fmt.Sprintf("format %s shows no date or time", quote(v)), hint
}

// fromStrftime translates the common strftime directives to a Go layout.
func fromStrftime(f string) string {
	return strings.NewReplacer("%Y", "2006", "%y", "06", "%m", "01", "%d", "02", "%e", "_2",
		"%H", "15", "%I", "03", "%M", "04", "%S", "05", "%p", "PM", "%b", "Jan", "%B", "January",
		"%a", "Mon", "%A", "Monday", "%Z", "MST", "%z", "-0700", "%F", "2006-01-02",
		"%T", "15:04:05", "%R", "15:04", "%%", "%").Replace(f)
}

var imageModes = []string{ImagesAuto, ImagesKitty, ImagesITerm2, ImagesSixel, ImagesBlocks, ImagesOff}

func checkImages(v string, _ *env) (string, string, string) {
	return checkChoice(v, "images mode", imageModes)
}

var readerModes = []string{ReaderManual, ReaderAuto, ReaderOff}

func checkReader(v string, _ *env) (string, string, string) {
	return checkChoice(v, "reader mode", readerModes)
}

// checkChoice checks a setting that takes one of a few words, in any case:
// the closest word as a hint for a typo, else the list of them.
func checkChoice(v, what string, choices []string) (string, string, string) {
	s := strings.TrimSpace(v)
	for _, name := range choices {
		if strings.EqualFold(s, name) {
			return name, "", ""
		}
	}
	hint := didYouMean(s, choices)
	if hint == "" {
		last := len(choices) - 1
		hint = "use " + strings.Join(choices[:last], ", ") + " or " + choices[last]
	}
	return "", fmt.Sprintf("unknown %s %s", what, quote(v)), hint
}

// What the pipe command reads on stdin.
const (
	PipeMarkdown = "markdown"
	PipeURL      = "url"
)

func checkPipeInput(v string, _ *env) (string, string, string) {
	s := strings.ToLower(strings.TrimSpace(v))
	if s == PipeMarkdown || s == PipeURL {
		return s, "", ""
	}
	return "", fmt.Sprintf("unknown pipe input %s", quote(v)), "use markdown or url"
}
