package ui

import (
	"testing"

	"github.com/herald-reader/herald/feed"
)

func TestFuzzyMatch(t *testing.T) {
	a := &feed.Article{Title: "Chip makers race", Provider: feed.Provider{Name: "Reuters"}, Topics: []string{"AI Hardware"}}
	b := &feed.Article{Title: "Open models reach parity", Provider: feed.Provider{Name: "The Verge"}, Topics: []string{"Open Source"}}
	c := &feed.Article{Title: "Ünïcode Straße", Provider: feed.Provider{Name: "日経"}, Topics: []string{"人工知能"}}
	arts := []*feed.Article{a, b, c}
	for _, tc := range []struct {
		q    string
		want []*feed.Article
	}{
		{"", arts},
		{"chip", []*feed.Article{a}},       // not "reaCH parIty ... oPen" across fields
		{"CHMKR", []*feed.Article{a}},      // letters in order, case ignored
		{"reut hard", []*feed.Article{a}},  // every word, each in some field
		{"verge open", []*feed.Article{b}}, // provider and topic
		{"straße", []*feed.Article{c}},
		{"ÜNÏ", []*feed.Article{c}},
		{"知能", []*feed.Article{c}},
		{"zzz", nil},
	} {
		got, err := FuzzyMatch(tc.q, arts)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(tc.want) {
			t.Errorf("%q: got %d, want %d", tc.q, len(got), len(tc.want))
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%q: result %d is %q", tc.q, i, got[i].Title)
			}
		}
	}
}
