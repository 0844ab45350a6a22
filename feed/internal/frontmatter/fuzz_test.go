package frontmatter

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-reader/herald/feed/internal/seedlike"
)

// FuzzDecode checks, for any file, that the fast decoder, whenever it
// accepts the front matter, builds exactly the tree the yaml.v3 path builds
// (feed's FuzzParse compares the articles, from the same seeds).
//
//	go test -run '^$' -fuzz '^FuzzDecode$' -fuzztime 30s ./feed/internal/frontmatter/
func FuzzDecode(f *testing.F) {
	for _, data := range seedlike.FuzzSeeds(filepath.Join("..", "..", "testdata", "parse")) {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fmb, _, perr := splitFrontMatter(data)
		if perr != nil || len(fmb) > maxFrontMatter {
			return
		}
		// The fast decoder reads the raw text, yaml.v3 the cleaned one.
		src, _ := prepareSource(fmb)
		fast, _, ok := parseFast(string(fmb), startLine, false)
		if !ok {
			return
		}
		slow, perr := parseYAML(src, startLine)
		if perr != nil || !sameTree(fast, slow) {
			t.Fatalf("fast decoder accepted %q:\nfast %+v\nyaml %+v %v", src, resolved(fast), slow, perr)
		}
	})
}

// FuzzFastDecoder aims at the fast decoder: it assembles front matter
// from lines of the subset and of its near misses (three input bytes per
// line: indentation and start, value, ending), so most inputs are close to
// what the archive holds, and checks that whenever the fast decoder
// accepts, yaml.v3 builds the same tree.
//
//	go test -run '^$' -fuzz '^FuzzFastDecoder$' -fuzztime 30s ./feed/internal/frontmatter/
func FuzzFastDecoder(f *testing.F) {
	f.Add([]byte{0, 1, 2, 7, 3, 0, 9, 2, 1, 30, 4, 0})
	f.Add([]byte("related: the seed's shape, more or less"))
	f.Fuzz(func(t *testing.T, prog []byte) {
		src := subsetYAML(prog)
		fast, _, ok := parseFast(src, startLine, false)
		if !ok {
			return
		}
		clean, _ := prepareSource([]byte(src))
		slow, perr := parseYAML(clean, startLine)
		if perr != nil || !sameTree(fast, slow) {
			t.Fatalf("fast decoder accepted %q:\nfast %+v\nyaml %+v %v", src, resolved(fast), slow, perr)
		}
	})
}

func subsetYAML(prog []byte) string {
	indents := []string{"", "  ", "    ", " ", "      ", "   "}
	starts := []string{"title: ", "- ", "related:", "-", "a: ", "- b: ", "k k: ", "c:d: ", "- - ", "url: ",
		"x:", "? ", "-1: ", "'q': ", "title : ", "<<: ", "name:  "}
	values := []string{"", "plain", "\"quoted \\\" \\e\\x41\\u00e9\\U0001F600\\N\\_\"", "'it''s'", "~", "null", "a # c",
		"a#b", "http://x:y/z", "x:", "-1", "- x", "[a]", "{b: 1}", "&a x", "*a", "!t x", "|", ">", "\"open", "'",
		"\"\\q\"", "#c", "a: b", "é “curly”", "\"\\\\\"", "\"\"", "''", "2024-01-29T03:19:00Z", "\"a\" # c",
		"\"a\"x", "%x", "@x", "-", "-x", "? x", ": x", "---", "...", "\"\\ud800\"", "\"\\x\"", "a  b  ", "\u00a0x",
		"\"x\x1by\"", "'\x7f\u0085\ufeff'", "\"\xe9\"", "\"a\tb\"", "\"\u2028\"", "x\x01", "\"8\x016\"", "'\xe2\x80'"}
	endings := []string{"\n", "\n\n", " # comment\n", "\n# c\n", "   \n", "\n  # indented comment\n", "\r\n", "\r", "\t\n", "\x1b\n"}
	var b strings.Builder
	for i := 0; i+2 < len(prog); i += 3 {
		b.WriteString(indents[int(prog[i])%len(indents)])
		b.WriteString(starts[int(prog[i])/len(indents)%len(starts)])
		b.WriteString(values[int(prog[i+1])%len(values)])
		b.WriteString(endings[int(prog[i+2])%len(endings)])
	}
	return b.String()
}
