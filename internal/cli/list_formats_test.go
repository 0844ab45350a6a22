package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestListTSVAndMarkdown(t *testing.T) {
	isolate(t)
	dir, _, _ := showLibrary(t)
	writeFile(t, filepath.Join(dir, "2024-01-28-tabs.md"),
		"---\ntitle: \"Tabs\\there [and] *stars*\"\nwebUrl: \"https://example.com/a b(c)\"\nprovider:\n  name: \"Line\\nBreak\"\n---\n")

	code, out, _ := herald("list", "--format", "tsv", dir)
	if code != 0 {
		t.Fatalf("tsv: exit %d", code)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("tsv: %d lines, want 3 (no header, broken file skipped):\n%s", len(lines), out)
	}
	for _, l := range lines {
		if f := strings.Split(l, "\t"); len(f) != 5 || len(f[0]) != 12 {
			t.Errorf("tsv line has %d fields (want 5, id first): %q", len(f), l)
		}
	}
	if want := "\t2024-01-29T14:30:00Z\tForbes\tGoogle And Hugging Face Partner\thttps://www.forbes.com/sites/x/google/"; !strings.HasSuffix(lines[1], want) {
		t.Errorf("tsv line\n%q\nwant suffix\n%q", lines[1], want)
	}
	if !strings.HasSuffix(lines[2], "\t2024-01-28T00:00:00Z\tLine Break\tTabs here [and] *stars*\thttps://example.com/a b(c)") {
		t.Errorf("tabs and newlines not folded: %q", lines[2])
	}
	assertNoControl(t, strings.ReplaceAll(out, "\t", " "))

	code, out, _ = herald("list", "--format", "md", dir)
	if code != 0 {
		t.Fatalf("md: exit %d", code)
	}
	for _, want := range []string{
		"- [Google And Hugging Face Partner](https://www.forbes.com/sites/x/google/) — Forbes, 2024-01-29\n",
		`- [Tabs here \[and\] \*stars\*](https://example.com/a%20b%28c%29) — Line Break, 2024-01-28` + "\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("md lacks %q:\n%s", want, out)
		}
	}
	assertNoControl(t, out)
}

// TestListMarkdownEscapesHTML: a title's "&", "<" and ">" stay text in
// the Markdown list: no entity is decoded and no tag is made.
func TestListMarkdownEscapesHTML(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "2024-01-28-html.md"),
		"---\ntitle: \"AT&amp;T <img src=x onerror=alert(1)> & more\"\nprovider:\n  name: \"<b>Wire</b>\"\n---\n")
	code, out, _ := herald("list", "--format", "md", dir)
	if code != 0 {
		t.Fatalf("md: exit %d", code)
	}
	want := `- AT\&amp;T \<img src=x onerror=alert(1)\> \& more — \<b\>Wire\</b\>, 2024-01-28` + "\n"
	if out != want {
		t.Errorf("md:\n%q\nwant\n%q", out, want)
	}
}

func TestListLimit(t *testing.T) {
	isolate(t)
	dir, _, _ := showLibrary(t)
	for _, c := range []struct {
		limit string
		lines int
	}{{"1", 1}, {"2", 2}, {"0", 2}, {"50", 2}} {
		code, out, _ := herald("list", "--format", "tsv", "--limit", c.limit, dir)
		if n := strings.Count(out, "\n"); code != 0 || n != c.lines {
			t.Errorf("--limit %s: exit %d, %d lines, want %d", c.limit, code, n, c.lines)
		}
	}
	// The newest comes first, so --limit 1 is the newest article.
	if _, out, _ := herald("list", "--format", "tsv", "--limit", "1", dir); !strings.Contains(out, "Evil") {
		t.Errorf("--limit 1 did not keep the newest: %q", out)
	}
	if _, out, _ := herald("list", "--format", "count", "--limit", "1", dir); out != "2 articles, 1 skipped\n" {
		t.Errorf("count with --limit: %q", out)
	}
	for _, bad := range [][]string{{"--limit", "-1"}, {"--limit", "x"}, {"--format", "csv"}} {
		if code, _, errOut := herald(append(append([]string{"list"}, bad...), dir)...); code != 2 || errOut == "" {
			t.Errorf("%v: exit %d, stderr %q", bad, code, errOut)
		}
	}
}
