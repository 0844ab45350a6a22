package config

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// Key names in the config file are Bubble Tea's (what tea.KeyMsg.String()
// gives, which key.Binding matches), with one exception: the space bar is
// "space" in the file and " " in a binding, because a lone space is easy to
// lose in YAML and invisible in messages.

// KeyMap returns the default key map with the configured keys applied
// (through KeyMap.Bind): an action whose keys differ from its defaults gets
// exactly the configured keys and a help label naming them; an empty list
// disables the action (it never matches and is hidden from help, even if
// the UI enables it later, since it has no keys). The error is only
// possible for a Config that did not pass Validate.
func (c Config) KeyMap() (KeyMap, error) {
	km := DefaultKeyMap()
	overrides := map[string][]string{}
	var off []*key.Binding
	for _, a := range km.Actions() {
		keys, ok := c.Keys[a.Name]
		switch {
		case !ok || slices.Equal(keys, fromBinding(a.Binding.Keys())):
		case len(keys) == 0:
			off = append(off, a.Binding)
		default:
			overrides[a.Name] = toBinding(keys)
		}
	}
	if err := km.Bind(overrides); err != nil {
		return DefaultKeyMap(), fmt.Errorf("apply keys: %w", err)
	}
	for _, b := range off {
		b.SetKeys()
		b.SetEnabled(false)
	}
	return km, nil
}

// defaultKeys is the Keys setting's default, read from DefaultKeyMap so
// the key map stays the one place where default keys are written.
func defaultKeys() map[string][]string {
	km := DefaultKeyMap()
	m := make(map[string][]string)
	for _, a := range km.Actions() {
		m[a.Name] = fromBinding(a.Binding.Keys())
	}
	return m
}

// actionHelp maps each action to its help description, in key map order.
func actionHelp() (names []string, desc map[string]string) {
	km := DefaultKeyMap()
	desc = make(map[string]string)
	for _, a := range km.Actions() {
		names = append(names, a.Name)
		desc[a.Name] = a.Binding.Help().Desc
	}
	return names, desc
}

func fromBinding(keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = strings.Replace(k, " ", "space", 1)
	}
	return out
}

func toBinding(keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		if k == "space" || k == "alt+space" {
			k = strings.Replace(k, "space", " ", 1)
		}
		out[i] = k
	}
	return out
}

// teaKeyNames are the named keys Bubble Tea reports, such as "enter",
// "pgdown" and "ctrl+a", plus "space".
func teaKeyNames() []string {
	names := []string{"space"}
	for t := tea.KeyType(-128); t < 128; t++ {
		if n := t.String(); n != "" && n != "runes" && n != " " {
			names = append(names, n)
		}
	}
	return names
}

// keyAliases turn names people write into the name Bubble Tea uses, for
// hints only: "escape" is still refused, but with "did you mean esc?".
var keyAliases = map[string]string{
	"escape": "esc", "return": "enter", "ret": "enter", "cr": "enter", "ctrl+m": "enter",
	"ctrl+i": "tab", "ctrl+[": "esc", "spacebar": "space", "pageup": "pgup",
	"pagedown": "pgdown", "pgdn": "pgdown", "del": "delete", "ins": "insert", "bs": "backspace",
}

// checkKey validates one key name and returns its normal spelling. names
// is teaKeyNames(), computed once by the caller.
func checkKey(k string, names []string) (norm, problem, hint string) {
	if k == " " {
		return "space", "", ""
	}
	if validKey(k, names) {
		return k, "", ""
	}
	hint = `a character, or a name such as enter, esc, tab, space, up, pgdown, f1, ctrl+x`
	lower := strings.ToLower(strings.TrimSpace(k))
	base, alt := strings.CutPrefix(lower, "alt+")
	prefix := ""
	if alt {
		prefix = "alt+"
	}
	switch {
	case keyAliases[base] != "":
		hint = fmt.Sprintf("did you mean %q?", prefix+keyAliases[base])
	case validKey(lower, names):
		hint = fmt.Sprintf("did you mean %q?", lower)
	case strings.HasPrefix(base, "shift+") && len(base) == len("shift+")+1 &&
		unicode.IsLetter(rune(base[len(base)-1])):
		hint = fmt.Sprintf("did you mean %q?", prefix+strings.ToUpper(base[len(base)-1:]))
	default:
		if h := didYouMean(lower, names); h != "" {
			hint = h
		}
	}
	return "", fmt.Sprintf("unknown key %s", quote(k)), hint
}

func validKey(k string, names []string) bool {
	base := strings.TrimPrefix(k, "alt+")
	if slices.Contains(names, base) {
		return true
	}
	if base != k {
		return printableRunes(base) == 1
	}
	// One character, or a sequence of two typed in turn ("gg").
	n := printableRunes(k)
	return n == 1 || n == 2
}

// printableRunes counts the runes of s when all are printable and not
// spaces; 0 otherwise.
func printableRunes(s string) int {
	n := 0
	for _, r := range s {
		if r == utf8.RuneError || !unicode.IsPrint(r) || unicode.IsSpace(r) {
			return 0
		}
		n++
	}
	return n
}

// keyLines locates the keys setting in the file, for messages about
// conflicts; nil when validating a Config built in code.
type keyLines struct {
	action map[string]int            // action -> line of its entry
	key    map[string]map[string]int // action -> key -> line
}

func (l *keyLines) line(action, key string) int {
	if l == nil {
		return 0
	}
	if n := l.key[action][key]; n > 0 {
		return n
	}
	return l.action[action]
}

// validateKeys checks the merged bindings: known actions, valid names, no
// key twice in an action or in two actions, and a way to quit left. Two
// actions that both keep their default keys are not compared: the key
// map's defaults may share a key between actions used in different modes.
func validateKeys(p *problems, keys map[string][]string, lines *keyLines) {
	order, _ := actionHelp()
	defaults := defaultKeys()
	for _, name := range slices.Sorted(maps.Keys(keys)) {
		if _, ok := defaults[name]; !ok {
			p.add(lines.line(name, ""), "keys."+clean(name), "unknown action", didYouMean(name, order))
		}
	}
	owner := map[string]string{}
	names := teaKeyNames()
	// An action missing from keys keeps its defaults (see KeyMap).
	effective := func(action string) []string {
		if list, ok := keys[action]; ok {
			return list
		}
		return defaults[action]
	}
	for _, action := range order {
		list := effective(action)
		isDefault := slices.Equal(list, defaults[action])
		seen := map[string]bool{}
		for _, k := range list {
			if _, problem, hint := checkKey(k, names); problem != "" {
				p.add(lines.line(action, k), "keys."+action, problem, hint)
				continue
			}
			if seen[k] {
				p.add(lines.line(action, k), "keys."+action, fmt.Sprintf("key %s is listed twice", quote(k)), "")
				continue
			}
			seen[k] = true
			other, taken := owner[k]
			if !taken {
				owner[k] = action
				continue
			}
			otherDefault := slices.Equal(effective(other), defaults[other])
			if isDefault && otherDefault {
				continue
			}
			blame, hint := action, "keep it on one of them"
			if isDefault || lines.line(other, k) > lines.line(action, k) {
				blame = other
			}
			if isDefault || otherDefault {
				byDefault := action
				if otherDefault {
					byDefault = other
				}
				hint = fmt.Sprintf("%q has it by default: rebind %q too, or pick another key", byDefault, byDefault)
			}
			p.add(lines.line(blame, k), "keys."+blame,
				fmt.Sprintf("key %s is bound to both %q and %q", quote(k), other, action), hint)
		}
	}
	_, hasQuit := defaults["quit"]
	if hasQuit && len(effective("quit")) == 0 && len(effective("force_quit")) == 0 {
		p.add(lines.line("quit", ""), "keys.quit", "no key is left to quit herald",
			`keep a key on "quit" or "force_quit"`)
	}
}
