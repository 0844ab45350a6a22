package ui

import (
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/herald-reader/herald/feed"
)

func click(x, y int) tea.MouseMsg {
	return tea.MouseMsg{X: x, Y: y, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress}
}

func wheel(x, y int, down bool) tea.MouseMsg {
	b := tea.MouseButtonWheelUp
	if down {
		b = tea.MouseButtonWheelDown
	}
	return tea.MouseMsg{X: x, Y: y, Button: b, Action: tea.MouseActionPress}
}

func TestMouseClickSelectsRowAndWheelScrollsPaneUnderPointer(t *testing.T) {
	hs := newHarness(t, 120, 30, articles(30))
	// Rows are two lines under the one-line header: line 5 is the third.
	hs.send(click(3, 5))
	if hs.selected() != "Story number 2" {
		t.Fatalf("click selected %q", hs.selected())
	}
	hs.send(wheel(3, 5, true))
	if hs.selected() != "Story number 3" {
		t.Errorf("wheel over the list: cursor on %q", hs.selected())
	}
	// With the timeline shown the rows start two lines lower.
	hs.press(hs.keys.Timeline)
	hs.send(click(3, 3))
	if hs.selected() != "Story number 0" {
		t.Errorf("click under the timeline selected %q", hs.selected())
	}
	// The wheel over the detail pane scrolls it, not the list.
	hs.m.detail.setContent(strings.Repeat("line\n", 100))
	hs.send(wheel(80, 10, true))
	if hs.m.detail.vp.YOffset != wheelLines || hs.selected() != "Story number 0" {
		t.Errorf("wheel over the detail: offset %d, cursor %q", hs.m.detail.vp.YOffset, hs.selected())
	}
	// Nothing happens under an overlay.
	hs.press(hs.keys.Help)
	hs.send(click(3, 7))
	if hs.selected() != "Story number 0" {
		t.Error("a click went through the help overlay")
	}
}

func TestMouseClickOnNumberedLinkOpensIt(t *testing.T) {
	arts := articles(3)
	arts[0].Detail.Body = "Read [the report](https://report.example/a) first."
	hs := newHarness(t, 120, 40, arts, withRenderer(realRenderer(t)))
	l := hs.m.layout
	lines := strings.Split(hs.view(), "\n")
	for y, line := range lines[:l.BodyHeight] {
		detail := ansi.Cut(line, l.ListWidth+l.SepWidth, l.Width)
		i := strings.Index(ansi.Strip(detail), "[1]")
		if i < 0 {
			continue
		}
		x := l.ListWidth + l.SepWidth + ansi.StringWidth(ansi.Strip(detail)[:i]) + 1
		want := hs.m.detail.links[0]
		if want.N != 1 {
			t.Fatalf("links %v", hs.m.detail.links)
		}
		hs.send(click(x, y))
		if got := hs.opener.urls(); len(got) != 1 || got[0] != want.URL {
			t.Fatalf("click on [1] at %d,%d opened %v", x, y, got)
		}
		return
	}
	t.Fatalf("no [1] in the detail pane:\n%s", hs.view())
}

func TestMouseClickOnBodyLink(t *testing.T) {
	arts := articles(3)
	arts[0].Detail.Body = "Read [the report](https://report.example/a) first."
	hs := newHarness(t, 120, 40, arts, withRenderer(realRenderer(t)))
	n := 0
	for _, l := range hs.m.detail.links {
		if l.URL == "https://report.example/a" {
			n = l.N
		}
	}
	ref := "[" + strconv.Itoa(n) + "]"
	l := hs.m.layout
	for y, line := range strings.Split(hs.view(), "\n")[:l.BodyHeight] {
		plain := ansi.Strip(ansi.Cut(line, l.ListWidth+l.SepWidth, l.Width))
		if i := strings.Index(plain, ref); n > 0 && i >= 0 {
			hs.send(click(l.ListWidth+l.SepWidth+ansi.StringWidth(plain[:i]), y))
			if got := hs.opener.urls(); len(got) != 1 || got[0] != "https://report.example/a" {
				t.Fatalf("click on %s opened %v", ref, got)
			}
			return
		}
	}
	t.Fatalf("no %s for the body link on screen:\n%s", ref, hs.view())
}

// TestMouseClickOnArticleNumberOpensNothing: a "[1]" the article wrote is
// not a link, even though link 1 exists.
func TestMouseClickOnArticleNumberOpensNothing(t *testing.T) {
	hs := newHarness(t, 140, 40, forgedNumbers(), withRenderer(realRenderer(t)))
	l := hs.m.layout
	clicked := 0
	for y, line := range strings.Split(hs.view(), "\n")[:l.BodyHeight] {
		plain := ansi.Strip(ansi.Cut(line, l.ListWidth+l.SepWidth, l.Width))
		for _, forged := range []string{"Forged [1]", "cites [1]", "citing [2]"} {
			if i := strings.Index(plain, forged); i >= 0 {
				i += len(forged) - 3
				hs.send(click(l.ListWidth+l.SepWidth+ansi.StringWidth(plain[:i])+1, y))
				clicked++
				if got := hs.opener.urls(); len(got) != 0 {
					t.Fatalf("click on the article's own %q opened %v", forged, got)
				}
			}
		}
	}
	if clicked < 2 {
		t.Fatalf("the article's numbers are not on screen:\n%s", hs.view())
	}
}

// TestMouseClickOnNumberBelowLeadImage: the lead image's lines above the
// text do not move where Herald's link numbers are clicked.
func TestMouseClickOnNumberBelowLeadImage(t *testing.T) {
	arts := articles(3)
	arts[0].Detail.Images = []feed.Image{{URL: "https://img.example/lead.png"}}
	src := &fakeImages{data: map[string][]byte{"https://img.example/lead.png": redPNG(t, 200, 100)}}
	hs := newHarness(t, 120, 40, arts, withRenderer(realRenderer(t)), withImages(src, 8))
	if hs.m.detail.bodyTop == 0 {
		t.Fatalf("no lead image above the text:\n%s", hs.view())
	}
	l := hs.m.layout
	for y, line := range strings.Split(hs.view(), "\n")[:l.BodyHeight] {
		plain := ansi.Strip(ansi.Cut(line, l.ListWidth+l.SepWidth, l.Width))
		if i := strings.Index(plain, "[1]"); i >= 0 {
			hs.send(click(l.ListWidth+l.SepWidth+ansi.StringWidth(plain[:i])+1, y))
			if got := hs.opener.urls(); len(got) != 1 || got[0] != hs.m.detail.links[0].URL {
				t.Fatalf("click on [1] below the image opened %v", got)
			}
			return
		}
	}
	t.Fatalf("no [1] on screen:\n%s", hs.view())
}
