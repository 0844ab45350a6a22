package render

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFlatten(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text\n", "plain text\n"},
		{"> > quote\n", "> > quote\n"},
		{"- item\n", "- item\n"},
		{"      - six spaces, depth 4\n", "      - six spaces, depth 4\n"},
		{strings.Repeat(">", 8) + " eight\n", strings.Repeat(">", 8) + " eight\n"},
		{strings.Repeat(">", 9) + " nine\n", strings.Repeat(">", 8) + "nine\n"},
		{strings.Repeat("> ", 12) + "twelve\n", strings.Repeat("> ", 8) + "twelve\n"},
		{strings.Repeat("- ", 12) + "x\n", strings.Repeat("- ", 8) + "x\n"},
		{strings.Repeat("1. ", 10) + "x\n", strings.Repeat("1. ", 8) + "x\n"},
		{strings.Repeat(" ", 40) + "- deep\n", strings.Repeat(" ", 14) + "- deep\n"},
		{strings.Repeat("\t", 5) + "x\n", strings.Repeat(" ", 16) + "x\n"},
		{"> " + strings.Repeat(" ", 20) + "> > x\n", ">" + strings.Repeat(" ", 13) + "> x\n"},
		{"-not a marker\n", "-not a marker\n"},
		{"---\n", "---\n"},
		{"12345678901. not a list (too many digits)\n", "12345678901. not a list (too many digits)\n"},
	}
	for _, tt := range tests {
		if got := flatten(tt.in, 8); got != tt.want {
			t.Errorf("flatten(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestBreakWords(t *testing.T) {
	if got := breakWords("short words stay", 5); got != "short words stay" {
		t.Errorf("breakWords changed short words: %q", got)
	}
	got := breakWords(strings.Repeat("ab", 10)+" "+strings.Repeat("é", 7), 6)
	if want := "ababab ababab ababab ab ééé ééé é"; got != want {
		t.Errorf("breakWords = %q, want %q", got, want)
	}
	if !utf8.ValidString(got) {
		t.Error("breakWords split a rune")
	}
}

func TestCut(t *testing.T) {
	if got := cut("line one\nline two\nline three", 20); got != "line one\nline two" {
		t.Errorf("cut at a line boundary = %q", got)
	}
	if got := cut(strings.Repeat("é", 10), 5); got != "éé" {
		t.Errorf("cut in a rune = %q, want %q", got, "éé")
	}
}

func TestApply(t *testing.T) {
	l := Limits{MaxBytes: 100, MaxDepth: 2, MaxWord: 12}
	out := l.apply("a\r\n>>>> deep\n" + strings.Repeat("x", 25) + "\n" + strings.Repeat("y ", 100))
	if strings.Contains(out, "\r") {
		t.Error("CR kept")
	}
	if !strings.Contains(out, "\n>>deep\n") {
		t.Errorf("nesting not flattened: %q", out)
	}
	if !strings.Contains(out, "xxxxxxxxxxxx xxxxxxxxxxxx x\n") {
		t.Errorf("long word not broken: %q", out)
	}
	if !strings.HasSuffix(out, truncatedNote) || strings.Count(out, "y") > 40 {
		t.Errorf("not truncated to MaxBytes: %q", out)
	}
	if got := (Limits{}).apply("x\ny"); got != "x\ny" {
		t.Errorf("zero Limits changed the text: %q", got)
	}
}

func BenchmarkApply(b *testing.B) {
	md, _ := Document(seedArticle(), now)
	md = strings.Repeat(md, 4)
	b.SetBytes(int64(len(md)))
	for b.Loop() {
		DefaultLimits().apply(md)
	}
}

func TestPlain(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  string
	}{
		{`\# Title \*x\* AT&amp;T &#126;`, 40, "# Title *x* AT&T ~"},
		{"one two three four", 9, "one two\nthree\nfour"},
		{"  indented words here", 10, "indented\n  words\n  here"},
		{"abcdefghijkl", 5, "abcde\nfghij\nkl"},
		{"日本語のテキスト", 6, "日本語\nのテキ\nスト"},
		{"a\x1b[31mred\x1b[0m \x1b]52;c;aGk=\x07b", 20, "ared b"},
	}
	for _, tt := range tests {
		if got := plain(tt.in, tt.width); got != tt.want {
			t.Errorf("plain(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
		}
	}
}
