package page

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// waits records the delays a Fetcher asked for instead of sleeping.
type waits struct {
	mu sync.Mutex
	d  []time.Duration
}

func (w *waits) wait(_ context.Context, d time.Duration) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.d = append(w.d, d)
	return nil
}

func newTestFetcher(w *waits) *Fetcher {
	o := FetcherOptions{Version: "v1.2.3 abcdef go1.26", Timeout: 2 * time.Second}
	if w != nil {
		o.Wait = w.wait
	}
	return NewFetcher(o)
}

func fixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// latin1Page is the harbour page re-encoded in ISO-8859-1 with accents.
func latin1Page(meta bool) []byte {
	head := ""
	if meta {
		head = `<meta charset="iso-8859-1">`
	}
	para := strings.Repeat("Le caf\xe9 du port a rouvert ses portes apr\xe8s deux ans de travaux. ", 10)
	return []byte("<html><head>" + head + "<title>Caf\xe9</title></head><body><article><h1>Caf\xe9</h1><p>" + para + "</p></article></body></html>")
}

func TestFetchServes(t *testing.T) {
	var gotUA, gotCookie string
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {
		gotUA, gotCookie = r.UserAgent(), r.Header.Get("Cookie")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(fixture(t, "harbour.html"))
	})
	mux.HandleFunc("/set-cookie", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "track", Value: "me", Path: "/"})
		http.Redirect(w, r, "/ok", http.StatusFound)
	})
	mux.HandleFunc("/xhtml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xhtml+xml")
		w.Write(fixture(t, "orchard.html"))
	})
	mux.HandleFunc("/latin1-header", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=ISO-8859-1")
		w.Write(latin1Page(false))
	})
	mux.HandleFunc("/latin1-meta", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(latin1Page(true))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	f := newTestFetcher(nil)

	p, err := f.Fetch(context.Background(), srv.URL+"/set-cookie")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Text, "three red cranes") || p.URL != srv.URL+"/set-cookie" || p.FinalURL != srv.URL+"/ok" {
		t.Errorf("got %+v", p)
	}
	if gotCookie != "" {
		t.Errorf("a cookie was sent back: %q", gotCookie)
	}
	if !strings.HasPrefix(gotUA, "Herald/v1.2.3 ") {
		t.Errorf("User-Agent %q does not name Herald and its version", gotUA)
	}
	if p, err := f.Fetch(context.Background(), srv.URL+"/xhtml"); err != nil || !strings.Contains(p.Text, "Growers in the upper valley") {
		t.Errorf("xhtml: %v %q", err, p.Text)
	}
	for _, path := range []string{"/latin1-header", "/latin1-meta"} {
		p, err := f.Fetch(context.Background(), srv.URL+path)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if !strings.Contains(p.Text, "Le café du port a rouvert ses portes après deux ans") {
			t.Errorf("%s: not decoded from ISO-8859-1: %q", path, p.Text)
		}
	}
}

func TestFetchRefuses(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", "file:///etc/passwd")
		w.WriteHeader(http.StatusFound)
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := bytes.Repeat([]byte("<p>padding padding padding padding</p>\n"), 1<<10)
		for written := 0; written < 20<<20; written += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/huge-declared", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", "20971520")
		w.Write([]byte("<html>"))
	})
	mux.HandleFunc("/doc.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.7\n..."))
	})
	mux.HandleFunc("/unlabelled.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil // no type: sniffed
		w.Write([]byte("%PDF-1.7\n..."))
	})
	mux.HandleFunc("/paywall", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(fixture(t, "paywall.html"))
	})
	mux.HandleFunc("/gone", http.NotFound)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	w := &waits{}
	f := newTestFetcher(w)
	cases := []struct {
		path string
		want error
		text string
	}{
		{"/loop", ErrTooManyHops, "more than 5 redirects"},
		{"/to-file", ErrScheme, "only http and https"},
		{"/huge", ErrTooLarge, "larger than 5 MB"},
		{"/huge-declared", ErrTooLarge, "larger than 5 MB"},
		{"/doc.pdf", ErrNotWebPage, "not a web page (application/pdf)"},
		{"/unlabelled.pdf", ErrNotWebPage, "not a web page (application/pdf)"},
		{"/paywall", ErrUnreadable, "nothing readable"},
		{"/gone", nil, "HTTP 404 Not Found"},
	}
	for _, c := range cases {
		_, err := f.Fetch(context.Background(), srv.URL+c.path)
		if err == nil || c.want != nil && !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.text) {
			t.Errorf("%s: got %v, want %v (%q)", c.path, err, c.want, c.text)
		}
	}
	if len(w.d) != 0 {
		t.Errorf("final failures were retried: %v", w.d)
	}
	for _, u := range []string{"file:///etc/passwd", "ftp://example.com/x", "javascript:alert(1)"} {
		if _, err := f.Fetch(context.Background(), u); !errors.Is(err, ErrScheme) {
			t.Errorf("%s: got %v, want ErrScheme", u, err)
		}
	}
}

func TestFetchTimesOut(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	f := NewFetcher(FetcherOptions{Timeout: 50 * time.Millisecond})
	if _, err := f.Fetch(context.Background(), srv.URL); err == nil || err.Error() != "timed out" {
		t.Fatalf("slow server: got %v, want timed out", err)
	}
}

func TestFetchRetries(t *testing.T) {
	var mu sync.Mutex
	hits := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		n := hits[r.URL.Path]
		mu.Unlock()
		switch {
		case r.URL.Path == "/busy" && n <= 2:
			w.Header().Set("Retry-After", "7")
			w.WriteHeader(http.StatusTooManyRequests)
		case r.URL.Path == "/busy-long" && n == 1:
			w.Header().Set("Retry-After", "3600")
			w.WriteHeader(http.StatusTooManyRequests)
		case r.URL.Path == "/down":
			w.WriteHeader(http.StatusServiceUnavailable)
		default:
			w.Header().Set("Content-Type", "text/html")
			w.Write(fixture(t, "harbour.html"))
		}
	}))
	defer srv.Close()

	w := &waits{}
	if _, err := newTestFetcher(w).Fetch(context.Background(), srv.URL+"/busy"); err != nil {
		t.Fatal(err)
	}
	if want := []time.Duration{7 * time.Second, 7 * time.Second}; !equalDurations(w.d, want) {
		t.Errorf("429 with Retry-After: waited %v, want %v", w.d, want)
	}

	w = &waits{}
	if _, err := newTestFetcher(w).Fetch(context.Background(), srv.URL+"/busy-long"); err != nil {
		t.Fatal(err)
	}
	if want := []time.Duration{maxRetryAfter}; !equalDurations(w.d, want) {
		t.Errorf("an hour's Retry-After: waited %v, want %v", w.d, want)
	}

	w = &waits{}
	_, err := newTestFetcher(w).Fetch(context.Background(), srv.URL+"/down")
	if err == nil || !strings.Contains(err.Error(), "HTTP 503") {
		t.Errorf("503: got %v", err)
	}
	if want := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second}; !equalDurations(w.d, want) {
		t.Errorf("503: waited %v, want backoff %v", w.d, want)
	}
	if hits["/down"] != 1+maxRetries {
		t.Errorf("503: %d attempts, want %d", hits["/down"], 1+maxRetries)
	}
}

func equalDurations(a, b []time.Duration) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	for v, want := range map[string]time.Duration{
		"":                              0,
		"soon":                          0,
		"120":                           2 * time.Minute,
		"Thu, 01 Jan 2026 12:00:30 GMT": 30 * time.Second,
	} {
		if got := parseRetryAfter(v, now); got != want {
			t.Errorf("Retry-After %q: got %v, want %v", v, got, want)
		}
	}
}

// At most two requests reach one host at a time, however many fetches run.
func TestFetchTwoConnectionsPerHost(t *testing.T) {
	var mu sync.Mutex
	inFlight, most := 0, 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		inFlight++
		most = max(most, inFlight)
		mu.Unlock()
		time.Sleep(20 * time.Millisecond) // long enough for the others to pile up
		mu.Lock()
		inFlight--
		mu.Unlock()
		w.Header().Set("Content-Type", "text/html")
		w.Write(fixture(t, "harbour.html"))
	}))
	defer srv.Close()
	f := newTestFetcher(nil)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			if _, err := f.Fetch(context.Background(), srv.URL+"/"+string(rune('a'+i))); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if most > perHost {
		t.Errorf("%d requests at once to one host, want at most %d", most, perHost)
	}
}
