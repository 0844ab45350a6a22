package textsafe

import "testing"

func TestIsBidi(t *testing.T) {
	for _, r := range []rune{0x061C, 0x200E, 0x200F, 0x202A, 0x202E, 0x2066, 0x2069} {
		if !IsBidi(r) {
			t.Errorf("IsBidi(%U) = false", r)
		}
	}
	for _, r := range []rune{'a', ' ', 0x200D, 0x2029, 0x2070, 0x202F, 0x2065} {
		if IsBidi(r) {
			t.Errorf("IsBidi(%U) = true", r)
		}
	}
}

func TestInvisible(t *testing.T) {
	for _, r := range []rune{0, 0x07, 0x1b, 0x7f, 0x85, 0x9b, 0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0xe0041, 0xfffe, 0xffff, 0x3164, 0x115f} {
		if !Invisible(r) {
			t.Errorf("Invisible(%U) = false", r)
		}
	}
	for _, r := range []rune{' ', 'a', '~', 0xa0, 0xe9, 0x2028, 0xfffd, 0xfe0f, 0x4e1c, 0x1f468} {
		if Invisible(r) {
			t.Errorf("Invisible(%U) = true", r)
		}
	}
	for r := rune(0); r <= 0x10000; r++ {
		if IsBidi(r) && !Invisible(r) {
			t.Errorf("bidi control %U is not Invisible", r)
		}
	}
}

// Sanitize drops exactly the Invisible runes, but for the characters it
// maps (line breaks, tab) and the joiners it keeps inside words.
func TestSanitizeDropsInvisible(t *testing.T) {
	for r := rune(0); r <= 0x10000; r++ {
		if r >= 0xd800 && r < 0xe000 || r == '\n' || r == '\r' || r == '\t' || r == 0x2028 || r == 0x2029 {
			continue
		}
		if dropped := Sanitize(string(r)) == ""; dropped != Invisible(r) {
			t.Errorf("Sanitize drops %U: %v, Invisible: %v", r, dropped, Invisible(r))
		}
	}
}

func TestDrop(t *testing.T) {
	tests := []struct {
		prev, r rune
		rest    string
		want    bool
	}{
		{'क', 0x200d, "ष", false},
		{'ی', 0x200c, "خ", false},
		{'a', 0x200d, "b", true},
		{0x1f468, 0x200d, "👩", true},
		{'क', 0x200d, "", true},
		{'क', 0x200b, "ष", true},
		{'a', 'b', "", false},
	}
	for _, tt := range tests {
		if got := Drop(tt.prev, tt.r, tt.rest); got != tt.want {
			t.Errorf("Drop(%U, %U, %q) = %v, want %v", tt.prev, tt.r, tt.rest, got, tt.want)
		}
	}
}

func TestClip(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly", 7, "exactly"},
		{"cut here", 3, "cut…"},
		{"café", 4, "caf…"},
		{"日本", 2, "…"},
	}
	for _, tt := range tests {
		if got := Clip(tt.in, tt.n); got != tt.want {
			t.Errorf("Clip(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}
