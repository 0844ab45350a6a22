package page

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// Online, a fetched page is kept and searchable at once; offline, kept
// pages still come back and nothing else touches the network.
func TestSourceOnlineAndOffline(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "text/html")
		w.Write(fixture(t, "harbour.html"))
	}))
	defer srv.Close()
	store := OpenStore(t.TempDir(), 0)
	online := NewSource(store, newTestFetcher(nil))
	if online.Text(srv.URL+"/a") != "" {
		t.Fatal("text before any fetch")
	}
	p, err := online.Fetch(context.Background(), srv.URL+"/a")
	if err != nil || !strings.Contains(p.Text, "three red cranes") {
		t.Fatalf("fetch: %v", err)
	}
	if !strings.Contains(online.Text(srv.URL+"/a"), "three red cranes") {
		t.Error("a fetched page's text is not searchable at once")
	}

	before := hits.Load()
	offline := NewSource(store, nil)
	if p, err := offline.Fetch(context.Background(), srv.URL+"/a"); err != nil || p == nil {
		t.Errorf("offline, a kept page: %v", err)
	}
	if _, err := offline.Fetch(context.Background(), srv.URL+"/b"); !errors.Is(err, ErrOffline) {
		t.Errorf("offline, a page not kept: got %v, want ErrOffline", err)
	}
	if p, _ := offline.Cached(srv.URL + "/a"); p == nil || !strings.Contains(offline.Text(srv.URL+"/a"), "three red cranes") {
		t.Error("offline, the kept page is not read or searched")
	}
	if hits.Load() != before {
		t.Error("offline touched the network")
	}
}
