package htmltext

import (
	"strings"
	"testing"
)

func TestIsHTML(t *testing.T) {
	for body, want := range map[string]bool{
		"<div><p>One</p></div>":                       true,
		"\n  <!-- a sample -->\n<P class=x>One</P>\n": true,
		"<!DOCTYPE html><html><body>x</body></html>":  true,
		"<ul><li>a</li></ul>":                         true,
		"Plain *Markdown* with <b>inline</b> HTML.":   false,
		"<span>inline first</span> then Markdown":     false,
		"<div> never closed":                          false,
		"# Heading\n\n<div>block later</div>":         false,
		"<https://example.com> an autolink":           false,
		"":                                            false,
		"<!-- an unclosed comment <div></div>":        false,
	} {
		if got := IsHTML(body); got != want {
			t.Errorf("IsHTML(%q) = %v, want %v", body, got, want)
		}
	}
}

func TestToMarkdown(t *testing.T) {
	md, cut, err := ToMarkdown(`<div><h2>Title</h2><p>The <strong>first</strong> paragraph.</p>`+
		`<ol><li>one</li><li>two</li></ol><p><a href="/more">more</a></p></div>`, "https://example.com/sample")
	if err != nil || cut {
		t.Fatalf("ToMarkdown: %v, cut %v", err, cut)
	}
	for _, want := range []string{"## Title", "The **first** paragraph.", "1. one", "2. two", "[more](https://example.com/more)"} {
		if !strings.Contains(md, want) {
			t.Errorf("%q lacks %q", md, want)
		}
	}
	if strings.Contains(md, "<") {
		t.Errorf("tags left: %q", md)
	}
	big := "<div>" + strings.Repeat("<p>words and words</p>", MaxBytes/20) + "</div>"
	md, cut, err = ToMarkdown(big, "")
	if err != nil || !cut || len(md) > MaxBytes || strings.Contains(md, "<p>") {
		t.Errorf("over the cap: %d bytes, cut %v, err %v", len(md), cut, err)
	}
}
