package search

import (
	"strings"
	"testing"
	"time"

	"github.com/herald-reader/herald/feed"
)

func TestMute(t *testing.T) {
	now := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	m, err := ParseMute([]string{"p:forbes", `t:"Crypto"`}, now)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		a     feed.Article
		muted bool
	}{
		{feed.Article{Title: "Markets", Provider: feed.Provider{Name: "Forbes"}}, true},
		{feed.Article{Title: "Coins", Topics: []string{"Crypto"}}, true},
		{feed.Article{Title: "Crypto in the title only"}, false},
		{feed.Article{Title: "Models", Provider: feed.Provider{Name: "Reuters"}}, false},
	}
	for _, c := range cases {
		if got := m.Muted(&c.a); got != c.muted {
			t.Errorf("Muted(%q) = %v, want %v", c.a.Title, got, c.muted)
		}
	}
	if (Mute(nil)).Muted(&cases[0].a) {
		t.Error("no rules muted an article")
	}
}

func TestParseMuteRuleRefuses(t *testing.T) {
	now := time.Now()
	for rule, want := range map[string]string{
		"is:read":            "cannot use is:",
		"crypto -IS:starred": "cannot use is:",
		"(is:unread OR x)":   "cannot use is:",
		"-(x OR -is:read)":   "cannot use is:",
		"   ":                "empty",
		`"open`:              "unterminated quote",
	} {
		if _, err := ParseMuteRule(rule, now); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseMuteRule(%q) = %v, want an error with %q", rule, err, want)
		}
	}
	for _, rule := range []string{`"what is: this"`, "crypto", "this:is"} {
		if _, err := ParseMuteRule(rule, now); err != nil && !strings.Contains(err.Error(), "qualifier") {
			t.Errorf("ParseMuteRule(%q) = %v", rule, err)
		}
	}
	if _, err := ParseMute([]string{"ok", "is:read"}, now); err == nil || !strings.Contains(err.Error(), `"is:read"`) {
		t.Errorf("ParseMute names the rule: %v", err)
	}
}
