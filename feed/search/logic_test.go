package search

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// shape writes a parsed query as a tree: terms as kind:value (- when
// negated, = when exact), a group as {alt | alt}, AND as a space.
func shape(q *Query) string {
	var parts []string
	for _, t := range q.terms {
		s := fmt.Sprintf("%d:%s", t.kind, t.n.s)
		switch t.kind {
		case kindIs:
			s = "is:" + t.is
		case kindIn:
			s = "in:" + t.in
		case kindSince, kindBefore:
			s = fmt.Sprintf("%d:%s", t.kind, t.at.Format("2006-01-02"))
		}
		if t.exact {
			s = "=" + s
		}
		if t.neg {
			s = "-" + s
		}
		parts = append(parts, s)
	}
	for _, g := range q.groups {
		alts := make([]string, len(g.alts))
		for i := range g.alts {
			alts[i] = shape(&g.alts[i])
		}
		s := "{" + strings.Join(alts, " | ") + "}"
		if g.neg {
			s = "-" + s
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

func TestParseQueryShapes(t *testing.T) {
	k := func(kind termKind, v string) string { return fmt.Sprintf("%d:%s", kind, v) }
	tests := []struct{ q, want string }{
		{"a b", k(kindText, "a") + " " + k(kindText, "b")},
		// AND binds tighter than OR
		{"a b OR c", "{" + k(kindText, "a") + " " + k(kindText, "b") + " | " + k(kindText, "c") + "}"},
		{"a OR b c", "{" + k(kindText, "a") + " | " + k(kindText, "b") + " " + k(kindText, "c") + "}"},
		{"a (b OR c)", k(kindText, "a") + " {" + k(kindText, "b") + " | " + k(kindText, "c") + "}"},
		{"(a b)", k(kindText, "a") + " " + k(kindText, "b")}, // a plain group is its terms
		{"-(a b)", "-{" + k(kindText, "a") + " " + k(kindText, "b") + "}"},
		{"a OR b OR c", "{" + k(kindText, "a") + " | " + k(kindText, "b") + " | " + k(kindText, "c") + "}"},
		{"((a OR b) c) OR d", "{" + k(kindText, "c") + " {" + k(kindText, "a") + " | " + k(kindText, "b") + "} | " + k(kindText, "d") + "}"},
		{`(t:AI OR t:"Machine Learning") -p:forbes`,
			"-" + k(kindProvider, "forbes") + " {" + k(kindTopic, "ai") + " | =" + k(kindTopic, "machine learning") + "}"},
		// or in lower case is a word; parentheses inside a word or a
		// quote, and a ")" with no group open, are text
		{"a or b", k(kindText, "a") + " " + k(kindText, "or") + " " + k(kindText, "b")},
		{"f(x)", k(kindText, "f(x)")},
		{`"(sic)"`, k(kindText, "(sic)")},
		{"x)", k(kindText, "x)")},
		{"(x))", k(kindText, "x") + " " + k(kindText, ")")},
		// fields
		{"title:Hugging", k(kindTitle, "hugging")},
		{`title:"Hugging Face"`, "=" + k(kindTitle, "hugging face")},
		{"excerpt:democ related:five body:crane", k(kindExcerpt, "democ") + " " + k(kindRelated, "five") + " " + k(kindBody, "crane")},
		{"site:https://www.NYTimes.com/x", k(kindSite, "www.nytimes.com")},
		{"-site:nyt in:_news", "in:_news -" + k(kindSite, "nyt")},
	}
	for _, tt := range tests {
		q, err := ParseQuery(tt.q, queryNow)
		if err != nil {
			t.Errorf("%s: %v", tt.q, err)
			continue
		}
		if got := shape(&q); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.q, got, tt.want)
		}
	}
}

func TestParseQueryLogicHints(t *testing.T) {
	for q, want := range map[string]string{
		"a OR":            "OR wants a term on each side, e.g. t:AI OR t:robotics",
		"OR a":            "OR wants a term on each side, e.g. t:AI OR t:robotics",
		"a OR OR b":       "OR wants a term on each side, e.g. t:AI OR t:robotics",
		"(a OR)":          "OR wants a term on each side, e.g. t:AI OR t:robotics",
		"(a OR b":         "unclosed parenthesis: add a closing )",
		"-(a":             "unclosed parenthesis: add a closing )",
		"(tpoic:ai OR b)": `unknown qualifier "tpoic:" (did you mean "topic:")`,
		"titel:x":         `unknown qualifier "titel:" (did you mean "title:")`,
		"stie:x":          `unknown qualifier "stie:" (did you mean "site:")`,
		"title:":          `title: wants words, e.g. title:cranes or title:"red cranes"`,
		"site:https://":   "site: wants a host, e.g. site:nytimes.com or site:nyt",
	} {
		if _, err := ParseQuery(q, queryNow); err == nil || err.Error() != want {
			t.Errorf("%s: error %v, want %s", q, err, want)
		}
	}
}

func TestFieldQualifiers(t *testing.T) {
	arts := queryArticles()
	arts[0].WebURL = "https://www.forbes.com/sites/x/2024/01/29/google"
	arts[1].OriginalURL = "http://user@Video.Example.ORG:8080/v?x=1"
	for q, want := range map[string]string{
		"title:hugg":                "a1",
		"title:ugg":                 "", // a word's start only
		`title:"hugging face"`:      "a1",
		`title:"hugging fac"`:       "", // quoted: whole words
		"title:café":                "a2",
		"title:cafe":                "a2",
		"title:democ":               "",
		"excerpt:democ":             "a1",
		"related:five":              "a1",
		"related:strasse":           "a3",
		"title:five":                "",
		"body:learn":                "a2",
		"body:earn":                 "",
		"site:forbes.com":           "a1",
		"site:www.forbes":           "a1",
		"site:forb":                 "a1",
		"site:video.example.org":    "a2",
		"site:example":              "a2",
		`site:"example.org"`:        "a2",
		`site:"example.or"`:         "",
		"site:ample":                "",
		"-site:forbes":              "a2 a3 a4",
		"title:google -site:forbes": "",
		`(t:AI OR t:"Machine Learning") -p:forbes`: "a2 a3 a4",
		"(google OR cafe) is:unread":               "a2",
		"google OR cafe is:unread":                 "a1 a2",
		"-(google OR cafe)":                        "a3 a4",
		"-(t:ai -t:chips)":                         "a2 a3",
	} {
		pq, err := ParseQuery(q, queryNow)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		if got := matching(t, pq, arts, queryState); got != want {
			t.Errorf("%s matches [%s], want [%s]", q, got, want)
		}
	}
}

// TestOrIsUnionNotIsComplement: for random A and B (terms, groups,
// negations, fields), A OR B matches exactly the articles A or B match,
// and -(A) exactly those A does not, through Match and the Index alike.
func TestOrIsUnionNotIsComplement(t *testing.T) {
	arts := append(queryArticles(), benchArticles(150, 200)...)
	atoms := []string{"google", "ai", "open", `"open models"`, "clem", "t:ai", `t:"AI"`, "t:robot", "p:forbes",
		"p:the", "title:how", "excerpt:analysts", "related:what", "body:critics", "since:2019-01-02", "before:2019-01-03",
		"is:read", "is:starred", "type:video", "site:example", "nvidia", "chips", "-google", "-t:ai"}
	rng := rand.New(rand.NewPCG(1, 2))
	var expr func(depth int) string
	expr = func(depth int) string {
		if depth == 0 || rng.IntN(3) == 0 {
			return atoms[rng.IntN(len(atoms))]
		}
		a, b := expr(depth-1), expr(depth-1)
		switch rng.IntN(3) {
		case 0:
			return "(" + a + " OR " + b + ")"
		case 1:
			return "-(" + a + ")"
		}
		return a + " " + b
	}
	st := fakeState{read: map[string]bool{}, starred: map[string]bool{}}
	for i, a := range arts {
		st.read[a.ID], st.starred[a.ID] = i%3 == 0, i%5 == 0
	}
	set := func(q string) map[string]bool {
		t.Helper()
		pq, err := ParseQuery(q, queryNow)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		out := map[string]bool{}
		for _, id := range strings.Fields(matching(t, pq, arts, st)) {
			out[id] = true
		}
		return out
	}
	hits := 0
	for range 300 {
		a, b := expr(2), expr(2)
		sa, sb, or, not := set(a), set(b), set(a+" OR "+b), set("-("+a+")")
		for _, art := range arts {
			id := art.ID
			if or[id] != (sa[id] || sb[id]) {
				t.Fatalf("%s OR %s: %s is %v, A %v, B %v", a, b, id, or[id], sa[id], sb[id])
			}
			if not[id] == sa[id] {
				t.Fatalf("-(%s): %s is %v, A %v", a, id, not[id], sa[id])
			}
		}
		if len(sa) > 0 && len(sa) < len(arts) {
			hits++
		}
	}
	if hits < 100 { // the property must be tested on queries that select
		t.Fatalf("only %d of 300 queries selected some but not all articles", hits)
	}
}
