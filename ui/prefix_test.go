package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/herald-reader/herald/feed"
)

// runes is the one key message Bubble Tea v1 sends for runes read
// together (typed quickly, or arriving in one packet over ssh).
func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

// withLinks gives a the article URL as link 1 and n-1 body links after it.
func withLinks(a *feed.Article, n int) *feed.Article {
	var b strings.Builder
	for i := 2; i <= n; i++ {
		fmt.Fprintf(&b, "See [source %d](https://src%d.example/page).\n\n", i, i)
	}
	a.Detail.Body = b.String()
	return a
}

func TestMultiRuneKeyMessageActsRuneByRune(t *testing.T) {
	hs := newHarness(t, 120, 40, articles(10))
	hs.send(runes("jjj"))
	if got := hs.selected(); got != "Story number 3" {
		t.Fatalf("jjj in one message selected %q, want story 3", got)
	}
	hs.send(runes("jk"))
	if got := hs.selected(); got != "Story number 3" {
		t.Fatalf("jk selected %q", got)
	}
	// Once a rune opens the filter, the rest is its text, whole.
	hs.send(runes("/number 7"))
	if !hs.m.filter.active || hs.m.filter.input.Value() != "number 7" {
		t.Fatalf("filter active %v, text %q", hs.m.filter.active, hs.m.filter.input.Value())
	}
}

func TestGGGoesToTop(t *testing.T) {
	hs := newHarness(t, 120, 40, articles(10))
	hs.send(runes("jjjj"))
	hs.send(runes("g"))
	if got := hs.selected(); got != "Story number 4" {
		t.Fatalf("g alone moved to %q", got)
	}
	if v := hs.view(); !strings.Contains(lastLines(v, 2), "g") {
		t.Errorf("pending g not shown in the status line:\n%s", lastLines(v, 2))
	}
	hs.send(runes("g"))
	if got := hs.selected(); got != "Story number 0" {
		t.Fatalf("g g selected %q", got)
	}
	hs.send(runes("jjgg")) // together in one message too
	if got := hs.selected(); got != "Story number 0" {
		t.Fatalf("jjgg selected %q", got)
	}
	// A first key not followed by its second is dropped; the next acts.
	hs.send(runes("gj"))
	if got := hs.selected(); got != "Story number 1" {
		t.Fatalf("g j selected %q", got)
	}
}

func TestCountMovesAndShows(t *testing.T) {
	hs := newHarness(t, 120, 40, articles(20))
	hs.send(runes("1"))
	hs.send(runes("2"))
	if got := lastLines(hs.view(), 2); !strings.Contains(got, "12: o opens link 12") {
		t.Fatalf("count not shown in the status line:\n%s", got)
	}
	hs.send(runes("j"))
	if got := hs.selected(); got != "Story number 12" {
		t.Fatalf("12j selected %q", got)
	}
	if got := lastLines(hs.view(), 2); strings.Contains(got, "opens link") {
		t.Fatalf("count still shown after it was used:\n%s", got)
	}
	hs.send(runes("5k"))
	if got := hs.selected(); got != "Story number 7" {
		t.Fatalf("5k selected %q", got)
	}
	hs.send(runes("3G"))
	if got := hs.selected(); got != "Story number 2" {
		t.Fatalf("3G selected %q", got)
	}
	hs.send(runes("99j")) // clamps at the last row
	if got := hs.selected(); got != "Story number 19" {
		t.Fatalf("99j selected %q", got)
	}
}

func TestEscCancelsCount(t *testing.T) {
	hs := newHarness(t, 120, 40, articles(10))
	hs.send(runes("5"))
	hs.press(hs.keys.Back)
	if hs.m.prefix.pending() {
		t.Fatalf("count %v still pending after esc", hs.m.prefix)
	}
	hs.send(runes("j"))
	if got := hs.selected(); got != "Story number 1" {
		t.Fatalf("j after a cancelled count selected %q", got)
	}
}

func TestCountOpensLinkN(t *testing.T) {
	arts := articles(3)
	withLinks(arts[0], 15)
	hs := newHarness(t, 120, 40, arts)
	if n := len(hs.m.detail.links); n != 15 {
		t.Fatalf("article has %d links, want 15", n)
	}
	// Digits alone open nothing: no tab per digit.
	hs.send(runes("1"))
	hs.send(runes("2"))
	if got := hs.opener.urls(); len(got) != 0 {
		t.Fatalf("digits opened %v", got)
	}
	hs.press(hs.keys.OpenBrowser)
	if got := hs.opener.urls(); len(got) != 1 || got[0] != "https://src12.example/page" {
		t.Fatalf("12o opened %v, want link 12 once", got)
	}
	// The same in the link picker, with enter.
	hs.press(hs.keys.LinkPicker)
	hs.send(runes("14"))
	hs.press(hs.keys.Open)
	if got := hs.opener.urls(); len(got) != 2 || got[1] != "https://src14.example/page" {
		t.Fatalf("14 enter in the picker opened %v", got)
	}
	hs.send(runes("16o"))
	if got := hs.opener.urls(); len(got) != 2 {
		t.Fatalf("16o opened %v", got)
	}
	if got := lastLines(hs.view(), 2); !strings.Contains(got, "No link 16") {
		t.Errorf("no word about link 16:\n%s", got)
	}
}

func TestFilterArrowsMoveButLettersType(t *testing.T) {
	hs := newHarness(t, 120, 40, articles(10))
	hs.press(hs.keys.Filter)
	hs.send(runes("j"))
	hs.send(keyMsg("down"))
	if hs.m.filter.input.Value() != "j" {
		t.Fatalf("filter text %q", hs.m.filter.input.Value())
	}
	if got := lastLines(hs.view(), 1); !strings.Contains(got, "down/up move") && !strings.Contains(got, "up/down move") {
		t.Errorf("filter help does not name the arrow keys: %q", got)
	}
}

func lastLines(v string, n int) string {
	lines := strings.Split(v, "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
