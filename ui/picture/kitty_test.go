package picture

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/ansi/kitty"
)

func TestKittyPlaceholders(t *testing.T) {
	got := KittyPlaceholders(0x010203, 3, 2)
	lines := strings.Split(got, "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2: %q", len(lines), got)
	}
	for r, l := range lines {
		// Each cell is one column wide, so the line renderer lays it out
		// as the terminal will.
		if w := ansi.StringWidth(l); w != 3 {
			t.Errorf("line %d is %d cells wide, want 3: %q", r, w, l)
		}
		if !strings.HasPrefix(l, "\x1b[38;2;1;2;3m") || !strings.HasSuffix(l, "\x1b[39m") {
			t.Errorf("line %d does not name image 0x010203 in its colour: %q", r, l)
		}
		want := string([]rune{kitty.Placeholder, kitty.Diacritic(r), kitty.Diacritic(2)})
		if !strings.Contains(l, want) {
			t.Errorf("line %d lacks its last cell %q: %q", r, want, l)
		}
	}
	if strings.Contains(got, "\x1b_G") {
		t.Error("placeholders hold graphics bytes")
	}
}

func TestKittyTransmit(t *testing.T) {
	seq, err := KittyTransmit(fixture(), 7, 20, 5, Cell{W: 10, H: 20})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(seq, "\x1b_G") || !strings.HasSuffix(seq, "\x1b\\") {
		t.Fatalf("not an APC graphics sequence: %.60q", seq)
	}
	// The PNG travels in the sequences, base64-encoded ("iVBORw0K" is the
	// PNG signature's start).
	if !strings.Contains(seq, ";iVBORw0K") {
		t.Errorf("no image data sent: %.200q", seq)
	}
	for _, opt := range []string{"a=T", "i=7", "f=100", "U=1", "c=20", "r=5", "q=2"} {
		if !strings.Contains(seq[:min(len(seq), 200)], opt) {
			t.Errorf("first chunk lacks %s: %.200q", opt, seq)
		}
	}
}
