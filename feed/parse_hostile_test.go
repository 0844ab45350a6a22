package feed

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// Files that are not articles are a *ParseError with a short reason and
// the line where known.
func TestParseUnusableFiles(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		reason    string
	}{
		{"empty file", "", 1, "no front matter"},
		{"no front matter", "# Just Markdown\n", 1, "no front matter"},
		{"dashes not alone", "----\ntitle: x\n---\n", 1, "no front matter"},
		{"only the opening line", "---", 1, "not closed"},
		{"unterminated", "---\ntitle: x\nbody\n", 1, "not closed"},
		{"binary", "---\ntitle: x\n\x00\x01\x02\n---\n", 3, "binary data"},
		{"NUL in front matter", "---\ntitle: x\x00\n---\nbody\n", 2, "binary data"},
		{"not a mapping (list)", "---\n- a\n- b\n---\n", 2, "not a mapping"},
		{"not a mapping (text)", "---\njust text\n---\n", 2, "not a mapping"},
		{"syntax error", "---\ntitle: x\nbad: [unclosed\n---\n", 3, "invalid YAML"},
		{"bad indentation", "---\ntitle: x\n  oops: y\n---\n", 3, "invalid YAML"},
		{"tab indentation", "---\nprovider:\n\tname: x\n---\n", 3, "invalid YAML"},
		{"unknown escape", "---\ntitle: \"\\q\"\n---\n", 2, "invalid YAML"},
		{"too large", "---\ntitle: x\n---\n" + strings.Repeat("x", MaxFileBytes), 0, "file too large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pe := mustFail(t, "2024-01-01-x.md", tt.src)
			if pe.Line != tt.line || !strings.Contains(pe.Reason, tt.reason) {
				t.Errorf("got line %d %q, want line %d and %q", pe.Line, pe.Reason, tt.line, tt.reason)
			}
		})
	}
}

// Control characters, wherever they come from, never survive parsing.
func TestParseSanitisesEverything(t *testing.T) {
	tests := []struct {
		name, title, want string
	}{
		{"raw ESC and BEL", "title: \"A\x1b[31mred\x07 title\"", "A[31mred title"},
		{"raw C1 CSI", "title: A\u009b31mB", "A31mB"},
		{"raw DEL", "title: A\x7fB", "AB"},
		{"raw bidi override", "title: abc\u202edcba", "abcdcba"},
		{"raw zero width and BOM", "title: a\u200bb\ufeffc", "abc"},
		{"invalid UTF-8", "title: caf\xe9 au lait", "caf\ufffd au lait"},
		{"escape \\e", `title: "\e[2J cleared"`, "[2J cleared"},
		{"escape \\u009b", `title: "\u009b2J"`, "2J"},
		{"escape \\x1b OSC 8", `title: "\x1b]8;;https://evil.test\x07link\x1b]8;;\x07"`, "]8;;https://evil.testlink]8;;"},
		{"escape bidi", `title: "\u2066isolated\u2069 \u202Eevil"`, "isolated evil"},
		{"escape NUL", `title: "a\0b"`, "ab"},
		{"escape newline in a title", `title: "one\ntwo"`, "one two"},
		{"single-quoted", "title: 'it''s \x1b fine'", "it's  fine"},
		{"tab in a value", "title: \"a\tb\"", "a b"},
		{"line separator", "title: a\u2028b", "a b"},
		{"binary ESC", "title: !!binary G1sySg==", "[2J"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustParse(t, "2024-01-01-x.md", fm(tt.title, "excerpt: \"x\\ry\\u0085z\""))
			if a.Title != tt.want {
				t.Errorf("title %q, want %q", a.Title, tt.want)
			}
		})
	}
	a := mustParse(t, "2024-01-01-x.md", "---\ntitle: t\n---\nline\x1b[1m one\r\nline\u202e two\r\n")
	if a.Detail.Body != "line[1m one\nline two" {
		t.Errorf("body %q", a.Detail.Body)
	}
}

// YAML that makes yaml.v3 panic, take quadratic time or expand without
// bound is an error or a warning, never a crash.
func TestParseHostileYAML(t *testing.T) {
	laughs := "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n" +
		"d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
	keys := func(n int, format string) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, format, i)
		}
		return b.String()
	}
	deep := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "%sk:\n", strings.Repeat(" ", i))
		}
		return b.String()
	}
	tests := []struct {
		name, src string
		reason    string // "" means it parses
		warn      string
	}{
		// Issue 11: front matter whose keys are not text is not an article.
		{"complex key then merge key", "? {}\n<<: {}\n", "not a mapping with text keys", ""},
		{"complex key, merge key with a value", "? {}\n: x\n<<: {a: 1}\ntitle: t\n", "not a mapping with text keys", ""},
		{"flow mapping with a complex key", "{{},<<}\n", "not a mapping with text keys", ""},
		{"nested complex key", "x:\n  ? {}\n  : y\ntitle: t\n", "", "complex key"},
		{"merge of an alias", "base: &b {title: x}\n<<: [*b, *b]\n", "", "merge key"},
		{"billion laughs", laughs, "too complex: over 10000 values", ""},
		{"recursive alias", "a: &a [*a]\n", "nested too deeply", ""},
		{"deep flow nesting", strings.Repeat("[", 5000) + strings.Repeat("]", 5000), "not a mapping", ""},
		{"deep flow nesting in a key", "title: " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000), "nested too deeply", ""},
		{"very deep flow nesting", "title: " + strings.Repeat("[", 20000), "exceeded max depth", ""},
		{"deep block nesting", deep(60), "nested too deeply", ""},
		{"many unique keys", keys(9000, "k%d: v\n"), "", ""},
		{"too many unique keys", keys(12000, "k%d: v\n"), "too complex", ""},
		{"many duplicate keys", strings.Repeat("title: same\n", 9000), "", "duplicate key"},
		{"many anchors", keys(5000, "a%d: &x%[1]d v\n"), "", ""},
		{"big string aliased", "s: &s " + strings.Repeat("x", 100_000) + "\nl: [" + strings.Repeat("*s, ", 100) + "]", "KiB of text", ""},
		{"huge plain scalar", "title: " + strings.Repeat("x", 200_000), "", "title is longer than 2 KiB"},
		{"huge quoted scalar, yaml.v3 path", "title: \"\t" + strings.Repeat("x ", 100_000) + "\"", "", "title is longer than 2 KiB"},
		{"huge front matter", "title: " + strings.Repeat("x", 900_000), "front matter too large (878 KiB, limit 256 KiB)", ""},
		{"many documents", "title: t\n" + strings.Repeat("--- x\n", 1000), "", "more than one YAML document"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "---\n" + tt.src + "\n---\n"
			if tt.reason != "" {
				pe := mustFail(t, "2024-01-01-x.md", src)
				if !strings.Contains(pe.Reason, tt.reason) {
					t.Errorf("reason %q, want %q", pe.Reason, tt.reason)
				}
				return
			}
			a := mustParse(t, "2024-01-01-x.md", src)
			if tt.warn != "" && !hasWarning(a, tt.warn) {
				t.Errorf("warnings %q, want %q", a.Warnings(), tt.warn)
			}
			if tt.warn == "" && len(a.Warnings()) > 1 { // "no title" is fine
				t.Errorf("warnings %q", a.Warnings())
			}
		})
	}
}

// TestParseCleansBodies: only the front matter decides whether a file is
// an article; NUL, ESC and invalid UTF-8 in the body are cleaned away with
// a warning naming the line (issue 11).
func TestParseCleansBodies(t *testing.T) {
	for _, body := range []string{"first\nsecond \x00 NUL\n", "first\nsecond \x1b[31mred\n", "first\nsecond \xff\xfe\n", "first\nsecond \u0085\n"} {
		a, err := Parse("2024-01-01-x.md", []byte("---\ntitle: x\n---\n"+body))
		if err != nil {
			t.Errorf("%q: %v", body, err)
			continue
		}
		if strings.ContainsAny(a.Detail.Body, "\x00\x1b\ufffe") || !strings.HasPrefix(a.Detail.Body, "first\nsecond") {
			t.Errorf("%q: body %q not cleaned", body, a.Detail.Body)
		}
		if want := []string{"line 5: body holds control characters or invalid UTF-8; cleaned"}; !slices.Equal(a.Warnings(), want) {
			t.Errorf("%q: warnings %q, want %q", body, a.Warnings(), want)
		}
	}
	a, err := Parse("2024-01-01-x.md", []byte("---\ntitle: x\n---\ntabs\tand\r\nline ends\n"))
	if err != nil || len(a.Warnings()) != 0 {
		t.Errorf("a body with tabs and CRLF: %v, warnings %q", err, a.Warnings())
	}
}

// TestLongURLNeverCut: a URL longer than a line field is kept whole, so
// the link opens, copies and identifies as written; one past what a
// browser is given is dropped with a warning, never cut into another URL.
func TestLongURLNeverCut(t *testing.T) {
	long := "https://example.com/" + strings.Repeat("a", 3<<10)
	tooLong := "https://example.com/" + strings.Repeat("b", maxURLField)
	src := "---\ntitle: \"Long links\"\noriginalUrl: \"" + tooLong + "\"\nwebUrl: \"" + long + "\"\n---\nBody.\n"
	a, err := Parse("2024-01-01-long.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if a.WebURL != long {
		t.Errorf("webUrl of %d bytes kept as %d bytes", len(long), len(a.WebURL))
	}
	if a.OriginalURL != "" {
		t.Errorf("originalUrl over %d bytes kept as %d bytes, want it dropped", maxURLField, len(a.OriginalURL))
	}
	if a.ID != URLID(long) {
		t.Errorf("ID %s is not the ID of webUrl as written (%s)", a.ID, URLID(long))
	}
	if !slices.ContainsFunc(a.Warnings(), func(w string) bool { return strings.Contains(w, "originalUrl is longer") }) {
		t.Errorf("no warning about the dropped originalUrl: %q", a.Warnings())
	}
}
