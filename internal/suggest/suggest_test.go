package suggest

import "testing"

func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"topic", "topic", 0},
		{"tpoic", "topic", 1}, // a swap of neighbours is one edit
		{"layuot", "layout", 1},
		{"kitten", "sitting", 3},
		{"héllo", "hello", 1}, // runes, not bytes
	} {
		if got := distance(tt.a, tt.b); got != tt.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestClosest(t *testing.T) {
	names := []string{"before", "is", "provider", "since", "topic", "type"}
	for _, tt := range []struct {
		got      string
		maxEdits int
		want     string
	}{
		{"tpoic", 2, "topic"},
		{"TOPC", 2, "topic"}, // case is ignored
		{"tipe", 2, "type"},  // one edit from type, two from topic
		{"xs", 2, "is"},      // short words get one edit
		{"xy", 2, ""},        // two edits from "is": too many for two letters
		{"proveedor", 2, ""}, // three edits: over maxEdits
		{"proveedor", 3, "provider"},
		{"sine", 2, "since"},
		{"", 2, ""},
	} {
		if got := Closest(tt.got, names, tt.maxEdits); got != tt.want {
			t.Errorf("Closest(%q, %d) = %q, want %q", tt.got, tt.maxEdits, got, tt.want)
		}
	}
	// Of equally near candidates the first wins.
	if got := Closest("ab", []string{"xb", "ax"}, 3); got != "xb" {
		t.Errorf("tie went to %q, want the first candidate", got)
	}
}
