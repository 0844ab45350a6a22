package config

import (
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/key"
)

// KeyMap holds every key binding of the reader. The UI matches keys only
// through these bindings (key.Matches), and the help screens are generated
// from them, so rebinding an action in the config file changes both.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Open, Back, Focus, Filter               key.Binding
	OpenBrowser, LinkPicker                 key.Binding
	HistoryBack, Skipped, Help              key.Binding
	Quit, ForceQuit                         key.Binding

	// Searching the open article: Find opens the prompt (the detail
	// pane's use of the filter's key by default), NextMatch and PrevMatch
	// jump between its matches.
	Find, NextMatch, PrevMatch key.Binding

	// Count is the digits of a count prefix, the i-th key standing for
	// the digit i: "12j" moves 12 rows, "12o" opens link 12.
	Count key.Binding
	// Confirm answers yes to a question (mark all read?); any other key
	// says no.
	Confirm key.Binding

	// Reading state, sort and facets.
	ToggleRead, ToggleStar, MarkAllRead, UnreadOnly, StarredOnly key.Binding
	NextUnread, PrevUnread, Undo                                 key.Binding
	Sort, Topics, Providers, Folders                             key.Binding
	// SavedSearches lists the config's saved searches; ShowMuted shows
	// the articles the mute rules hide, or hides them again.
	SavedSearches, ShowMuted key.Binding

	// Clipboard, story clusters and timeline.
	Copy, Expand, Timeline key.Binding
	// Handing the article to other programs.
	Pipe, Edit key.Binding

	// Reader mode: fetch the article's web page and show its text.
	Reader key.Binding
	// Image shows the article's lead image full screen (images: iterm2
	// or sixel).
	Image key.Binding
}

// Action names one rebindable action: Name is the key used in the config
// file's keys map (snake_case), Binding points into the KeyMap.
type Action struct {
	Name    string
	Binding *key.Binding
}

func binding(desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey(keys), desc))
}

// DefaultKeyMap returns the default bindings.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:       binding("up", "k", "up"),
		Down:     binding("down", "j", "down"),
		PageUp:   binding("page up", "pgup", "ctrl+b"),
		PageDown: binding("page down", "pgdown", "ctrl+f", " "),
		// Two keys: a "g" alone would jump to the top on a slip of the
		// finger; "gg" is what vim and less users type.
		Top:    binding("top", "gg", "home"),
		Bottom: binding("bottom", "G", "end"),

		Open:   binding("open", "enter"),
		Back:   binding("back", "esc"),
		Focus:  binding("switch pane", "tab"),
		Filter: binding("filter", "/"),
		// In the article, "/" searches its text and n/N step through the
		// matches, as in less and vim.
		Find:      binding("search the article", "/"),
		NextMatch: binding("next match", "n"),
		PrevMatch: binding("previous match", "N"),

		OpenBrowser: binding("open in browser", "o"),
		LinkPicker:  binding("links", "l"),
		HistoryBack: binding("jump back", "b", "backspace"),
		Skipped:     binding("skipped files", "!"),
		Help:        binding("help", "?"),
		Quit:        binding("quit", "q"),
		ForceQuit:   binding("quit now", "ctrl+c"),
		Count:       binding("count (3j, 12o)", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		Confirm:     binding("yes to a question", "y", "Y"),

		ToggleRead:  binding("toggle read", "m"),
		ToggleStar:  binding("toggle star", "s"),
		MarkAllRead: binding("mark all read", "M"),
		UnreadOnly:  binding("unread only", "u"),
		StarredOnly: binding("starred only", "*"),
		NextUnread:  binding("next unread", "]"),
		PrevUnread:  binding("previous unread", "["),
		Undo:        binding("undo a mark", "U"),
		Sort:        binding("cycle sort", "S"),
		Topics:      binding("topics", "t"),
		Providers:   binding("providers", "p"),
		Folders:     binding("folders", "f"),
		// v for the saved views; z as vim folds text away and back.
		SavedSearches: binding("saved searches", "v"),
		ShowMuted:     binding("show muted", "z"),

		Copy:     binding("copy link", "y"),
		Expand:   binding("expand story", "e"),
		Timeline: binding("timeline", "T"),
		Pipe:     binding("pipe to command", "|"),
		Edit:     binding("edit the file", "E"),

		Reader: binding("reader mode", "R"),
		Image:  binding("image full screen", "i"),
	}
}

// Actions lists every binding with its config name, in help order.
func (k *KeyMap) Actions() []Action {
	return []Action{
		{"up", &k.Up}, {"down", &k.Down},
		{"page_up", &k.PageUp}, {"page_down", &k.PageDown},
		{"top", &k.Top}, {"bottom", &k.Bottom},
		{"open", &k.Open}, {"back", &k.Back}, {"focus", &k.Focus}, {"filter", &k.Filter},
		{"find", &k.Find}, {"next_match", &k.NextMatch}, {"prev_match", &k.PrevMatch},
		{"open_browser", &k.OpenBrowser}, {"link_picker", &k.LinkPicker}, {"count", &k.Count},
		{"history_back", &k.HistoryBack}, {"skipped", &k.Skipped}, {"help", &k.Help},
		{"quit", &k.Quit}, {"force_quit", &k.ForceQuit}, {"confirm", &k.Confirm},
		{"toggle_read", &k.ToggleRead}, {"toggle_star", &k.ToggleStar},
		{"mark_all_read", &k.MarkAllRead}, {"unread_only", &k.UnreadOnly},
		{"starred_only", &k.StarredOnly}, {"next_unread", &k.NextUnread},
		{"prev_unread", &k.PrevUnread}, {"undo", &k.Undo}, {"sort", &k.Sort},
		{"topics", &k.Topics}, {"providers", &k.Providers}, {"folders", &k.Folders},
		{"saved_searches", &k.SavedSearches}, {"show_muted", &k.ShowMuted},
		{"copy", &k.Copy}, {"expand", &k.Expand}, {"timeline", &k.Timeline},
		{"reader", &k.Reader}, {"pipe", &k.Pipe}, {"edit", &k.Edit}, {"image", &k.Image},
	}
}

// Bind replaces the keys of the named actions (the config file's keys
// map) and regenerates their help labels. An unknown action name or an
// empty key list is an error naming it; nothing is changed then.
func (k *KeyMap) Bind(overrides map[string][]string) error {
	byName := map[string]*key.Binding{}
	for _, a := range k.Actions() {
		byName[a.Name] = a.Binding
	}
	names := make([]string, 0, len(overrides))
	for name := range overrides {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if _, ok := byName[name]; !ok {
			return fmt.Errorf("keys: unknown action %q", name)
		}
		if len(overrides[name]) == 0 {
			return fmt.Errorf("keys: action %q has no keys", name)
		}
		for _, s := range overrides[name] {
			if strings.TrimSpace(s) == "" && s != " " {
				return fmt.Errorf("keys: action %q has an empty key", name)
			}
		}
	}
	for _, name := range names {
		b := byName[name]
		keys := overrides[name]
		enabled := b.Enabled()
		b.SetKeys(keys...)
		b.SetHelp(helpKey(keys), b.Help().Desc)
		b.SetEnabled(enabled)
	}
	return nil
}

// helpKey is the label help shows for a binding: its first two keys, or a
// range for a run of digits.
func helpKey(keys []string) string {
	if len(keys) > 2 && isDigitRun(keys) {
		return keys[0] + "-" + keys[len(keys)-1]
	}
	shown := make([]string, 0, 2)
	for _, k := range keys {
		if k == " " {
			k = "space"
		}
		shown = append(shown, k)
		if len(shown) == 2 {
			break
		}
	}
	return strings.Join(shown, "/")
}

func isDigitRun(keys []string) bool {
	for i, k := range keys {
		if len(k) != 1 || k[0] < '0' || k[0] > '9' {
			return false
		}
		if i > 0 && k[0] != keys[i-1][0]+1 {
			return false
		}
	}
	return true
}

// ShortHelp implements help.KeyMap: the one-line footer of the list, in
// order of priority. The reader builds its footer per context and fits it
// to the width (ui/status.go); this is the list's, for help.KeyMap users.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{
		Pair(k.Down, k.Up, "move"), k.Open, k.Filter, k.OpenBrowser, k.Expand,
		k.Copy, k.Timeline, k.Help, k.Quit,
	}
}

// Pair is a help-only binding standing for a and b together ("j/k move"),
// matching the keys of both; when either is disabled or unbound it is a
// alone.
func Pair(a, b key.Binding, desc string) key.Binding {
	if !a.Enabled() || !b.Enabled() || len(a.Keys()) == 0 || len(b.Keys()) == 0 {
		return a
	}
	keys := append(append([]string(nil), a.Keys()...), b.Keys()...)
	return key.NewBinding(key.WithKeys(keys...),
		key.WithHelp(helpKey(a.Keys()[:1])+"/"+helpKey(b.Keys()[:1]), desc))
}

// FullHelp implements help.KeyMap: the `?` screen, one column per group.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Open, k.Back, k.Focus, k.Filter, k.Find, k.NextMatch, k.PrevMatch,
			k.Skipped, k.Help, k.Quit, k.ForceQuit, k.Confirm},
		{k.OpenBrowser, k.LinkPicker, k.Count, k.HistoryBack, k.Copy, k.Reader, k.Pipe, k.Edit},
		{k.ToggleRead, k.ToggleStar, k.MarkAllRead, k.UnreadOnly, k.StarredOnly,
			k.NextUnread, k.PrevUnread, k.Undo,
			k.Sort, k.Topics, k.Providers, k.Folders, k.SavedSearches, k.ShowMuted, k.Expand, k.Timeline},
	}
}
