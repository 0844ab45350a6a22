package frontmatter

import "testing"

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		name, in, fm, body string
		bad                bool
	}{
		{"LF", "---\na: 1\n---\nbody\n", "a: 1\n", "body\n", false},
		{"CRLF", "---\r\na: 1\r\n---\r\nbody", "a: 1\r\n", "body", false},
		{"BOM", "\ufeff---\na: 1\n---\n", "a: 1\n", "", false},
		{"no newline after closing", "---\na: 1\n---", "a: 1\n", "", false},
		{"dots", "---\na: 1\n...\nbody", "a: 1\n", "body", false},
		{"blanks after delimiters", "--- \t\na: 1\n---  \nbody", "a: 1\n", "body", false},
		{"empty front matter", "---\n---\nbody", "", "body", false},
		{"dashes inside a value are not a delimiter", "---\na: x\n--- b\n---\n", "a: x\n--- b\n", "", false},
		{"later rules stay in the body", "---\na: 1\n---\nx\n---\ny\n", "a: 1\n", "x\n---\ny\n", false},
		{"near misses", "---\na: \"\n----\n-- -\n....\n---\n", "a: \"\n----\n-- -\n....\n", "", false},
		{"not at the start", "\n---\na: 1\n---\n", "", "", true},
		{"four dashes", "----\na: 1\n---\n", "", "", true},
		{"unterminated", "---\na: 1\n", "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fm, body, err := splitFrontMatter([]byte(tt.in))
			if (err != nil) != tt.bad {
				t.Fatalf("err = %v, want error %v", err, tt.bad)
			}
			if !tt.bad && (string(fm) != tt.fm || string(body) != tt.body) {
				t.Errorf("got %q / %q, want %q / %q", fm, body, tt.fm, tt.body)
			}
		})
	}
}
