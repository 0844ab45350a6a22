package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
)

// footer is the last line of the screen (the short help), trailing
// padding removed.
func footer(hs *harness) string {
	lines := strings.Split(hs.view(), "\n")
	return strings.TrimRight(lines[len(lines)-1], " ")
}

// TestShortHelpFitsByPriority: the footer keeps "? help" and "q quit" and
// adds the other keys by priority while they fit, on one line, never cut
// with an ellipsis; expand is offered only when stories are clustered.
func TestShortHelpFitsByPriority(t *testing.T) {
	for _, tc := range []struct {
		w       int
		cluster bool
		want    string
	}{
		{40, false, "j/k move · enter open · ? help · q quit"},
		{80, false, "j/k move · enter open · / filter · o open in browser · ? help · q quit"},
		{120, false, "j/k move · enter open · / filter · o open in browser · y copy link · T timeline · ? help · q quit"},
		{120, true, "j/k move · enter open · / filter · o open in browser · e expand story · y copy link · T timeline · ? help · q quit"},
	} {
		var opts []option
		if tc.cluster {
			opts = append(opts, withClustering)
		}
		hs := newHarness(t, tc.w, 24, articles(3), opts...)
		checkScreen(t, hs.view(), tc.w, 24)
		if got := footer(hs); got != tc.want {
			t.Errorf("%d columns, clustering %v:\n got %q\nwant %q", tc.w, tc.cluster, got, tc.want)
		}
	}
}

// TestShortHelpNeverCut: at every width, in every context, the footer is
// one line of whole entries, with help and quit whenever they fit.
func TestShortHelpNeverCut(t *testing.T) {
	contexts := []struct {
		name  string
		setup func(hs *harness)
	}{
		{"list", func(*harness) {}},
		{"detail", func(hs *harness) { hs.press(hs.keys.Open) }},
		{"help", func(hs *harness) { hs.press(hs.keys.Help) }},
	}
	for _, c := range contexts {
		for w := 30; w <= 200; w += 7 {
			t.Run(fmt.Sprintf("%s-%d", c.name, w), func(t *testing.T) {
				hs := newHarness(t, w, 24, articles(3), withClustering)
				c.setup(hs)
				checkScreen(t, hs.view(), w, 24)
				f := footer(hs)
				if strings.Contains(f, "…") {
					t.Errorf("cut: %q", f)
				}
				if !strings.HasSuffix(f, " · q quit") {
					t.Errorf("no quit at the end: %q", f)
				}
			})
		}
	}
}

// TestFitHelpSkipsWhatDoesNotFit: a long entry that does not fit gives
// way to a later one that does; a disabled (unbound) key is left out.
func TestFitHelpSkipsWhatDoesNotFit(t *testing.T) {
	b := func(k, desc string) key.Binding { return key.NewBinding(key.WithKeys(k), key.WithHelp(k, desc)) }
	off := b("x", "off")
	off.SetEnabled(false)
	got := fitHelp([]key.Binding{b("a", "first"), off, b("b", "a very long description"), b("c", "third")},
		[]key.Binding{b("?", "help")}, 26, 3) // 6 + 3+7 + 3+7 cells
	var names []string
	for _, g := range got {
		names = append(names, g.Help().Key)
	}
	if s := strings.Join(names, ","); s != "a,c,?" {
		t.Errorf("fitted %s, want a,c,? (b too long, x disabled, pinned last)", s)
	}
}
