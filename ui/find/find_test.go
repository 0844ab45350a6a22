package find

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
)

const (
	bold  = "\x1b[1m"
	reset = "\x1b[0m"
	on    = "\x1b[7m"
)

func TestPlainDropsEscapes(t *testing.T) {
	for in, want := range map[string]string{
		"plain text":                      "plain text",
		bold + "Hello" + reset + " world": "Hello world",
		"\x1b]8;;https://a.example/m\x1b\\[3]\x1b]8;;\x1b\\": "[3]",
		"bell-ended \x1b]8;;https://m.example\a[1]":          "bell-ended [1]",
		"unfinished \x1b[38;5":                               "unfinished ",
	} {
		if got := Plain(in); got != want {
			t.Errorf("Plain(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAllFindsWhatTheReaderSees(t *testing.T) {
	lines := []string{
		"IMAGE needle", // before first: never searched
		bold + "Needle" + reset + " in a " + bold + "NEEDLE" + reset + "stack",
		"no match here",
		"a needle\x1b[0m, and   a small  language model",
	}
	text := NewText(lines, 1)
	got := text.All(Compile("needle"))
	want := []Match{{1, 0, 6}, {1, 12, 18}, {3, 2, 8}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("needle: %v, want %v", got, want)
	}
	if got := text.All(Compile(" small language ")); len(got) != 1 || got[0].Line != 3 {
		t.Errorf("a phrase with other spacing: %v", got)
	}
	if got := text.All(Compile("a.e")); got != nil {
		t.Errorf("a query is literal, got %v", got)
	}
	if Compile("  ") != nil || text.All(nil) != nil {
		t.Error("a blank query matches")
	}
	if got := text.All(Compile("NÉEDLE")); got != nil {
		t.Errorf("an accent is not ignored: %v", got)
	}
	if got := NewText([]string{"Café CAFÉ café"}, 0).All(Compile("café")); len(got) != 3 {
		t.Errorf("a non-ASCII query ignores case: %v", got)
	}
}

// TestWordsMatchLikeTheRegexp: an ASCII query is searched without a
// regexp; it finds what the regexp finds.
func TestWordsMatchLikeTheRegexp(t *testing.T) {
	lines := []string{
		"Small language models, small  LANGUAGE\tmodels and smalllanguage",
		"aaa aaaa a a a  ab  a-b A.B small",
		"language  small language",
		"Ünïcödé text, then small language at the end: small language",
		"",
	}
	for _, q := range []string{"small", "small language", "SMALL LANGUAGE MODELS", "a", "aa", "a a",
		"a.b", "-", "language small", "end: small", "ab a"} {
		fast := Compile(q)
		if fast.re != nil {
			t.Fatalf("%q took the regexp", q)
		}
		quoted := strings.Fields(q)
		for i, w := range quoted {
			quoted[i] = regexp.QuoteMeta(w)
		}
		slow := &Query{re: regexp.MustCompile(`(?i)` + strings.Join(quoted, `\s+`))}
		text := NewText(lines, 0)
		if got, want := text.All(fast), text.All(slow); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %v, the regexp finds %v", q, got, want)
		}
	}
}

func TestMarkKeepsTheLinesStyles(t *testing.T) {
	line := bold + "Hello" + reset + " wide " + "\x1b[3m" + "world" + reset
	got := Mark(line, []Span{{From: 0, To: 2, On: on}, {From: 11, To: 14, On: on}})
	if Plain(got) != Plain(line) {
		t.Fatalf("marking changed the text: %q", Plain(got))
	}
	// Inside bold: the mark, then back to bold after it.
	if !strings.HasPrefix(got, bold+on+"He"+reset+bold+"llo") {
		t.Errorf("first mark: %q", got)
	}
	// After the line's own SGR, the mark ends restoring italics.
	if !strings.Contains(got, "\x1b[3m"+on+"wor"+reset+"\x1b[3m"+"ld") {
		t.Errorf("second mark: %q", got)
	}
	if Mark(line, []Span{{From: 0, To: 2}}) != line {
		t.Error("a span without SGR changed the line")
	}
}

// TestMarkAcrossStyledWords: glamour styles each word on its own, with a
// reset between them; a match over two words stays marked past the reset.
func TestMarkAcrossStyledWords(t *testing.T) {
	line := bold + "small" + reset + bold + " " + reset + bold + "model" + reset
	got := Mark(line, []Span{{From: 0, To: 11, On: on}})
	if strings.Count(got, on) != 5 || !strings.HasSuffix(got, "model"+reset+bold+reset) {
		t.Errorf("the mark is lost after a reset: %q", got)
	}
}

func TestMarkSkipsHyperlinks(t *testing.T) {
	link := "\x1b]8;;https://m.example/x\x1b\\[3]\x1b]8;;\x1b\\"
	line := "see " + link + " map"
	got := Mark(line, []Span{{From: 8, To: 11, On: on}})
	if !strings.HasSuffix(got, link+" "+on+"map"+reset) {
		t.Errorf("offsets counted inside the OSC: %q", got)
	}
}
