package ui

import (
	"testing"

	"github.com/herald-reader/herald/config"
)

func TestLayoutAddsUpAtEverySize(t *testing.T) {
	settings := []config.Layout{
		{},
		{SplitAt: 100, ListShare: 0.4},
		{SplitAt: 60, ListShare: 0.2},
		{SplitAt: 150, ListShare: 0.8},
		{SplitAt: 41, ListShare: 0.5},
	}
	for _, s := range settings {
		for w := 1; w <= 300; w++ {
			for h := 1; h <= 100; h++ {
				l := ComputeLayout(w, h, s)
				if l.BodyHeight+l.FooterHeight != h || l.BodyHeight < 1 {
					t.Fatalf("%+v %dx%d: body %d + footer %d != %d", s, w, h, l.BodyHeight, l.FooterHeight, h)
				}
				if l.Split {
					if l.ListWidth+l.SepWidth+l.DetailWidth != w {
						t.Fatalf("%+v %dx%d: %d+%d+%d != %d", s, w, h, l.ListWidth, l.SepWidth, l.DetailWidth, w)
					}
					if l.ListWidth < minPaneWidth || l.DetailWidth < minPaneWidth {
						t.Fatalf("%+v %dx%d: pane narrower than %d: %+v", s, w, h, minPaneWidth, l)
					}
				} else if l.ListWidth != w || l.DetailWidth != w || l.SepWidth != 0 {
					t.Fatalf("%+v %dx%d: single pane %+v", s, w, h, l)
				}
			}
		}
	}
}

func TestLayoutSplitThreshold(t *testing.T) {
	for _, c := range []struct {
		w     int
		split bool
	}{{40, false}, {99, false}, {100, true}, {300, true}} {
		if got := ComputeLayout(c.w, 24, config.Layout{}).Split; got != c.split {
			t.Errorf("width %d: split = %v, want %v", c.w, got, c.split)
		}
	}
	l := ComputeLayout(120, 40, config.Layout{SplitAt: 100, ListShare: 0.4})
	if l.ListWidth != 48 || l.DetailWidth != 71 {
		t.Errorf("120 cols at 0.4: list %d detail %d", l.ListWidth, l.DetailWidth)
	}
	if l := ComputeLayout(80, 24, config.Layout{}); l.FooterHeight != 2 || l.BodyHeight != 22 {
		t.Errorf("80x24 footer/body = %d/%d", l.FooterHeight, l.BodyHeight)
	}
}
