package feed

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// testArticle is an article file for loader tests, rendered in the real
// format.
type testArticle struct {
	title     string
	url       string // webUrl; none when ""
	published string // publishedDateTime; none when ""
	provider  string
	topics    []string
	related   []string // related story URLs
	body      string
}

func (ta testArticle) render() string {
	var b strings.Builder
	b.WriteString("---\ncategory: news\n")
	fmt.Fprintf(&b, "title: %q\n", ta.title)
	if ta.published != "" {
		fmt.Fprintf(&b, "publishedDateTime: %s\n", ta.published)
	}
	if ta.url != "" {
		fmt.Fprintf(&b, "webUrl: %q\n", ta.url)
	}
	b.WriteString("type: article\nquality: 50\nheat: -1\n")
	if ta.provider != "" {
		fmt.Fprintf(&b, "provider:\n  name: %s\n  domain: %s.example\n", ta.provider, strings.ToLower(ta.provider))
	}
	if len(ta.topics) > 0 {
		b.WriteString("topics:\n")
		for _, t := range ta.topics {
			fmt.Fprintf(&b, "  - %s\n", t)
		}
	}
	if len(ta.related) > 0 {
		b.WriteString("related:\n")
		for i, u := range ta.related {
			fmt.Fprintf(&b, "  - title: \"Related story number %d\"\n    webUrl: %q\n", i+1, u)
		}
	}
	b.WriteString("---\n")
	b.WriteString(ta.body)
	return b.String()
}

// write puts files (name -> content) under dir, creating folders.
func write(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func article(title, url, published string) string {
	return testArticle{title: title, url: url, published: published, provider: "Wire", topics: []string{"AI"}}.render()
}

// mustLoad loads srcs and fails the test on an error. A load that does not
// finish within a minute is reported as a hang instead of stalling the
// whole test binary.
func mustLoad(t testing.TB, opt Options, srcs ...Source) *Library {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	lib, err := Load(ctx, srcs, opt)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return lib
}

func titles(arts []*Article) []string {
	out := make([]string, len(arts))
	for i, a := range arts {
		out[i] = a.Title
	}
	return out
}

func problemsByPath(ps []Problem) map[string]Problem {
	m := make(map[string]Problem, len(ps))
	for _, p := range ps {
		m[p.Path] = p
	}
	return m
}

// streamRootErr reads a whole stream and returns the error of a root that
// could not be read, checking that it arrived as data: a skipped entry
// naming the root, in the Done batch, with no article sent.
func streamRootErr(t *testing.T, s *Loading) error {
	t.Helper()
	var last Batch
	for b := range s.Batches() {
		if len(b.Articles) > 0 {
			t.Errorf("a stream whose root cannot be read sent %d articles", len(b.Articles))
		}
		last = b
	}
	<-s.Done()
	if last.rootErr != nil && (!last.Done || len(last.Skipped) != 1) {
		t.Errorf("root error %v: Done %v, Skipped %v; want a Done batch that skips the root", last.rootErr, last.Done, last.Skipped)
	}
	return last.rootErr
}

// someDate dates test articles that need no particular date: a record
// with neither a date nor a link is not an article (see isArticle).
const someDate = "2024-01-01T00:00:00Z"
