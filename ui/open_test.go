package ui

import (
	"errors"
	"strings"
	"testing"
)

// failingFirst is an opener whose first browser command failed before the
// second launched, as browser.Opener reports it.
type failingFirst struct{ fakeOpener }

func (o *failingFirst) Open(url string) ([]error, error) {
	_, err := o.fakeOpener.Open(url)
	return []error{errors.New("bad-browser: exit status 3")}, err
}

func TestOpenedOnlyAfterLaunch(t *testing.T) {
	hs := newHarness(t, 120, 40, articles(3))
	// The opener runs in the Cmd: until its outcome arrives, Opening.
	_, cmd := hs.m.Update(keyMsg(hs.keys.OpenBrowser.Keys()[0]))
	if got := lastLines(hs.view(), 2); !strings.Contains(got, "Opening https://news.example/story-0") {
		t.Fatalf("before the launch:\n%s", got)
	}
	if len(hs.opener.urls()) != 0 {
		t.Fatal("the browser started on the Update goroutine")
	}
	hs.run(cmd)
	if got := lastLines(hs.view(), 2); !strings.Contains(got, "Opened https://news.example/story-0") {
		t.Fatalf("after the launch:\n%s", got)
	}
}

func TestOpenNamesFailedBrowser(t *testing.T) {
	hs := newHarness(t, 120, 40, articles(3), func(o *Options) { o.Opener = &failingFirst{} })
	hs.press(hs.keys.OpenBrowser)
	got := lastLines(hs.view(), 2)
	if !strings.Contains(got, "bad-browser: exit status 3") || strings.Contains(got, "Opened") {
		t.Fatalf("status after a failed then working browser:\n%s", got)
	}
	if !hs.m.status.err {
		t.Error("the failure is not shown as an error")
	}
}
