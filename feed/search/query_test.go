package search

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/herald-reader/herald/feed"
)

// fakeState is a State over two sets of IDs.
type fakeState struct{ read, starred map[string]bool }

func (s fakeState) IsRead(id string) bool    { return s.read[id] }
func (s fakeState) IsStarred(id string) bool { return s.starred[id] }

var queryNow = time.Date(2024, 3, 15, 12, 0, 0, 0, time.UTC)

func queryArticles() []*feed.Article {
	arts := []*feed.Article{{
		ID:        "a1",
		Title:     "Google And Hugging Face Partner To Advance Generative AI With Open Models",
		Excerpt:   "The partnership is expected to democratize AI.",
		Published: time.Date(2024, 1, 29, 3, 19, 0, 0, time.UTC),
		Type:      "article",
		Provider:  feed.Provider{Name: "Forbes", Domain: "forbes.com"},
		Topics:    []string{"AI", "Generative AI"},
	}, {
		ID:        "a2",
		Title:     "Café Society: Clément Delangue on open models",
		Excerpt:   "That’s what the CEO said — in Zürich.",
		Published: time.Date(2024, 3, 10, 8, 0, 0, 0, time.UTC),
		Type:      "video",
		Provider:  feed.Provider{Name: "Süddeutsche Zeitung", Domain: "sueddeutsche.de"},
		Topics:    []string{"Machine Learning"},
		Detail:    &feed.ArticleDetail{Body: "Machine\nlearning at scale."},
	}, {
		ID:       "a3",
		Title:    "Nvidia’s e‑mail to investors",
		Excerpt:  "ＡＩ chips and ﬁnance",
		Type:     "article",
		Provider: feed.Provider{Name: "Nikkei Asia", Domain: "asia.nikkei.com"},
		Topics:   []string{"AI Chips"},
		Tags:     []string{"hardware"},
	}, {
		ID:        "a4",
		Title:     "Старт новой модели",
		Excerpt:   "ИИ",
		Published: time.Date(2024, 3, 14, 23, 0, 0, 0, time.UTC),
		Type:      "article",
		Provider:  feed.Provider{Name: "BBC", Domain: "bbc.com"},
		Topics:    []string{"AI"},
	}}
	arts[0].SetRelatedTitles(feed.NewTitles("Five Techniques To Ensure Reliable Use"))
	arts[2].SetRelatedTitles(feed.NewTitles("Straße der KI"))
	return arts
}

var queryState = fakeState{read: map[string]bool{"a1": true}, starred: map[string]bool{"a2": true}}

// searchSorted is ix.SearchSorted with no deadline: what the tests ask.
func searchSorted(ix *Index, q Query, st State, k SortKey) []*feed.Article {
	out, err := ix.SearchSorted(context.Background(), q, st, k)
	if err != nil {
		panic(err) // a background context does not end
	}
	return out
}

// ids lists the articles' IDs.
func ids(arts []*feed.Article) []string {
	out := make([]string, len(arts))
	for i, a := range arts {
		out[i] = a.ID
	}
	return out
}

// matching returns the IDs of the articles q matches, through both
// Query.Match and an Index, failing if the two disagree.
func matching(t *testing.T, q Query, arts []*feed.Article, st State) string {
	t.Helper()
	var ids []string
	for _, a := range arts {
		if q.Match(a, st) {
			ids = append(ids, a.ID)
		}
	}
	ix := NewIndex()
	ix.Add(arts)
	var got []string
	for _, a := range ix.Search(q, st) {
		got = append(got, a.ID)
	}
	if !slices.Equal(ids, got) {
		t.Fatalf("%q: Match gives %v, Index.Search %v", q, ids, got)
	}
	return strings.Join(ids, " ")
}

func TestQueryMatches(t *testing.T) {
	tests := []struct{ q, want string }{
		{"", "a1 a2 a3 a4"},
		{"   ", "a1 a2 a3 a4"},
		{"-", "a1 a2 a3 a4"},
		{`""`, "a1 a2 a3 a4"},
		// free words: case, accents, inside words, every field
		{"google", "a1"},
		{"GOOGLE", "a1"},
		{"goog", "a1"},
		{"cafe", "a2"},
		{"CAFÉ", "a2"},
		{"clement zurich", "a2"},
		{"forbes", "a1"},
		{"hardware", "a3"},
		{"techniques", "a1"},
		{"scale", "a2"},
		{"finance", "a3"},  // ﬁ ligature
		{"ai chips", "a3"}, // full-width ＡＩ
		{"strasse", "a3"},
		{"старт", "a4"},
		{"СТАРТ", "a4"},
		{"that's", "a2"},
		{"That’s", "a2"},
		{"nvidia's", "a3"},
		{"e-mail", "a3"},
		{"said - in", "a2"}, // em dash
		{"10:30", ""},
		{"nothing-here", ""},
		// phrases
		{`"open models"`, "a1 a2"},
		{`"machine learning"`, "a2"}, // topic, and the body across a line break
		{`"learning at"`, "a2"},
		{`"models open"`, ""},
		{`"ai   chips"`, "a3"},
		// topic
		{"topic:ai", "a1 a3 a4"}, // AI, AI Chips: a word by prefix
		{"t:AI", "a1 a3 a4"},
		{`t:"AI"`, "a1 a4"}, // quoted: the whole topic
		{`t:"machine learning"`, "a2"},
		{"t:machine", "a2"},
		{"t:learn", "a2"},
		{"t:earn", ""},
		{`t:"machine"`, ""},
		{`t:"Generative AI"`, "a1"},
		// provider
		{"provider:forbes", "a1"},
		{"p:Forbes.com", "a1"},
		{"p:nikkei", "a3"},
		{"p:nikkei.com", "a3"},
		{`p:"nikkei asia"`, "a3"},
		{`p:"suddeutsche zeitung"`, "a2"},
		{"p:com", ""},
		{"p:forb", "a1"},
		{"p:zeit", "a2"},
		{"p:forbes.c", "a1"},
		{"p:asia.nik", "a3"},
		{"p:co", ""},
		{`p:"forb"`, ""},
		// dates (now = 2024-03-15 12:00 UTC; a3 has no date)
		{"since:7d", "a2 a4"},
		{"since:1w", "a2 a4"},
		{"since:36h", "a4"},
		{"since:2m", "a1 a2 a4"},
		{"since:1y", "a1 a2 a4"},
		{"since:2024-03-14", "a4"},
		{"since:2024-03", "a2 a4"},
		{"since:2024", "a1 a2 a4"},
		{"since:today", ""},
		{"since:yesterday", "a4"},
		{"before:7d", "a1"},
		{"before:2024-02", "a1"},
		{"before:2024-03-14", "a1 a2"},
		{"since:2024-03-01 before:2024-03-12", "a2"},
		// state
		{"is:unread", "a2 a3 a4"},
		{"is:read", "a1"},
		{"IS:Starred", "a2"},
		// type
		{"type:video", "a2"},
		{"type:ARTICLE", "a1 a3 a4"},
		// negation of every kind
		{"-google", "a2 a3 a4"},
		{`-"open models"`, "a3 a4"},
		{"-topic:ai", "a2"},
		{`-topic:"ai"`, "a2 a3"},
		{"-p:forbes", "a2 a3 a4"},
		{"-since:7d", "a1 a3"},
		{"-before:7d", "a2 a3 a4"},
		{"-is:read", "a2 a3 a4"},
		{"-is:starred", "a1 a3 a4"},
		{"-type:article", "a2"},
		// AND
		{`"open models" -is:read`, "a2"},
		{"topic:ai since:2024-01-01 -p:bbc", "a1"},
		{"ai -t:ai -t:\"ai chips\"", "a2"}, // a2 by "said"
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			q, err := ParseQuery(tt.q, queryNow)
			if err != nil {
				t.Fatalf("ParseQuery(%q): %v", tt.q, err)
			}
			if got := matching(t, q, queryArticles(), queryState); got != tt.want {
				t.Errorf("%q matches [%s], want [%s]", tt.q, got, tt.want)
			}
		})
	}
}

func TestQueryDatesUseTheClockZone(t *testing.T) {
	// In UTC+2, 2024-03-15 starts at 2024-03-14 22:00 UTC: a4 (23:00 UTC)
	// is published on the 15th there.
	now := queryNow.In(time.FixedZone("UTC+2", 2*3600))
	q, err := ParseQuery("since:2024-03-15", now)
	if err != nil {
		t.Fatal(err)
	}
	if got := matching(t, q, queryArticles(), nil); got != "a4" {
		t.Fatalf("since:2024-03-15 in UTC+2 matches [%s], want [a4]", got)
	}
}

func TestQueryWithoutStateIsAllUnread(t *testing.T) {
	for q, want := range map[string]string{"is:unread": "a1 a2 a3 a4", "is:read": "", "is:starred": ""} {
		pq, err := ParseQuery(q, queryNow)
		if err != nil {
			t.Fatal(err)
		}
		if got := matching(t, pq, queryArticles(), nil); got != want {
			t.Errorf("%s with a nil State matches [%s], want [%s]", q, got, want)
		}
	}
}

func TestParseQueryHints(t *testing.T) {
	tests := []struct{ q, want string }{
		{"tpoic:ai", `unknown qualifier "tpoic:" (did you mean "topic:")`},
		{"-Tpoic:ai", `unknown qualifier "Tpoic:" (did you mean "topic:")`},
		{"provder:x", `unknown qualifier "provder:" (did you mean "provider:")`},
		{"sinec:7d", `unknown qualifier "sinec:" (did you mean "since:")`},
		{"befor:7d", `unknown qualifier "befor:" (did you mean "before:")`},
		{"tpye:video", `unknown qualifier "tpye:" (did you mean "type:")`},
		{"re:invent", `unknown qualifier "re:" (use topic:, provider:, title:, excerpt:, body:, related:, site:, since:, before:, is:, type: or in:, or quote it to search for the text: "re:invent")`},
		{"since:", "since: wants 7d, 2w, 3m or 2024-01-01"},
		{"since:7x", "since: wants 7d, 2w, 3m or 2024-01-01"},
		{"since:d", "since: wants 7d, 2w, 3m or 2024-01-01"},
		{"since:2024-13-01", "since: wants 7d, 2w, 3m or 2024-01-01"},
		{"since:last-week", "since: wants 7d, 2w, 3m or 2024-01-01"},
		{"before:soon", "before: wants 7d, 2w, 3m or 2024-01-01"},
		{"is:new", "is: wants unread, read or starred"},
		{"is:", "is: wants unread, read or starred"},
		{"topic:", `topic: wants a topic, e.g. topic:AI or topic:"Machine Learning"`},
		{`t:""`, `t: wants a topic, e.g. t:AI or t:"Machine Learning"`},
		{"p:", "p: wants a name or domain, e.g. p:Forbes or p:forbes.com"},
		{"type:", "type: wants an article type, e.g. type:article"},
		{`"open models`, `unterminated quote: add a closing "`},
		{`google t:"machine`, `unterminated quote: add a closing "`},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			_, err := ParseQuery(tt.q, queryNow)
			if err == nil || err.Error() != tt.want {
				t.Fatalf("ParseQuery(%q) error = %v\nwant %s", tt.q, err, tt.want)
			}
		})
	}
}

func TestQueryString(t *testing.T) {
	q, err := ParseQuery(`t:AI "open models"`, queryNow)
	if err != nil || q.String() != `t:AI "open models"` || q.Empty() {
		t.Fatalf("got %q, empty %v, %v", q, q.Empty(), err)
	}
	if q, _ := ParseQuery(" - ", queryNow); !q.Empty() {
		t.Fatal("a lone - is not empty")
	}
}
