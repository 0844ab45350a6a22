package demo

import (
	"bytes"
	"errors"
	"io/fs"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"gopkg.in/yaml.v3"
)

// The test decodes the files with yaml.v3 directly rather than with the
// feed parser, so it checks the demo data on its own: a mistake here is a
// mistake in the articles, not in the parser.

type demoProvider struct {
	Name   string      `yaml:"name"`
	Domain string      `yaml:"domain"`
	Images []demoImage `yaml:"images"`
}

type demoImage struct {
	URL      string `yaml:"url"`
	Width    int    `yaml:"width"`
	Height   int    `yaml:"height"`
	IsCached bool   `yaml:"isCached"`
}

type demoRelated struct {
	Title     string       `yaml:"title"`
	Excerpt   string       `yaml:"excerpt"`
	Published time.Time    `yaml:"publishedDateTime"`
	WebURL    string       `yaml:"webUrl"`
	Type      string       `yaml:"type"`
	Provider  demoProvider `yaml:"provider"`
	Quality   int          `yaml:"quality"`
	Images    []demoImage  `yaml:"images"`
}

type demoArticle struct {
	Category    string        `yaml:"category"`
	Title       string        `yaml:"title"`
	Excerpt     string        `yaml:"excerpt"`
	Published   time.Time     `yaml:"publishedDateTime"`
	OriginalURL string        `yaml:"originalUrl"`
	WebURL      string        `yaml:"webUrl"`
	Type        string        `yaml:"type"`
	Quality     int           `yaml:"quality"`
	Heat        int           `yaml:"heat"`
	Provider    demoProvider  `yaml:"provider"`
	Topics      []string      `yaml:"topics"`
	Images      []demoImage   `yaml:"images"`
	Related     []demoRelated `yaml:"related"`

	name string // file name
	body string // Markdown after the front matter
}

var datedName = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})-[a-z0-9]+(-[a-z0-9]+)*\.md$`)

// loadDemo decodes every demo file, failing the test on the first file
// that is not a well-formed article.
func loadDemo(t *testing.T) []demoArticle {
	t.Helper()
	entries, err := fs.ReadDir(FS(), ".")
	if err != nil {
		t.Fatalf("read demo dir: %v", err)
	}
	var arts []demoArticle
	for _, e := range entries {
		data, err := fs.ReadFile(FS(), e.Name())
		if err != nil {
			t.Fatalf("read %s: %v", e.Name(), err)
		}
		a, err := decode(data)
		if err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		a.name = e.Name()
		arts = append(arts, a)
	}
	return arts
}

func decode(data []byte) (demoArticle, error) {
	var a demoArticle
	rest, ok := bytes.CutPrefix(data, []byte("---\n"))
	if !ok {
		return a, errors.New("no opening ---")
	}
	head, body, ok := bytes.Cut(rest, []byte("\n---\n"))
	if !ok {
		return a, errors.New("no closing ---")
	}
	dec := yaml.NewDecoder(bytes.NewReader(head))
	dec.KnownFields(true) // a misspelt field in our own data is a bug
	if err := dec.Decode(&a); err != nil {
		return a, err
	}
	a.body = string(body)
	return a, nil
}

func TestDemoFileCount(t *testing.T) {
	arts := loadDemo(t)
	if n := len(arts); n < 20 || n > 25 {
		t.Errorf("demo has %d articles, want 20 to 25", n)
	}
}

func TestDemoArticlesAreComplete(t *testing.T) {
	for _, a := range loadDemo(t) {
		m := datedName.FindStringSubmatch(a.name)
		if m == nil {
			t.Errorf("%s: name is not YYYY-MM-DD-slug.md", a.name)
			continue
		}
		day, err := time.Parse(time.DateOnly, m[1])
		if err != nil {
			t.Errorf("%s: bad date in name: %v", a.name, err)
			continue
		}
		if a.Published.IsZero() {
			t.Errorf("%s: no publishedDateTime", a.name)
		} else if got := a.Published.UTC().Format(time.DateOnly); got != m[1] {
			t.Errorf("%s: published %s, but the name says %s", a.name, got, m[1])
		}
		if day.Before(time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)) || day.After(time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("%s: dated %s, want November 2026 up to the 26th", a.name, m[1])
		}
		if strings.TrimSpace(a.Title) == "" || strings.TrimSpace(a.Excerpt) == "" {
			t.Errorf("%s: missing title or excerpt", a.name)
		}
		if a.Provider.Name == "" || !strings.HasSuffix(a.Provider.Domain, ".example") {
			t.Errorf("%s: provider %q (%q) needs a name and an .example domain", a.name, a.Provider.Name, a.Provider.Domain)
		}
		if len(a.Topics) == 0 || a.Type == "" || a.Category == "" {
			t.Errorf("%s: topics %q, type %q, category %q must all be set", a.name, a.Topics, a.Type, a.Category)
		}
		if a.OriginalURL != a.WebURL {
			t.Errorf("%s: originalUrl %q differs from webUrl %q", a.name, a.OriginalURL, a.WebURL)
		}
		if len(a.Related) == 0 {
			t.Errorf("%s: no related stories", a.name)
		}
	}
}

// TestDemoLinksStayOnExampleDomains keeps every address in the demo on a
// reserved domain, so that trying the keys never reaches a real site.
func TestDemoLinksStayOnExampleDomains(t *testing.T) {
	for _, a := range loadDemo(t) {
		urls := []string{a.OriginalURL, a.WebURL}
		imgs := append(append([]demoImage(nil), a.Images...), a.Provider.Images...)
		for _, r := range a.Related {
			urls = append(urls, r.WebURL)
			imgs = append(imgs, r.Images...)
		}
		for _, im := range imgs {
			urls = append(urls, im.URL)
			if im.Width <= 0 || im.Height <= 0 {
				t.Errorf("%s: image %s has size %dx%d", a.name, im.URL, im.Width, im.Height)
			}
		}
		for _, raw := range urls {
			u, err := url.Parse(raw)
			if err != nil || u.Scheme != "https" || !strings.HasSuffix(u.Hostname(), ".example") {
				t.Errorf("%s: %q is not an https URL on an .example domain", a.name, raw)
			}
		}
	}
}

// TestDemoRelatedStoriesAreInTheDemo checks that every related story is
// another demo article (so the jump happens inside Herald) and that the
// entry describes it as it is.
func TestDemoRelatedStoriesAreInTheDemo(t *testing.T) {
	arts := loadDemo(t)
	byURL := map[string]demoArticle{}
	for _, a := range arts {
		byURL[a.WebURL] = a
	}
	for _, a := range arts {
		for _, r := range a.Related {
			target, ok := byURL[r.WebURL]
			switch {
			case !ok:
				t.Errorf("%s: related %q points at %s, which is no demo article", a.name, r.Title, r.WebURL)
			case r.WebURL == a.WebURL:
				t.Errorf("%s: related %q points at the article itself", a.name, r.Title)
			case r.Title != target.Title || r.Provider.Name != target.Provider.Name:
				t.Errorf("%s: related %q (%s) does not match %s (%q, %s)",
					a.name, r.Title, r.Provider.Name, target.name, target.Title, target.Provider.Name)
			}
		}
	}
}

// TestDemoHasAStorySavedTwice keeps the example that story clusters need:
// the same address saved on two different days.
func TestDemoHasAStorySavedTwice(t *testing.T) {
	days := map[string]map[string]bool{}
	for _, a := range loadDemo(t) {
		if days[a.WebURL] == nil {
			days[a.WebURL] = map[string]bool{}
		}
		days[a.WebURL][a.name[:10]] = true
	}
	for _, d := range days {
		if len(d) >= 2 {
			return
		}
	}
	t.Error("no story is saved on two days with the same URL")
}

func TestDemoHasMarkdownBodies(t *testing.T) {
	var bodies int
	var all strings.Builder
	for _, a := range loadDemo(t) {
		if strings.TrimSpace(a.body) != "" {
			bodies++
			all.WriteString(a.body)
		}
	}
	if bodies < 5 {
		t.Errorf("%d articles have a body, want at least 5", bodies)
	}
	for _, want := range []string{"\n## ", "\n- ", "\n| ", "`", "\n> "} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("no body uses the Markdown construct %q", want)
		}
	}
}

// TestDemoHasNoControlCharacters: the demo is shown as is, so it must not
// need the sanitiser (tabs included: they render unevenly).
func TestDemoHasNoControlCharacters(t *testing.T) {
	entries, err := fs.ReadDir(FS(), ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := fs.ReadFile(FS(), e.Name())
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range string(data) {
			if r == unicode.ReplacementChar || (r != '\n' && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r))) {
				t.Errorf("%s: byte %d: control or invalid character %U", e.Name(), i, r)
				break
			}
		}
		if !bytes.HasSuffix(data, []byte("\n")) {
			t.Errorf("%s: no final newline", e.Name())
		}
	}
}
