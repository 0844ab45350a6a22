package timeline

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

func date(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t, err = time.Parse(time.DateOnly, s)
	}
	if err != nil {
		panic(err)
	}
	return t
}

// sample is 340 articles from 2024-01-02 to 2024-03-01 with a weekly rhythm
// (fewer at weekends), a quiet week in February and a busy day, plus three
// undated ones, like a real library's filter results.
func sample() []time.Time {
	var out []time.Time
	start := date("2024-01-02")
	for d := 0; d < 60; d++ {
		day := start.AddDate(0, 0, d)
		if day.After(date("2024-02-11")) && day.Before(date("2024-02-19")) {
			continue // a quiet week
		}
		n := 8
		if wd := day.Weekday(); wd == time.Saturday || wd == time.Sunday {
			n = 2
		}
		if d == 30 {
			n = 24 // a busy day
		}
		for i := range n {
			out = append(out, day.Add(time.Duration(i)*time.Hour))
		}
	}
	if len(out) < 337 {
		panic(fmt.Sprintf("sample has %d dates", len(out)))
	}
	out = out[:337]
	out[len(out)-1] = date("2024-03-01T23:59:59Z")
	return append(out, time.Time{}, time.Time{}, time.Time{})
}

func TestGolden(t *testing.T) {
	for _, plain := range []bool{false, true} {
		for _, width := range []int{40, 100} {
			t.Run(fmt.Sprintf("plain=%v/width=%d", plain, width), func(t *testing.T) {
				golden.RequireEqual(t, []byte(Render(sample(), width, plain)+"\n"))
			})
		}
	}
}

func TestBuildBuckets(t *testing.T) {
	days := func(ss ...string) []time.Time {
		var out []time.Time
		for _, s := range ss {
			out = append(out, date(s))
		}
		return out
	}
	tests := []struct {
		name   string
		dates  []time.Time
		width  int
		per    int
		counts []int
	}{
		{"a day per column when the range fits", days("2024-01-01", "2024-01-03", "2024-01-03T23:00:00Z"), 10, 1, []int{1, 0, 2}},
		{"exactly the width", days("2024-01-01", "2024-01-04"), 4, 1, []int{1, 0, 0, 1}},
		{"one day more than the width: two days a column", days("2024-01-01", "2024-01-05"), 4, 2, []int{1, 0, 1}},
		{"ten days in three columns", days("2024-01-01", "2024-01-04", "2024-01-07", "2024-01-10"), 3, 4, []int{2, 1, 1}},
		{"order does not matter", days("2024-01-10", "2024-01-01", "2024-01-07", "2024-01-04"), 3, 4, []int{2, 1, 1}},
		{"before 1970", days("1969-12-31T23:00:00Z", "1970-01-01T01:00:00Z"), 5, 1, []int{1, 1}},
		{"one column", days("2024-01-01", "2024-12-31"), 1, 366, []int{2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := Build(tt.dates, tt.width)
			if h.DaysPerColumn != tt.per || !slices.Equal(h.Counts, tt.counts) {
				t.Errorf("per %d counts %v, want per %d counts %v", h.DaysPerColumn, h.Counts, tt.per, tt.counts)
			}
			if len(h.Counts) > tt.width {
				t.Errorf("%d columns for width %d", len(h.Counts), tt.width)
			}
		})
	}
}

func TestBuildKeepsEveryArticle(t *testing.T) {
	dates := sample()
	for width := 1; width <= 120; width++ {
		h := Build(dates, width)
		sum := 0
		for _, c := range h.Counts {
			sum += c
		}
		if sum != 337 || h.Dated != 337 || h.Undated != 3 {
			t.Fatalf("width %d: counts sum %d, dated %d, undated %d", width, sum, h.Dated, h.Undated)
		}
		if h.Counts[0] == 0 || h.Counts[len(h.Counts)-1] == 0 {
			t.Fatalf("width %d: an empty first or last column: %v", width, h.Counts)
		}
		if !h.From.Equal(date("2024-01-02")) || !h.To.Equal(date("2024-03-01")) {
			t.Fatalf("width %d: range %v .. %v", width, h.From, h.To)
		}
	}
}

func TestRenderSmallInputs(t *testing.T) {
	tests := []struct {
		name  string
		dates []time.Time
		want  string
	}{
		{"nothing", nil, "\nno articles"},
		{"only undated", []time.Time{{}, {}}, "\n2 articles, none dated"},
		{"a single day", []time.Time{date("2024-01-02T08:00:00Z"), date("2024-01-02T20:00:00Z")}, "█\n2024-01-02, 2 articles"},
		{"one article", []time.Time{date("2024-01-02")}, "█\n2024-01-02, 1 article"},
		{"a gap and a peak", []time.Time{date("2024-01-01"), date("2024-01-03"), date("2024-01-03"), date("2024-01-03"), date("2024-01-03")},
			"▂ █\n2024-01-01 .. 2024-01-03, 5 articles"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Render(tt.dates, 60, false); got != tt.want {
				t.Errorf("Render = %q, want %q", got, tt.want)
			}
		})
	}
	if got := Render(sample(), 0, false); got != "" {
		t.Errorf("width 0: %q", got)
	}
	// Narrow widths get shorter labels, never a number cut short.
	for width, want := range map[int]string{
		30: "2024-01-02..2024-03-01 340",
		22: "2024-01-02..2024-03-01",
		12: "340 articles",
		3:  "340",
		2:  "",
	} {
		if _, got, _ := strings.Cut(Render(sample(), width, true), "\n"); got != want {
			t.Errorf("width %d: label %q, want %q", width, got, want)
		}
	}
}

func TestRenderLevels(t *testing.T) {
	var dates []time.Time
	for d := range 8 { // day d has d+1 articles: every level once
		for range d + 1 {
			dates = append(dates, date("2024-01-01").AddDate(0, 0, d))
		}
	}
	spark, _, _ := strings.Cut(Render(dates, 8, false), "\n")
	if spark != Bars {
		t.Errorf("levels = %q, want %q", spark, Bars)
	}
	spark, _, _ = strings.Cut(Render(dates[:28], 7, true), "\n") // 1..7 articles
	if spark != PlainBars {
		t.Errorf("plain levels = %q, want %q", spark, PlainBars)
	}
}

// No width makes a line wider than asked, in cells as the terminal counts
// them, and --plain output is ASCII.
func TestRenderFitsEveryWidth(t *testing.T) {
	inputs := map[string][]time.Time{
		"sample": sample(),
		"years":  {date("1999-01-01"), date("2024-06-30"), date("0001-01-01T00:00:01Z"), date("9999-12-31")},
		"day":    {date("2024-01-02")},
		"none":   nil,
	}
	for name, dates := range inputs {
		for width := 1; width <= 300; width++ {
			for _, plain := range []bool{false, true} {
				out := Render(dates, width, plain)
				lines := strings.Split(out, "\n")
				if len(lines) != 2 {
					t.Fatalf("%s width %d: %d lines", name, width, len(lines))
				}
				for _, l := range lines {
					if w := lipgloss.Width(l); w > width {
						t.Fatalf("%s width %d plain %v: line %q is %d cells", name, width, plain, l, w)
					}
					if w := ansi.StringWidth(l); w > width {
						t.Fatalf("%s width %d: ansi width %d", name, width, w)
					}
					if plain && strings.ContainsFunc(l, func(r rune) bool { return r > 0x7e || r < 0x20 }) {
						t.Fatalf("%s width %d: plain line %q is not ASCII", name, width, l)
					}
				}
			}
		}
	}
}
