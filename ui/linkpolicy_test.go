package ui

import (
	"bytes"
	"strings"
	"testing"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/ui/clipboard"
)

// TestCopyFollowsTheOpenPolicy: y copies exactly what o opens, after the
// same check: a javascript: link is refused by both (nothing copied, a
// status says why), and a refused originalUrl falls back to webUrl for
// both.
func TestCopyFollowsTheOpenPolicy(t *testing.T) {
	for _, tc := range []struct {
		name, original, web, want string
	}{
		{"javascript", "", "javascript:alert(1)", ""},
		{"user info", "https://user@evil.example/", "", ""},
		{"option-like", "--help", "", ""},
		{"padded", "https://example.com/a b;rm -rf ~", "", ""},
		{"fallback to webUrl", "javascript:alert(1)", "https://web.example/a", "https://web.example/a"},
		{"originalUrl first", "https://original.example/a", "https://web.example/a", "https://original.example/a"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := article(0, "Policy")
			a.OriginalURL, a.WebURL = tc.original, tc.web
			var out bytes.Buffer
			hs := newHarness(t, 120, 30, []*feed.Article{a},
				withCopier(clipboard.Copier{Out: &out, NoNative: true, Getenv: func(string) string { return "" }}))
			hs.press(hs.keys.OpenBrowser)
			opened := hs.opener.urls()
			hs.press(hs.keys.Copy)
			v := hs.view()
			if tc.want == "" {
				if out.Len() != 0 || len(opened) != 0 {
					t.Errorf("copied %q, opened %v; want nothing", out.String(), opened)
				}
				if !strings.Contains(v, "refusing to copy") {
					t.Errorf("no refusal in the status line:\n%s", v)
				}
				return
			}
			if len(opened) != 1 || opened[0] != tc.want {
				t.Errorf("o opened %v, want %s", opened, tc.want)
			}
			if out.String() != clipboard.Sequence(tc.want) {
				t.Errorf("y copied %q, want %s", out.String(), tc.want)
			}
		})
	}
}

// TestCopiedURLShownWhole: the status line shows the copied URL whole
// when it fits, and shortened in the middle (start and end kept) when not.
func TestCopiedURLShownWhole(t *testing.T) {
	a := article(0, "Long link")
	a.WebURL = "https://news.example/2024/01/02/" + strings.Repeat("segment-", 20) + "the-end.html"
	hs := newHarness(t, 100, 30, []*feed.Article{a},
		withCopier(clipboard.Copier{Out: &bytes.Buffer{}, NoNative: true, Getenv: func(string) string { return "" }}))
	hs.press(hs.keys.Copy)
	v := hs.view()
	checkScreen(t, v, 100, 30)
	if !strings.Contains(v, "copied https://news.example/") || !strings.Contains(v, "the-end.html (OSC 52)") {
		t.Errorf("status line does not show the URL's start and end:\n%s", v)
	}
}
