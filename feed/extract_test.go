package feed

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// fm wraps front matter lines into an article file.
func fm(lines ...string) string {
	return "---\n" + strings.Join(lines, "\n") + "\n---\n"
}

func hasWarning(a *Article, sub string) bool {
	for _, w := range a.Warnings() {
		if strings.Contains(w, sub) {
			return true
		}
	}
	return false
}

// One bad field degrades that field, never the article.
func TestParseTolerantFields(t *testing.T) {
	day := time.Date(2024, 1, 29, 0, 0, 0, 0, time.UTC)
	at := func(s string) time.Time {
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			panic(err)
		}
		return t
	}
	const named = "2024-01-29-the-slug-title.md"
	tests := []struct {
		name string
		path string
		src  string
		want func(a *Article) any // what is checked
		is   any
		warn string // a substring of one warning; "" means no warnings
	}{
		// Dates: valid forms parse (to UTC); anything else falls back to the
		// file name's date with a warning.
		{"date RFC 3339", named, fm("title: t", "publishedDateTime: 2024-01-29T03:19:00Z"),
			func(a *Article) any { return a.Published }, at("2024-01-29T03:19:00Z"), ""},
		{"date with offset", named, fm("title: t", "publishedDateTime: 2024-01-29T03:19:00+02:00"),
			func(a *Article) any { return a.Published }, at("2024-01-29T01:19:00Z"), ""},
		{"date only", named, fm("title: t", "publishedDateTime: 2023-12-31"),
			func(a *Article) any { return a.Published }, at("2023-12-31T00:00:00Z"), ""},
		{"date quoted", named, fm("title: t", `publishedDateTime: "2024-01-29T03:19:00Z"`),
			func(a *Article) any { return a.Published }, at("2024-01-29T03:19:00Z"), ""},
		{"date fraction lowercase", named, fm("title: t", "publishedDateTime: 2024-01-29t03:19:00.25z"),
			func(a *Article) any { return a.Published }, at("2024-01-29T03:19:00.25Z"), ""},
		{"date Jekyll style", named, fm("title: t", "publishedDateTime: 2024-01-29 03:19:00 -0500"),
			func(a *Article) any { return a.Published }, at("2024-01-29T08:19:00Z"), ""},
		{"date RFC 1123", named, fm("title: t", "publishedDateTime: Mon, 29 Jan 2024 03:19:00 GMT"),
			func(a *Article) any { return a.Published }, at("2024-01-29T03:19:00Z"), ""},
		{"date key", named, fm("title: t", "date: 2023-05-01 10:00"),
			func(a *Article) any { return a.Published }, at("2023-05-01T10:00:00Z"), ""},
		{"date missing", named, fm("title: t"),
			func(a *Article) any { return a.Published }, day, ""},
		{"date numeric", named, fm("title: t", "publishedDateTime: 1706498340"),
			func(a *Article) any { return a.Published }, day, `publishedDateTime "1706498340" is not a date; using the date in the file name`},
		{"date out of range", named, fm("title: t", "publishedDateTime: 2024-13-45T99:00:00Z"),
			func(a *Article) any { return a.Published }, day, "is not a date"},
		{"date year 10000", named, fm("title: t", "publishedDateTime: 10000-01-01T00:00:00Z"),
			func(a *Article) any { return a.Published }, day, "is not a date"},
		{"date Feb 30", named, fm("title: t", "publishedDateTime: 2024-02-30"),
			func(a *Article) any { return a.Published }, day, "is not a date"},
		{"date zone name", named, fm("title: t", "publishedDateTime: Mon, 29 Jan 2024 03:19:00 EST"),
			func(a *Article) any { return a.Published }, day, "is not a date"},
		{"date list", named, fm("title: t", "publishedDateTime: [2024]"),
			func(a *Article) any { return a.Published }, day, "publishedDateTime (a list) is not a date"},
		{"date bad, no file date", "about.md", fm("title: t", "publishedDateTime: soon"),
			func(a *Article) any { return a.Published }, time.Time{}, `line 3: publishedDateTime "soon" is not a date`},

		// Titles.
		{"title list", named, fm("title:", "  - Part one", "  - Part two"),
			func(a *Article) any { return a.Title }, "Part one, Part two", "title is a list; joined"},
		{"title flow list", named, fm("title: [Google, 2024]"),
			func(a *Article) any { return a.Title }, "Google, 2024", "title is a list; joined"},
		{"title number", named, fm("title: 1984"),
			func(a *Article) any { return a.Title }, "1984", ""},
		{"title float as written", named, fm("title: 3.10"),
			func(a *Article) any { return a.Title }, "3.10", ""},
		{"title bool", named, fm("title: true"),
			func(a *Article) any { return a.Title }, "true", ""},
		{"title empty uses slug", named, fm("title:"),
			func(a *Article) any { return a.Title }, "The slug title", "no title; using the file name"},
		{"title quoted null is text", named, fm(`title: "null"`),
			func(a *Article) any { return a.Title }, "null", ""},
		{"title mapping", named, fm("title:", "  text: x"),
			func(a *Article) any { return a.Title }, "The slug title", "title is a mapping, not text; ignored"},
		{"title block scalar folds", named, fm("title: |", "  line one", "  line two"),
			func(a *Article) any { return a.Title }, "line one line two", ""},
		{"title empty, name", named, fm(`title: ""`, "name: Jane"),
			func(a *Article) any { return a.Title }, "Jane", ""},
		{"keys are case sensitive", named, fm("Title: Wrong case"),
			func(a *Article) any { return a.Title }, "The slug title", "no title"},
		{"title too long", named, fm("title: " + strings.Repeat("x", 5000)),
			func(a *Article) any { return len(a.Title) }, maxLineField + len("…"), "title is longer than 2 KiB; cut"},
		{"title binary", named, fm("title: !!binary SGVsbG8gG1szMW13b3JsZA=="),
			func(a *Article) any { return a.Title }, "Hello [31mworld", ""},
		{"title bad binary", named, fm("title: !!binary '%%%'"),
			func(a *Article) any { return a.Title }, "The slug title", "title is not valid base64"},

		// Numbers and flags.
		{"quality quoted", named, fm("title: t", `quality: "86"`),
			func(a *Article) any { return a.Quality }, int32(86), ""},
		{"quality YAML forms", named, fm("title: t", "quality: 0x10", "heat: 1_000"),
			func(a *Article) any { return [2]int32{a.Quality, a.Heat} }, [2]int32{16, 1000}, ""},
		{"quality with a control character", named, fm("title: t", "quality: \"8\x016\""),
			func(a *Article) any { return a.Quality }, int32(86), ""},
		{"title at the cut with a control character", named, fm("title: \"\x01" + strings.Repeat("x", maxLineField) + "\""),
			func(a *Article) any { return len(a.Title) }, maxLineField, ""},
		{"quality beyond 32 bits saturates", named, fm("title: t", "quality: 99999999999", "heat: -99999999999"),
			func(a *Article) any { return [2]int32{a.Quality, a.Heat} }, [2]int32{2147483647, -2147483648}, ""},
		{"quality fraction", named, fm("title: t", "quality: 86.7"),
			func(a *Article) any { return a.Quality }, int32(86), ""},
		{"quality text", named, fm("title: t", "quality: high"),
			func(a *Article) any { return a.Quality }, 0, `line 3: quality "high" is not a number`},
		{"quality huge", named, fm("title: t", "quality: 1e400"),
			func(a *Article) any { return a.Quality }, 0, "is not a number"},
		{"quality list", named, fm("title: t", "quality: [1]"),
			func(a *Article) any { return a.Quality }, 0, "quality (a list) is not a number"},
		{"isCached yes", named, fm("title: t", "images:", "  - url: u", "    isCached: yes"),
			func(a *Article) any { return a.Detail.Images[0].IsCached }, true, ""},
		{"isCached maybe", named, fm("title: t", "images:", "  - url: u", "    isCached: maybe"),
			func(a *Article) any { return a.Detail.Images[0].IsCached }, false, `isCached "maybe" is not true or false`},

		// Shapes.
		{"provider as text", named, fm("title: t", "provider: Reuters"),
			func(a *Article) any { return a.Provider.Name }, "Reuters", ""},
		{"topics as text", named, fm("title: t", "topics: AI"),
			func(a *Article) any { return a.Topics }, []string{"AI"}, ""},
		{"topics nested", named, fm("title: t", "topics:", "  - AI", "  - [x]"),
			func(a *Article) any { return a.Topics }, []string{"AI"}, "topics holds a nested list or mapping; ignored"},
		{"topics too many", named, fm("title: t", "topics:", strings.Repeat("  - x\n", 250)),
			func(a *Article) any { return len(a.Topics) }, maxListItems, "topics has more than 200 items"},
		{"image as text", named, fm("title: t", "images: https://x.test/a.jpg"),
			func(a *Article) any { return a.Detail.Images }, []Image{{URL: "https://x.test/a.jpg"}}, ""},
		{"related entry not a mapping", named, fm("title: t", "related:", "  - just text", "  - title: ok"),
			func(a *Article) any { return [2]any{a.RelatedCount, a.RelatedTitles().List()} }, [2]any{int32(2), []string{"ok"}}, "related entry is not a mapping; ignored"},
		{"related bad date", named, fm("title: t", "related:", "  - title: r", "    publishedDateTime: never"),
			func(a *Article) any { return a.Detail.Related[0].Published }, time.Time{}, `line 5: related publishedDateTime "never" is not a date`},
		{"excerpt keeps newlines", named, fm("title: t", `excerpt: "one\ntwo\tthree"`),
			func(a *Article) any { return a.Excerpt }, "one\ntwo three", ""},
		{"featuredContent scalar", named, fm("title: t", "featuredContent: <b>hi</b>"),
			func(a *Article) any { return a.Detail.FeaturedContent }, "<b>hi</b>", ""},

		// What the yaml.v3 path ignores, with a warning.
		{"duplicate key last wins", named, fm("title: first", "title: second"),
			func(a *Article) any { return a.Title }, "second", `line 3: duplicate key "title"; the last one is used`},
		{"merge key", named, fm("base: &b {quality: 5}", "<<: *b", "title: t"),
			func(a *Article) any { return a.Quality }, 0, "merge key (<<) ignored"},
		{"complex key", named, fm("extra:", "  ? [a, b]", "  : c", "title: t"),
			func(a *Article) any { return a.Title }, "t", "a key that is not text (a complex key) is ignored"},
		{"second document", named, fm("title: t", "--- second"),
			func(a *Article) any { return a.Title }, "t", "more than one YAML document"},
		{"alias", named, fm("x: &t Shared", "title: *t"),
			func(a *Article) any { return a.Title }, "Shared", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustParse(t, tt.path, tt.src)
			if got := tt.want(a); fmt.Sprint(got) != fmt.Sprint(tt.is) {
				t.Errorf("got %v, want %v", got, tt.is)
			}
			switch {
			case tt.warn == "" && len(a.Warnings()) > 0:
				t.Errorf("unexpected warnings %q", a.Warnings())
			case tt.warn != "" && !hasWarning(a, tt.warn):
				t.Errorf("warnings %q, want one containing %q", a.Warnings(), tt.warn)
			}
		})
	}
}

func TestParseWarningsAreCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("title: t\nrelated:\n")
	for i := 0; i < 100; i++ {
		fmt.Fprintf(&b, "  - title: r%d\n    publishedDateTime: bad\n", i)
	}
	a := mustParse(t, "x.md", fm(b.String()))
	if len(a.Warnings()) != maxWarnings || a.RelatedCount != 100 {
		t.Errorf("%d warnings, %d related; want %d, 100", len(a.Warnings()), a.RelatedCount, maxWarnings)
	}
}
