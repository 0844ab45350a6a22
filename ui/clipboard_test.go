package ui

import (
	"bytes"
	"strings"
	"testing"

	"github.com/herald-reader/herald/ui/clipboard"
)

func withCopier(c Copier) option { return func(o *Options) { o.Copier = c } }

func TestCopySelectedURLAndPickedLink(t *testing.T) {
	var out bytes.Buffer
	c := clipboard.Copier{Out: &out, NoNative: true, Getenv: func(string) string { return "" }}
	arts := articles(3)
	arts[1].Detail.Body = "See [the docs](https://docs.example/guide) and [more](https://more.example/x)."
	hs := newHarness(t, 120, 30, arts, withCopier(c))
	hs.press(hs.keys.Copy)
	if got, want := out.String(), clipboard.Sequence(arts[0].URL()); got != want {
		t.Fatalf("terminal got %q, want %q", got, want)
	}
	v := hs.view()
	checkScreen(t, v, 120, 30)
	if !strings.Contains(v, "copied "+arts[0].URL()+" (OSC 52)") {
		t.Errorf("status line does not confirm the copy:\n%s", v)
	}

	out.Reset()
	hs.press(hs.keys.Down)
	hs.press(hs.keys.LinkPicker)
	if hs.m.over != linksOverlay {
		t.Fatal("link picker not open")
	}
	hs.press(hs.keys.Down)
	link := hs.m.picker.links[1].URL
	hs.press(hs.keys.Copy)
	if got := out.String(); got != clipboard.Sequence(link) {
		t.Errorf("picker copy wrote %q, want the sequence for %s", got, link)
	}
	if hs.m.over != linksOverlay || !strings.Contains(hs.view(), "copied "+link) {
		t.Errorf("picker closed or no confirmation:\n%s", hs.view())
	}
}

func TestCopyRefusedAndMissing(t *testing.T) {
	arts := articles(2)
	arts[0].WebURL, arts[0].OriginalURL = "https://evil.example/\x1b]0;x\a", ""
	var out bytes.Buffer
	hs := newHarness(t, 80, 24, arts, withCopier(clipboard.Copier{Out: &out, NoNative: true}))
	hs.press(hs.keys.Copy)
	if out.Len() != 0 {
		t.Errorf("unsafe URL written: %q", out.String())
	}
	v := hs.view()
	checkScreen(t, v, 80, 24)
	if !strings.Contains(v, "refusing to copy") {
		t.Errorf("no refusal shown:\n%s", v)
	}
	hs = newHarness(t, 80, 24, articles(1))
	hs.press(hs.keys.Copy)
	if !strings.Contains(hs.view(), "no clipboard") {
		t.Errorf("missing copier not reported:\n%s", hs.view())
	}
}
