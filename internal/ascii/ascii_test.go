package ascii

import (
	"testing"

	xansi "github.com/charmbracelet/x/ansi"
)

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"plain":                  "plain",
		"Café “naïve” — it’s 5…": `Cafe "naive" -- it's 5...`,
		"STAT News · statnews":   "STAT News - statnews",
		"• item → next":          "* item -> next",
		"Straße Ørsted ﬁne":      "Strasse Orsted fine",
		"東京":                     "??",
		"a\u200db\u0301":         "ab",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFoldCellsKeepsWidth(t *testing.T) {
	for _, in := range []string{"Café … 東京 —", "\x1b[1m“bold”\x1b[0m ▌ │ ●", "e\u0301"} {
		got := FoldCells(in)
		if xansi.StringWidth(got) != xansi.StringWidth(in) {
			t.Errorf("FoldCells(%q) = %q: width %d, want %d", in, got, xansi.StringWidth(got), xansi.StringWidth(in))
		}
		for i := 0; i < len(got); i++ {
			if got[i] >= 0x80 {
				t.Errorf("FoldCells(%q) = %q: not ASCII", in, got)
				break
			}
		}
	}
}
