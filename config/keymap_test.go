package config

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

func TestActionsNamesUniqueAndComplete(t *testing.T) {
	k := DefaultKeyMap()
	seen := map[string]bool{}
	for _, a := range k.Actions() {
		if seen[a.Name] {
			t.Errorf("duplicate action %q", a.Name)
		}
		seen[a.Name] = true
		if len(a.Binding.Keys()) == 0 {
			t.Errorf("action %q has no keys", a.Name)
		}
		if strings.ToLower(a.Name) != a.Name || strings.Contains(a.Name, " ") {
			t.Errorf("action %q is not snake_case", a.Name)
		}
	}
	if len(seen) != 43 {
		t.Errorf("got %d actions, want 43", len(seen))
	}
}

func TestDefaultKeysMatch(t *testing.T) {
	k := DefaultKeyMap()
	cases := []struct {
		msg  tea.KeyMsg
		want key.Binding
	}{
		{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j")}, k.Down},
		{tea.KeyMsg{Type: tea.KeyDown}, k.Down},
		{tea.KeyMsg{Type: tea.KeySpace, Runes: []rune(" ")}, k.PageDown},
		{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("7")}, k.Count},
		{tea.KeyMsg{Type: tea.KeyCtrlC}, k.ForceQuit},
		{tea.KeyMsg{Type: tea.KeyBackspace}, k.HistoryBack},
	}
	for _, c := range cases {
		if !key.Matches(c.msg, c.want) {
			t.Errorf("%q does not match %v", c.msg.String(), c.want.Keys())
		}
	}
	// A disabled binding is inert.
	k.ToggleRead.SetEnabled(false)
	if key.Matches(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("m")}, k.ToggleRead) {
		t.Error("toggle_read matches while disabled")
	}
}

func TestBind(t *testing.T) {
	k := DefaultKeyMap()
	k.ToggleRead.SetEnabled(false)
	if err := k.Bind(map[string][]string{"down": {"n", "ctrl+n"}, "toggle_read": {"r"}}); err != nil {
		t.Fatal(err)
	}
	if got := k.Down.Help().Key; got != "n/ctrl+n" {
		t.Errorf("help key = %q", got)
	}
	if key.Matches(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j")}, k.Down) {
		t.Error("old key still bound")
	}
	if k.ToggleRead.Enabled() {
		t.Error("rebinding enabled a disabled action")
	}
	if err := k.Bind(map[string][]string{"dwon": {"x"}}); err == nil || !strings.Contains(err.Error(), `"dwon"`) {
		t.Errorf("unknown action: err = %v", err)
	}
	if err := k.Bind(map[string][]string{"up": {}}); err == nil {
		t.Error("empty key list accepted")
	}
}

func TestHelpOnlyShowsEnabled(t *testing.T) {
	k := DefaultKeyMap()
	if got := k.Count.Help().Key; got != "0-9" {
		t.Errorf("count help key = %q", got)
	}
	for _, col := range k.FullHelp() {
		for _, b := range col {
			if len(b.Keys()) == 0 {
				t.Errorf("binding without keys in help: %+v", b.Help())
			}
		}
	}
}

func TestShortHelpPairsUpDown(t *testing.T) {
	k := DefaultKeyMap()
	first := k.ShortHelp()[0]
	if got := first.Help(); got.Key != "j/k" || got.Desc != "move" {
		t.Errorf("first short help = %+v", got)
	}
	k.Up.SetEnabled(false)
	if got := k.ShortHelp()[0].Help().Key; got != "j/down" {
		t.Errorf("with up disabled = %q", got)
	}
}
