package ui

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func withStatusTTL(d time.Duration) option { return func(o *Options) { o.StatusTTL = d } }

func TestStatusMessageExpires(t *testing.T) {
	hs := newHarness(t, 120, 40, articles(3), withStatusTTL(time.Millisecond))
	// The message gets its timer from the Update that set it.
	_, cmd := hs.m.Update(keyMsg(hs.keys.Sort.Keys()[0]))
	if got := lastLines(hs.view(), 2); !strings.Contains(got, "Sorted by") {
		t.Fatalf("no message:\n%s", got)
	}
	hs.run(cmd)
	if got := lastLines(hs.view(), 2); strings.Contains(got, "Sorted by") {
		t.Fatalf("message did not expire:\n%s", got)
	}
}

func TestStatusExpiryDropsOnlyItsMessage(t *testing.T) {
	hs := newHarness(t, 120, 40, articles(3))
	hs.m.status.set("first")
	gen := hs.m.status.gen
	hs.m.status.set("second")
	hs.send(statusExpiredMsg{gen: gen})
	if hs.m.status.text != "second" {
		t.Fatalf("an old timer cleared the new message: %q", hs.m.status.text)
	}
	hs.send(statusExpiredMsg{gen: hs.m.status.gen})
	if hs.m.status.text != "" {
		t.Fatalf("its own timer left %q", hs.m.status.text)
	}
}

func TestStatusErrorStaysUntilNextKey(t *testing.T) {
	hs := newHarness(t, 120, 40, articles(3), withStatusTTL(time.Millisecond))
	hs.send(openedMsg{url: "https://x.example/", err: errors.New("open link: firefox: not found")})
	hs.send(statusExpiredMsg{gen: hs.m.status.gen})
	if got := lastLines(hs.view(), 2); !strings.Contains(got, "firefox: not found") {
		t.Fatalf("error expired:\n%s", got)
	}
	hs.press(hs.keys.Down)
	if got := lastLines(hs.view(), 2); strings.Contains(got, "firefox: not found") {
		t.Fatalf("error stayed after the next key:\n%s", got)
	}
}

func TestStatusQuestionDoesNotExpire(t *testing.T) {
	st := newFakeStore()
	hs := newHarness(t, 120, 40, articles(3), withStore(st))
	hs.press(hs.keys.MarkAllRead)
	hs.send(statusExpiredMsg{gen: hs.m.status.gen})
	if got := lastLines(hs.view(), 2); !strings.Contains(got, "read? y/n") {
		t.Fatalf("the question expired while waiting:\n%s", got)
	}
}

func TestClearingFilterClearsItsMessage(t *testing.T) {
	hs := newHarness(t, 120, 40, articles(3))
	hs.run(hs.m.appendTerm("topic:AI"))
	if got := lastLines(hs.view(), 2); !strings.Contains(got, "Filter: topic:AI") {
		t.Fatalf("no filter message:\n%s", got)
	}
	hs.press(hs.keys.Back)
	if got := lastLines(hs.view(), 2); strings.Contains(got, "Filter:") {
		t.Fatalf("message about a cleared filter stayed:\n%s", got)
	}
}
