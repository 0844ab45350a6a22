package config

import (
	"reflect"
	"strings"
	"testing"
)

// TestSearchesAndMuteDecode: both forms of entry, file order kept, the
// sort normalised, a missing sort left empty; a round trip through
// `herald config` gives the same values.
func TestSearchesAndMuteDecode(t *testing.T) {
	cfg, err := Parse("/x/config.yaml", []byte(`searches:
  - name: AI this week
    query: topic:AI since:7d
    sort: Quality
  - {name: Forbes, query: "p:forbes -crypto"}
mute:
  - provider:forbes
  - 'topic:"Crypto Currency"'
`))
	if err != nil {
		t.Fatal(err)
	}
	want := []SavedSearch{
		{Name: "AI this week", Query: "topic:AI since:7d", Sort: "quality"},
		{Name: "Forbes", Query: "p:forbes -crypto"},
	}
	if !reflect.DeepEqual(cfg.Searches, want) {
		t.Errorf("searches\n got %+v\nwant %+v", cfg.Searches, want)
	}
	if want := []string{"provider:forbes", `topic:"Crypto Currency"`}; !reflect.DeepEqual(cfg.Mute, want) {
		t.Errorf("mute = %q, want %q", cfg.Mute, want)
	}
	if ss, ok := cfg.SavedSearch("Forbes"); !ok || ss.Query != "p:forbes -crypto" {
		t.Errorf("SavedSearch(Forbes) = %+v, %v", ss, ok)
	}
	if got := cfg.SearchNames(); !reflect.DeepEqual(got, []string{"AI this week", "Forbes"}) {
		t.Errorf("names = %q", got)
	}
	if err := cfg.Validate(); err != nil {
		t.Error(err)
	}
	back, err := Parse("/x/config.yaml", cfg.YAML())
	if err != nil || !reflect.DeepEqual(back, cfg) {
		t.Errorf("round trip: %v\n got %+v\nwant %+v\n%s", err, back, cfg, cfg.YAML())
	}
	// A single rule may be written without the list.
	one, err := Parse("/x/config.yaml", []byte("mute: crypto\n"))
	if err != nil || !reflect.DeepEqual(one.Mute, []string{"crypto"}) {
		t.Errorf("mute: crypto = %q, %v", one.Mute, err)
	}
}

// TestSearchesAndMuteErrors: every invalid entry is a PATH:LINE: problem
// on the line at fault, and the load gives the defaults.
func TestSearchesAndMuteErrors(t *testing.T) {
	cases := []struct{ name, yaml, want string }{
		{"bad query", "searches:\n  - name: AI\n    query: 'topic:AI \"open'\n",
			`/x/c.yaml:3: searches: search "AI": bad query "topic:AI "open": unterminated quote: add a closing "`},
		{"unknown qualifier", "searches:\n  - name: AI\n    query: tpoic:AI\n",
			`/x/c.yaml:3: searches: search "AI": bad query "tpoic:AI": unknown qualifier`},
		{"unknown sort", "searches:\n  - name: AI\n    query: topic:AI\n    sort: qualty\n",
			`/x/c.yaml:4: searches: search "AI": unknown sort "qualty" (did you mean "quality"?)`},
		{"duplicate name", "searches:\n  - {name: AI, query: a}\n  - {name: AI, query: b}\n",
			`/x/c.yaml:3: searches: the name "AI" is used twice (first on line 2) (give each search its own name)`},
		{"empty name", "searches:\n  - name: ''\n    query: a\n",
			`/x/c.yaml:2: searches: a search without a name (add "name: ...")`},
		{"no name", "searches:\n  - query: a\n",
			`/x/c.yaml:2: searches: a search without a name (add "name: ...")`},
		{"no query", "searches:\n  - name: AI\n",
			`/x/c.yaml:2: searches: search "AI" has no query (add "query: ...")`},
		{"unknown field", "searches:\n  - name: AI\n    qeury: a\n",
			`/x/c.yaml:3: searches.qeury: unknown setting (did you mean "query"?)`},
		{"not a list", "searches:\n  AI: topic:AI\n",
			`/x/c.yaml:2: searches: expected a list of searches, got a mapping`},
		{"entry not a mapping", "searches:\n  - topic:AI\n",
			`/x/c.yaml:2: searches: expected name: and query:, got "topic:AI"`},
		{"name is a list", "searches:\n  - name: [a]\n    query: a\n",
			`/x/c.yaml:2: searches.name: expected text, got a list`},
		{"bad mute rule", "mute:\n  - crypto\n  - 'p:\"fox'\n",
			`/x/c.yaml:3: mute: bad rule "p:"fox": unterminated quote: add a closing "`},
		{"mute rule asks the marks", "mute:\n  - -is:starred\n",
			`/x/c.yaml:2: mute: bad rule "-is:starred": a mute rule cannot use is: (muting never depends on the marks)`},
		{"empty mute rule", "mute:\n  - ' '\n",
			`/x/c.yaml:2: mute: bad rule " ": the rule is empty: it would mute every article`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			parseFails(t, c.yaml, c.want)
		})
	}
}

// TestSearchesValidate: a Config built in code is checked as a file is.
func TestSearchesValidate(t *testing.T) {
	c := Default()
	c.Searches = []SavedSearch{{Name: "a", Query: "x"}, {Name: "a", Query: "y", Sort: "heat"}}
	c.Mute = []string{"is:read"}
	err := c.Validate()
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{`searches: the name "a" is used twice`, `mute: bad rule "is:read"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}
