package feed

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/herald-reader/herald/feed/internal/seedlike"
	"github.com/herald-reader/herald/internal/textsafe"
)

// parseBoth parses data through Parse (fast decoder when it can) and
// through the yaml.v3 path, requires the two to agree, checks every string
// is clean, and returns the article.
func parseBoth(t *testing.T, path string, data []byte) (*Article, error) {
	t.Helper()
	a, err := Parse(path, data)
	b, errB := parse(path, data, parseOptions{full: true, noFast: true})
	if !reflect.DeepEqual(a, b) || !reflect.DeepEqual(err, errB) {
		t.Fatalf("fast and yaml.v3 paths disagree on %s:\nfast: %+v %v\nyaml: %+v %v", path, a, err, b, errB)
	}
	if err != nil {
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("error is %T, want *ParseError: %v", err, err)
		}
		checkReason(t, pe)
		return nil, err
	}
	assertClean(t, a)
	return a, nil
}

func mustParse(t *testing.T, path, src string) *Article {
	t.Helper()
	a, err := parseBoth(t, path, []byte(src))
	if err != nil {
		t.Fatalf("Parse(%s): %v", path, err)
	}
	return a
}

func mustFail(t *testing.T, path, src string) *ParseError {
	t.Helper()
	a, err := parseBoth(t, path, []byte(src))
	if err == nil {
		t.Fatalf("Parse(%s) = %+v, want an error", path, a)
	}
	var pe *ParseError
	errors.As(err, &pe)
	return pe
}

func checkReason(t *testing.T, pe *ParseError) {
	t.Helper()
	if len(pe.Reason) > 160 || pe.Reason == "" || textsafe.Line(pe.Reason) != pe.Reason {
		t.Errorf("reason not short and clean: %q", pe.Reason)
	}
}

// assertClean fails when a string anywhere in a holds what must never
// reach a terminal, checked rune by rune independently of textsafe.Sanitize.
func assertClean(t *testing.T, a *Article) {
	t.Helper()
	multi := map[string]bool{"Body": true, "Excerpt": true, "FeaturedContent": true}
	var walk func(v reflect.Value, name string)
	walk = func(v reflect.Value, name string) {
		switch v.Kind() {
		case reflect.String:
			if bad := badRune(v.String(), multi[name]); bad != "" {
				t.Errorf("%s holds %s: %q", name, bad, v.String())
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i), name)
			}
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i), v.Type().Field(i).Name)
				}
			}
		}
	}
	walk(reflect.ValueOf(a).Elem(), "Article")
}

func badRune(s string, multiline bool) string {
	if !utf8.ValidString(s) {
		return "invalid UTF-8"
	}
	for _, r := range s {
		switch {
		case r == '\n' && !multiline:
			return "a newline"
		case r < 0x20 && r != '\n', r == 0x7f:
			return "a C0 control or DEL"
		case r >= 0x80 && r <= 0x9f:
			return "a C1 control"
		case unicode.Is(unicode.Cf, r) && r != 0x200c && r != 0x200d:
			return "an invisible format character"
		}
	}
	return ""
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "parse", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestParseKitchenSink(t *testing.T) {
	const name = "2024-02-01-kitchen-sink.md"
	a, err := parseBoth(t, name, readFixture(t, name))
	if err != nil {
		t.Fatal(err)
	}
	check := func(field string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %#v, want %#v", field, got, want)
		}
	}
	check("Title", a.Title, `Kitchen Sink: "Every" Field`)
	check("Excerpt", a.Excerpt, "It's all here: quotes, “curly quotes”, and a # that is not a comment.")
	check("Published", a.Published, time.Date(2024, 2, 1, 9, 30, 0, 0, time.UTC))
	check("Category", a.Category, "news")
	check("OriginalURL", a.OriginalURL, "https://www.example.com/2024/02/01/kitchen-sink/?utm_source=feed")
	check("WebURL", a.WebURL, "https://www.example.com/2024/02/01/kitchen-sink/")
	check("Type", a.Type, "article")
	check("Quality", a.Quality, int32(86))
	check("Heat", a.Heat, int32(412))
	check("Provider", a.Provider, Provider{Name: "Example News", Domain: "example.com"})
	check("Detail", *a.Detail, ArticleDetail{
		Body:         "The **body** is Markdown.\n\n- a list item",
		AmpWebURL:    "https://www.example.com/2024/02/01/kitchen-sink/amp/",
		CDNAmpWebURL: "https://www-example-com.cdn.ampproject.org/c/s/www.example.com/2024/02/01/kitchen-sink/amp/",
		ProviderImages: []Image{
			{URL: "https://everyday-cc.github.io/ai/assets/images/organizations/example.com-50x50.jpg", Width: 50, Height: 50}},
		FeaturedContent: "headline: Featured\nitems:\n  - one\n  - two",
		Images: []Image{
			{URL: "https://example.com/img/kitchen.jpg", Width: 1200, Height: 628, Title: "The kitchen", IsCached: true},
			{URL: "https://example.com/img/sink.png", Width: 640, Height: 360}},
		Related: []Related{{
			Title:        "A related story",
			Excerpt:      "Its excerpt.",
			Published:    time.Date(2024, 1, 31, 12, 0, 0, 0, time.UTC),
			WebURL:       "https://other.example.org/related-story",
			AmpWebURL:    "https://other.example.org/related-story/amp",
			CDNAmpWebURL: "https://other-example-org.cdn.ampproject.org/c/s/other.example.org/related-story/amp",
			Type:         "article",
			Provider:     Provider{Name: "Other", Domain: "other.example.org"},
			Quality:      40,
			Images:       []Image{{URL: "https://other.example.org/pic.jpg", Width: 800, Height: 450, IsCached: true}},
		}, {
			Title:     "Another one",
			Published: time.Date(2024, 1, 30, 8, 15, 0, 0, time.UTC),
			WebURL:    "https://third.example.net/another",
			Type:      "video",
			Provider:  Provider{Name: "Third", Domain: "third.example.net"},
			Quality:   12,
		}},
	})
	check("Topics", a.Topics, []string{"AI", "Machine Learning"})
	check("Tags", a.Tags, []string{"llm", "open-source"})
	check("RelatedCount", a.RelatedCount, int32(2))
	check("RelatedTitles", a.RelatedTitles().List(), []string{"A related story", "Another one"})
	check("RelatedIDs", a.RelatedIDList(), []string{URLID("https://other.example.org/related-story"), URLID("https://third.example.net/another")})
	check("Body", a.Detail.Body, "The **body** is Markdown.\n\n- a list item")
	check("ID", a.ID, URLID(a.OriginalURL))
	check("Full", a.Full(), true)
	check("Path", a.Path, name)
	check("Warnings", a.Warnings(), []string(nil))
	if strings.Contains(strings.ToLower(a.Detail.Body+a.Detail.FeaturedContent), "bm90") {
		t.Error("secured leaked into the article")
	}
}

func TestParseSummaryIsSummarizedParse(t *testing.T) {
	const name = "2024-02-01-kitchen-sink.md"
	data := readFixture(t, name)
	full, err := Parse(name, data)
	if err != nil {
		t.Fatal(err)
	}
	full.Summarize()
	sum, err := ParseSummary(name, data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(sum, full) {
		t.Errorf("ParseSummary = %+v\nwant Parse+Summarize = %+v", sum, full)
	}
}

// Files of other kinds found in a site checkout load with a sensible title.
func TestParseOtherKinds(t *testing.T) {
	tests := []struct {
		file, title string
		published   time.Time
		warn        string
		body        string
	}{
		{"2024-02-02-name-not-title.md", "Jane Doe", time.Date(2024, 2, 2, 0, 0, 0, 0, time.UTC), "", "{{ page.bio }}"}, // an HTML body, read as Markdown (issue 11)
		{"2024-02-03-ai-summit.md", "AI Summit 2024", time.Date(2024, 2, 3, 0, 0, 0, 0, time.UTC), "", ""},
		{"2024-02-04-about.md", "About", time.Date(2024, 2, 4, 0, 0, 0, 0, time.UTC), "no title; using the file name", "{% include header.html %}"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			a, err := parseBoth(t, tt.file, readFixture(t, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.title || !a.Published.Equal(tt.published) {
				t.Errorf("title %q published %v, want %q %v", a.Title, a.Published, tt.title, tt.published)
			}
			if tt.warn == "" && len(a.Warnings()) > 0 || tt.warn != "" && !slices.Contains(a.Warnings(), tt.warn) {
				t.Errorf("warnings %q, want %q", a.Warnings(), tt.warn)
			}
			if !strings.HasPrefix(a.Detail.Body, tt.body) {
				t.Errorf("body %q, want it to start with %q", a.Detail.Body, tt.body)
			}
		})
	}
}

// The same article written with CRLF line ends, a BOM, no newline after
// the closing line or "..." as the closing line parses the same.
func TestParseLineEndingsAndBOM(t *testing.T) {
	const name = "2024-02-01-kitchen-sink.md"
	base := readFixture(t, name)
	want := mustParse(t, name, string(base))
	body := "\n\nThe **body** is Markdown.\n\n- a list item\n"
	noBody := strings.Replace(string(base), "---\n"+strings.TrimPrefix(body, "\n"), "---", 1)
	variants := map[string]string{
		"CRLF":                strings.ReplaceAll(string(base), "\n", "\r\n"),
		"BOM":                 "\ufeff" + string(base),
		"BOM+CRLF":            "\ufeff" + strings.ReplaceAll(string(base), "\n", "\r\n"),
		"dots close":          strings.Replace(string(base), "\n---\n\nThe", "\n...\n\nThe", 1),
		"blanks after ---":    strings.Replace(strings.Replace(string(base), "---\n", "--- \t\n", 1), "\n---\n", "\n---  \n", 1),
		"no newline at close": noBody,
	}
	for name2, src := range variants {
		t.Run(name2, func(t *testing.T) {
			got := mustParse(t, name, src)
			if name2 == "no newline at close" {
				want, detail := *want, *want.Detail
				detail.Body, want.Detail = "", &detail
				if !reflect.DeepEqual(got, &want) {
					t.Errorf("got %+v\nwant %+v", got, want)
				}
				return
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got %+v\nwant %+v", got, want)
			}
		})
	}
}

func TestDateFromName(t *testing.T) {
	tests := []struct {
		name string
		want time.Time
		ok   bool
	}{
		{"2024-01-29-google.md", time.Date(2024, 1, 29, 0, 0, 0, 0, time.UTC), true},
		{"news/_archive/2019-12-23-x.markdown", time.Date(2019, 12, 23, 0, 0, 0, 0, time.UTC), true},
		{"2024-01-29.md", time.Date(2024, 1, 29, 0, 0, 0, 0, time.UTC), true},
		{"2024-02-30-no-such-day.md", time.Time{}, false},
		{"2024-01-290-x.md", time.Time{}, false},
		{"about.md", time.Time{}, false},
		{"", time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := DateFromName(tt.name)
		if !got.Equal(tt.want) || ok != tt.ok {
			t.Errorf("DateFromName(%q) = %v, %v; want %v, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseErrorText(t *testing.T) {
	if got := (&ParseError{Line: 7, Reason: "bad"}).Error(); got != "line 7: bad" {
		t.Errorf("got %q", got)
	}
	if got := (&ParseError{Reason: "bad"}).Error(); got != "bad" {
		t.Errorf("got %q", got)
	}
}

// Parse must not keep references to the bytes it was given: a loader
// reuses its read buffer for the next file.
func TestParseKeepsNoReferenceToData(t *testing.T) {
	const name = "2024-02-01-kitchen-sink.md"
	for _, data := range [][]byte{readFixture(t, name), seedlike.File(7)} {
		for _, p := range []func(string, []byte) (*Article, error){Parse, ParseSummary} {
			buf := slices.Clone(data)
			a, err := p(name, buf)
			if err != nil {
				t.Fatal(err)
			}
			for i := range buf {
				buf[i] = 'X'
			}
			want, _ := p(name, data)
			if !reflect.DeepEqual(a, want) {
				t.Fatalf("article changed with the buffer:\n%+v\nwant %+v", a, want)
			}
		}
	}
}

// TestWorkerSummaryKeepsNothingOfTheReadBuffer: a loader's worker parses
// into its reused read buffer without cloning the text (compactSummary
// copies what the summary keeps), so nothing of the summary may change
// when the buffer is overwritten by the next file.
func TestWorkerSummaryKeepsNothingOfTheReadBuffer(t *testing.T) {
	const name = "2024-02-01-kitchen-sink.md"
	for _, data := range [][]byte{readFixture(t, name), seedlike.File(7)} {
		e := &loadEntry{src: &Source{root: "lib"}, rel: name, path: "lib/" + name}
		buf := slices.Clone(data)
		got := newLoadWorker(nil).parse(e, buf, fileKey{1, 2})
		for i := range buf {
			buf[i] = 'X'
		}
		want := newLoadWorker(nil).parse(e, slices.Clone(data), fileKey{1, 2})
		if got.a == nil || want.a == nil {
			t.Fatalf("not parsed: %+v %+v", got.prob, want.prob)
		}
		if !slices.Equal(got.a.RelatedTitles().List(), want.a.RelatedTitles().List()) {
			t.Fatalf("the related titles changed with the read buffer: %q, want %q", got.a.RelatedTitles(), want.a.RelatedTitles())
		}
		got.a.SetRelatedTitles(want.a.RelatedTitles()) // the same, in each worker's table
		if !reflect.DeepEqual(got.a, want.a) {
			t.Fatalf("the summary changed with the read buffer:\n%+v\nwant %+v", got.a, want.a)
		}
	}
}
