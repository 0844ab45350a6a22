package picture

import (
	"strings"
	"testing"
)

func TestGraphic(t *testing.T) {
	seq, err := Graphic(ITerm2, fixture(), 40, 20, Cell{W: 10, H: 20})
	if err != nil {
		t.Fatal(err)
	}
	// 64x32 on 1:2 cells fills 40 columns in 10 rows.
	for _, want := range []string{"\x1b]1337;File=", "inline=1", "width=40", "height=10", ":iVBORw0K"} {
		if !strings.Contains(seq, want) {
			t.Errorf("iTerm2 sequence lacks %q: %.120q", want, seq)
		}
	}
	seq, err = Graphic(Sixel, fixture(), 40, 20, Cell{W: 10, H: 20})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(seq, "\x1bP0;1") || !strings.Contains(seq, "q") || !strings.HasSuffix(seq, "\x1b\\") {
		t.Errorf("not a sixel sequence: %.60q ... %q", seq, seq[max(0, len(seq)-10):])
	}
	if _, err := Graphic("braille", fixture(), 40, 20, Cell{}); err == nil {
		t.Error("an unknown protocol drew something")
	}
}
