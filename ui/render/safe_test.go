package render

import (
	"strings"
	"testing"

	"github.com/herald-reader/herald/ui/render/rendertest"
)

func TestSafe(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "hello\nworld", "hello\nworld"},
		{"sgr kept", "\x1b[1;38;5;252mbold\x1b[0m \x1b[m\x1b[38:2::1:2:3m", "\x1b[1;38;5;252mbold\x1b[0m \x1b[m\x1b[38:2::1:2:3m"},
		{"osc 52 bel", "a\x1b]52;c;aGVsbG8=\x07b", "ab"},
		{"osc 52 st", "a\x1b]52;c;aGVsbG8=\x1b\\b", "ab"},
		{"osc title", "\x1b]0;pwned\x07title", "title"},
		{"osc 8 hyperlink", "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\", "click"},
		{"osc unterminated stops at line end", "a\x1b]52;c;aGk=\nnext", "a\nnext"},
		{"osc ended by next escape", "\x1b]0;t\x1b[1mx", "\x1b[1mx"},
		{"clear screen", "a\x1b[2Jb\x1b[Hc", "abc"},
		{"cursor query", "\x1b[6n\x1b[c\x1b[>0c", ""},
		{"private mode", "\x1b[?1049h\x1b[?25l", ""},
		{"sgr with intermediate", "\x1b[1 m", ""},
		{"csi with private marker and m", "\x1b[>4;2m", ""},
		{"malformed csi", "\x1b[12\x07x", "12x"},
		{"dcs", "\x1bP+q544e\x1b\\ok", "ok"},
		{"apc", "\x1b_Gf=100;AAAA\x1b\\ok", "ok"},
		{"two byte escapes", "\x1b7\x1bc\x1bD\x1b(0ok", "ok"},
		{"lone esc", "a\x1b", "a"},
		{"esc before control", "a\x1b\x07b", "ab"},
		{"c1 csi rune", "a\u009b2Jb", "a2Jb"},
		{"c1 osc rune", "a\u009d52;c;aGk=\u009cb", "ab"},
		{"c1 osc bel", "a\u009d0;t\x07b", "ab"},
		{"c0", "a\x07\x08\x0d\x00\x7fb", "ab"},
		{"tab", "a\tb", "a    b"},
		{"bidi", "a\u202egnp.exe\u202c\u2066\u200fb", "agnp.exeb"},
		{"separators", "a\u2028b\u2029c", "a b c"},
		{"invalid utf8", "a\xff\xc2b", "ab"},
		{"unicode kept", "日本語 café 👩‍💻", "日本語 café 👩‍💻"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Safe(tt.in)
			if got != tt.want {
				t.Errorf("Safe(%q) = %q, want %q", tt.in, got, tt.want)
			}
			rendertest.AssertOnlySGR(t, "Safe", got)
		})
	}
}

// TestViolationCatches checks the assertion helper itself: each input must
// be reported, or the hostile-text tests prove nothing.
func TestViolationCatches(t *testing.T) {
	for _, s := range []string{
		"\x1b]52;c;aGk=\x07", "\x1b[2J", "\x1b[6n", "x\u009b2J", "\u202e", "\x1b", "\r", "\x07", "\xff",
	} {
		if rendertest.Violation(s) == "" {
			t.Errorf("Violation(%q) = \"\", want a report", s)
		}
	}
	if v := rendertest.Violation("\x1b[1;31mok\x1b[0m\n"); v != "" {
		t.Errorf("Violation(SGR) = %q, want none", v)
	}
}

func FuzzSafe(f *testing.F) {
	for _, s := range []string{"\x1b]52;c;x\x07", "\x1b[31mx", "\u009b6n", "\x1b[", "\xc2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Safe(s)
		rendertest.AssertOnlySGR(t, "Safe", out)
		if again := Safe(out); again != out {
			t.Errorf("Safe is not idempotent: %q -> %q", out, again)
		}
		if len(out) > 4*len(s) {
			t.Errorf("Safe grew %d bytes to %d", len(s), len(out))
		}
	})
}

func BenchmarkSafe(b *testing.B) {
	s := strings.Repeat("\x1b[38;5;252mSome rendered text, \x1b[0m\x1b[1mbold\x1b[0m 日本語\n", 500)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Safe(s)
	}
}
