package ui

import (
	"strings"
	"testing"
)

// TestQueryWordsOfEveryForm: the words a query looks for in the text are
// highlighted whatever form they take (a prefix being typed, words in
// OR groups and parentheses, title:, excerpt:, related: and body:
// values); negated words, and qualifiers of metadata (topic:, provider:,
// site:...), highlight nothing.
func TestQueryWordsOfEveryForm(t *testing.T) {
	const text = "Google And Hugging Face Partner On Machine Learning With Nvidia And AMD Chips"
	for query, want := range map[string]string{
		"hugg":                    "Hugg",
		"hugging face":            "Hugging|Face",
		`"hugging face"`:          "Hugging Face",
		"(nvidia OR amd) chips":   "Nvidia|AMD|Chips",
		"google OR -x":            "Google",
		"title:learn":             "Learn",
		"excerpt:partner":         "Partner",
		"related:machine body:on": "On|Machine",
		"-google nvidia":          "Nvidia",
		"-(google OR amd) chips":  "Chips",
		"t:ai p:forbes site:goog": "",
		"is:unread since:7d":      "",
		"(unclosed":               "",
	} {
		re := queryWords(query)
		var got []string
		if re != nil {
			got = re.FindAllString(text, -1)
		}
		if g := strings.Join(got, "|"); g != want {
			t.Errorf("%s highlights %q, want %q", query, g, want)
		}
	}
}
