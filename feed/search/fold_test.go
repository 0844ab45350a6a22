package search

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hello World", "hello world"},
		{"Café Zürich", "cafe zurich"},
		{"CAFÉ", "cafe"},
		{"Cafe\u0301", "cafe"}, // decomposed accent
		{"Straße", "strasse"},
		{"ﬁnance", "finance"},
		{"ＡＩ", "ai"},
		{"a\u00a0b", "a b"},
		{"That’s “it” – ok", `that's "it" - ok`},
		{"Старт", "старт"},
		{"ΣΟΦΟΣ σοφός", "σοφοσ σοφοσ"},
		{"İstanbul ıi", "istanbul ii"},
		{"日本語", "日本語"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNeedsFold(t *testing.T) {
	for s, want := range map[string]bool{
		"Plain ASCII Title":    false,
		"That’s “quoted” – ok": false, // the matcher handles these
		"日本語のニュース":             false,
		"Café":                 true,
		"Straße":               true,
		"Старт":                true,
		"старт":                false,
		"a\u00a0b":             true,
		"ﬁnance":               true,
		"":                     false,
	} {
		if got := needsFold(s); got != want {
			t.Errorf("needsFold(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestContainsAgreesWithFoldedContains checks the in-place matcher against
// the plain definition: fold both sides, collapse white space, then
// strings.Contains.
func TestContainsAgreesWithFoldedContains(t *testing.T) {
	alphabet := []string{"a", "A", "b", "B", "e", "é", "É", "s", "ß", "ſ", "ﬁ", "f", "i", " ", "  ", "\n",
		"'", "’", "\"", "“", "-", "–", "—", "x", "X", "z", "д", "Д", "日", "1", ":", ".", "\u00a0"}
	rng := rand.New(rand.NewPCG(1, 2))
	gen := func(n int) string {
		var b strings.Builder
		for range rng.IntN(n) + 1 {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	ref := func(s string) string { return normalizeSpace(Fold(s)) }
	for range 60_000 {
		h := gen(24)
		nd := ref(gen(4))
		if nd == "" {
			continue
		}
		hay := h
		if needsFold(h) {
			hay = string(appendFold(nil, h, false))
		}
		n := newNeedle(nd)
		want := strings.Contains(ref(h), nd)
		a, ok := n.pick(allUpper)
		if got := n.contains(hay, a, ok); got != want {
			t.Fatalf("contains(%q, %q) = %v, want %v (haystack searched: %q)", h, nd, got, want, hay)
		}
	}
}

// TestNeedsFoldMatchesItsDefinition checks the per-character shortcut in
// needsFold against building the fold, over whole Unicode blocks.
func TestNeedsFoldMatchesItsDefinition(t *testing.T) {
	slow := func(s string) bool {
		f := appendFold(nil, s, false)
		if len(f) != len(s) {
			return true
		}
		for i := range len(s) {
			if toLower(s[i]) != f[i] {
				return true
			}
		}
		return false
	}
	for r := rune(0x80); r < 0x3000; r++ {
		if asciiTwin(r) != 0 {
			continue // the matcher's business, whatever NFKD makes of them
		}
		s := "x" + string(r) + "Y"
		if got, want := needsFold(s), slow(s); got != want {
			t.Errorf("needsFold(%q) = %v, want %v", s, got, want)
		}
	}
	for _, r := range []rune{'한', '日', 'ア', 'ｱ', 'Ａ', 'ａ', 0xFB01, 0x1D400, 0x1F600} {
		s := string(r)
		if got, want := needsFold(s), slow(s); got != want {
			t.Errorf("needsFold(%q) = %v, want %v", s, got, want)
		}
	}
}
