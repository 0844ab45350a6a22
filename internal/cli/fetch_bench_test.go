package cli

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkFetch500 is `herald fetch --jobs 8` of 500 articles whose pages
// a local server serves (all on one host, so two connections at a time):
// the budget is 10 s. Each round starts with an empty page cache.
func BenchmarkFetch500(b *testing.B) {
	const n = 500
	body := newsPage("A story of the day", strings.Repeat("The council met again to read the figures line by line. ", 20))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	}))
	defer srv.Close()
	dir := b.TempDir()
	for i := range n {
		writeFile(b, filepath.Join(dir, fmt.Sprintf("2026-03-%02d-story-%d.md", 1+i%28, i)),
			fmt.Sprintf("---\ntitle: \"Story %d\"\noriginalUrl: %q\n---\n", i, fmt.Sprintf("%s/story/%d", srv.URL, i)))
	}
	want := fmt.Sprintf("fetched %d, cached 0, failed 0\n", n)
	for b.Loop() {
		e := newScriptEnv(b)
		var out, errOut bytes.Buffer
		if code := runEnv([]string{"fetch", "--jobs", "8", dir}, e.getenv, &out, &errOut); code != 0 || out.String() != want {
			b.Fatalf("exit %d, stdout %q, stderr %.500s", code, out.String(), errOut.String())
		}
	}
}
