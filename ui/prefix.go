package ui

import (
	"strconv"
	"strings"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/config"
)

// maxCount bounds a count prefix: more rows or links than anyone has.
const maxCount = 99999

// keyPrefix is what was typed before the key that acts: a count ("12" of
// "12o") and the first key of a two-key binding ("g" of "gg"). It is shown
// in the status line while it waits.
type keyPrefix struct {
	count int
	seq   string
}

func (p keyPrefix) pending() bool { return p.count > 0 || p.seq != "" }

func (p keyPrefix) String() string {
	if p.count == 0 {
		return p.seq
	}
	return strconv.Itoa(p.count) + p.seq
}

// handleKeys splits a key message that holds several runes (typed
// quickly, pasted, or read together over a slow link: Bubble Tea v1
// delivers them as one message) into one message per rune, so "jjj" moves
// three rows and "gg" goes to the top. Once a rune opens the filter or
// the article search, the rest is its text and arrives whole.
func (m *Model) handleKeys(msg tea.KeyMsg) tea.Cmd {
	if msg.Type != tea.KeyRunes || len(msg.Runes) < 2 || msg.Alt {
		return m.handleKey(msg)
	}
	var cmds []tea.Cmd
	for i, r := range msg.Runes {
		one := msg
		if m.filter.active || m.detail.search.active {
			one.Runes = msg.Runes[i:]
			cmds = append(cmds, m.handleKey(one))
			break
		}
		one.Runes = []rune{r}
		cmds = append(cmds, m.handleKey(one))
	}
	return tea.Batch(cmds...)
}

// takePrefix gives msg to the prefix being typed. ok is false when msg
// only extended it (a digit, the first key of "gg") or cancelled it (back);
// otherwise next is the key to act on (the whole "gg" once complete) and
// count the count typed before it (0: none), and the prefix starts over.
func (m *Model) takePrefix(msg tea.KeyMsg) (next tea.KeyMsg, count int, ok bool) {
	k, p := &m.keys, &m.prefix
	if p.pending() && keyIs(msg, k.Back) {
		*p = keyPrefix{}
		return msg, 0, false
	}
	r, single := singleRune(msg)
	if p.seq == "" && single {
		if d := digitOf(k, msg); d >= 0 && (d > 0 || p.count > 0) {
			p.count = min(p.count*10+d, maxCount)
			return msg, 0, false
		}
	}
	if single {
		seq := p.seq + string(r)
		switch {
		case isSequence(k, seq):
			next = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(seq)}
			count = p.count
			*p = keyPrefix{}
			return next, count, true
		case startsSequence(k, seq):
			p.seq = seq
			return msg, 0, false
		}
	}
	// Not part of a sequence: a pending first key is dropped, as in vim,
	// and this key acts on its own.
	count = p.count
	*p = keyPrefix{}
	return msg, count, true
}

// singleRune is the rune of a plain one-rune key press.
func singleRune(msg tea.KeyMsg) (rune, bool) {
	if msg.Type != tea.KeyRunes || len(msg.Runes) != 1 || msg.Alt || msg.Paste {
		return 0, false
	}
	return msg.Runes[0], true
}

// digitOf is the digit msg stands for: its position among the count
// binding's keys ("0" to "9" by default); -1 when it is none of them.
func digitOf(k *config.KeyMap, msg tea.KeyMsg) int {
	if !k.Count.Enabled() {
		return -1
	}
	for i, name := range k.Count.Keys() {
		if i < 10 && name == msg.String() {
			return i
		}
	}
	return -1
}

// isSequence reports whether seq (two runes or more) is a key of an
// enabled binding.
func isSequence(k *config.KeyMap, seq string) bool {
	return len([]rune(seq)) > 1 && anyKey(k, func(name string) bool { return name == seq && isRunes(name) })
}

// startsSequence reports whether seq begins a longer key of an enabled
// binding.
func startsSequence(k *config.KeyMap, seq string) bool {
	return anyKey(k, func(name string) bool {
		return len(name) > len(seq) && strings.HasPrefix(name, seq) && isRunes(name)
	})
}

func anyKey(k *config.KeyMap, match func(string) bool) bool {
	for _, a := range k.Actions() {
		if !a.Binding.Enabled() {
			continue
		}
		for _, name := range a.Binding.Keys() {
			if match(name) {
				return true
			}
		}
	}
	return false
}

// isRunes reports whether a binding's key name is a sequence of two typed
// characters ("gg"), as config accepts, rather than a named key ("up",
// "f1").
func isRunes(name string) bool {
	return utf8.RuneCountInString(name) == 2 && !isNamedKey(name)
}

// isNamedKey reports whether name is a key Bubble Tea names ("up",
// "pgdown", "f1", "ctrl+a"), not characters typed.
func isNamedKey(name string) bool {
	for t := tea.KeyType(-128); t < 128; t++ {
		if t != tea.KeyRunes && t.String() == name {
			return true
		}
	}
	return false
}

// textKey reports whether a binding's key name types text in the filter
// (a character or space) rather than moving or acting there.
func textKey(name string) bool {
	return name == " " || len([]rune(name)) == 1
}
