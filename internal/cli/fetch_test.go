package cli

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// newsPage is a web page with the story among a navigation bar and
// reader comments.
func newsPage(title, paragraph string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<html><head><title>%s</title></head><body>", title)
	b.WriteString(`<nav><a href="/">Navhome</a> <a href="/world">Navworld</a></nav><article>`)
	fmt.Fprintf(&b, "<h1>%s</h1>", title)
	for i := range 4 {
		fmt.Fprintf(&b, "<p>%s Paragraph %d carries on with enough words to make it a real article's paragraph.</p>", paragraph, i+1)
	}
	b.WriteString(`</article><section class="comments"><p>Commenter says nothing useful.</p></section></body></html>`)
	return b.String()
}

// newsServer serves a news page at /story and a PDF at /report.pdf, and
// counts requests.
func newsServer(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		switch r.URL.Path {
		case "/story":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, newsPage("Welders repaint the cranes", "Forty welders spent two years on the three red cranes."))
		case "/report.pdf":
			w.Header().Set("Content-Type", "application/pdf")
			fmt.Fprint(w, "%PDF-1.7")
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

func fetchLibrary(t *testing.T, base string) string {
	t.Helper()
	dir := t.TempDir()
	art := func(name, title, url string) {
		writeFile(t, filepath.Join(dir, name), fmt.Sprintf("---\ntitle: %q\noriginalUrl: %q\n---\n", title, url))
	}
	art("2026-03-14-cranes.md", "Cranes return", base+"/story")
	art("2026-03-15-cranes-again.md", "Cranes return, saved again", base+"/story")
	art("2026-03-16-report.md", "The annual report", base+"/report.pdf")
	writeFile(t, filepath.Join(dir, "2026-03-17-nolink.md"), "---\ntitle: \"No link at all\"\n---\n")
	return dir
}

// The script the issue asks for: herald fetch, then herald show and a
// search find the page's text, also after the server is gone.
func TestFetchThenShow(t *testing.T) {
	t.Parallel()
	srv, hits := newsServer(t)
	dir := fetchLibrary(t, srv.URL)
	e := newScriptEnv(t)

	code, out, errOut := e.run("fetch", dir)
	if code != exitOK || out != "fetched 1, cached 0, failed 1\n" {
		t.Fatalf("first fetch: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if want := srv.URL + "/report.pdf: not a web page (application/pdf)\n"; errOut != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
	if out := e.mustRun(t, "fetch", dir); out != "fetched 0, cached 1, failed 1\n" {
		t.Errorf("second fetch: %q", out)
	}
	if out := e.mustRun(t, "fetch", "--force", "--jobs", "1", "--query", "cranes", dir); out != "fetched 1, cached 0, failed 0\n" {
		t.Errorf("forced fetch of the cranes: %q", out)
	}
	srv.Close()
	before := hits.Load()

	show := e.mustRun(t, "show", filepath.Join(dir, "2026-03-14-cranes.md"))
	for _, want := range []string{"# Cranes return", "## Full text", "Forty welders spent two years", "Paragraph 4 carries on"} {
		if !strings.Contains(show, want) {
			t.Errorf("show lacks %q:\n%s", want, show)
		}
	}
	for _, not := range []string{"Navworld", "Commenter"} {
		if strings.Contains(show, not) {
			t.Errorf("show has %q, which is not the article:\n%s", not, show)
		}
	}
	if show := e.mustRun(t, "show", filepath.Join(dir, "2026-03-16-report.md")); strings.Contains(show, "Full text") {
		t.Errorf("an article whose page failed shows a full text:\n%s", show)
	}
	list := e.mustRun(t, "list", "--format", "tsv", "--query", "welders", dir)
	if n := strings.Count(list, "\n"); n != 2 || !strings.Contains(list, "Cranes return") {
		t.Errorf("search of the page text: %q", list)
	}

	e.vars["HERALD_OFFLINE"] = "1"
	code, out, errOut = e.run("fetch", "--force", dir)
	if code != exitOK || out != "fetched 0, cached 1, failed 1\n" || !strings.Contains(errOut, "report.pdf: offline") {
		t.Errorf("offline fetch: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if hits.Load() != before {
		t.Error("the network was used after the server stopped or offline")
	}
}

func TestFetchRefusesBadJobs(t *testing.T) {
	t.Parallel()
	e := newScriptEnv(t)
	for _, n := range []string{"0", "65", "-1"} {
		if code, _, errOut := e.run("fetch", "--jobs", n, t.TempDir()); code != exitUsage || !strings.Contains(errOut, "--jobs must be 1 to 64") {
			t.Errorf("--jobs %s: exit %d, stderr %q", n, code, errOut)
		}
	}
}
