package plural

import "testing"

func TestCount(t *testing.T) {
	for n, want := range map[int]string{0: "0 articles", 1: "1 article", 2: "2 articles", 1000: "1000 articles"} {
		if got := Count(n, "article"); got != want {
			t.Errorf("Count(%d) = %q, want %q", n, got, want)
		}
	}
	if got := Noun(1, "line"); got != "line" {
		t.Errorf("Noun(1) = %q", got)
	}
	if got := Noun(3, "line"); got != "lines" {
		t.Errorf("Noun(3) = %q", got)
	}
}
