package state

import (
	"strings"
	"testing"
	"time"
)

func TestLineRoundTrip(t *testing.T) {
	ts := time.Date(2024, 5, 1, 9, 30, 0, 123456789, time.UTC).UnixNano()
	for _, o := range []op{opRead, opUnread, opStar, opUnstar} {
		ev := event{ts: ts, op: o, id: "3f2a9c0d41be"}
		line := appendLine(nil, ev)
		if !strings.HasPrefix(string(line), "2024-05-01T09:30:00.123456789Z\t"+o.String()+"\t3f2a9c0d41be\t") ||
			line[len(line)-1] != '\n' {
			t.Fatalf("line = %q", line)
		}
		raw, err := parseLine(line[:len(line)-1])
		got := event{ts: raw.ts, op: raw.op, id: string(raw.id)}
		if err != nil || got != ev {
			t.Fatalf("parseLine(%q) = %+v, %v; want %+v", line, got, err, ev)
		}
	}
}

func TestParseLineRejects(t *testing.T) {
	good := strings.TrimSuffix(string(appendLine(nil, event{ts: 1e18, op: opRead, id: "abc"})), "\n")
	withSum := func(s string) string { // a line with a valid checksum
		return strings.TrimSuffix(string(appendLineRaw(s)), "\n")
	}
	tests := []struct {
		name, line, want string
	}{
		{"flipped byte", strings.Replace(good, "abc", "abd", 1), "checksum mismatch"},
		{"torn", good[:len(good)-3], "no checksum"},
		{"no tabs", "hello world", "not an event"},
		{"bad op", withSum("2024-05-01T09:30:00Z\tdelete\tabc"), `unknown op "delete"`},
		{"bad time", withSum("yesterday\tread\tabc"), "bad timestamp"},
		{"extra field", withSum("2024-05-01T09:30:00Z\tread\tabc\tx"), "not an event"},
		{"empty id", withSum("2024-05-01T09:30:00Z\tread\t"), "empty article ID"},
		{"bad month", withSum("2024-13-01T09:30:00.000000000Z\tread\tabc"), "bad timestamp"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseLine([]byte(tt.line))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("parseLine(%q) error = %v, want %q", tt.line, err, tt.want)
			}
		})
	}
}

func TestParseLineAcceptsOtherRFC3339AndCRLF(t *testing.T) {
	line := strings.TrimSuffix(string(appendLineRaw("2024-05-01T11:30:00+02:00\tstar\tabc")), "\n") + "\r"
	ev, err := parseLine([]byte(line))
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2024, 5, 1, 9, 30, 0, 0, time.UTC).UnixNano(); ev.ts != want || ev.op != opStar {
		t.Fatalf("got %+v", ev)
	}
}

func TestWinsIsOrderIndependent(t *testing.T) {
	evs := []event{
		{ts: 10, op: opRead, id: "a"},
		{ts: 20, op: opUnread, id: "a"},
		{ts: 20, op: opRead, id: "b"}, // tie: read wins
		{ts: 20, op: opUnread, id: "b"},
		{ts: 5, op: opStar, id: "a"},
		{ts: 7, op: opUnstar, id: "a"},
		{ts: 7, op: opStar, id: "c"},
		{ts: 7, op: opUnstar, id: "c"}, // tie: star wins
	}
	fold := func(order []int) table {
		tb := newTable()
		for _, i := range order {
			tb.apply(evs[i])
		}
		return tb
	}
	fwd := fold([]int{0, 1, 2, 3, 4, 5, 6, 7})
	rev := fold([]int{7, 6, 5, 4, 3, 2, 1, 0})
	for _, tb := range []table{fwd, rev} {
		if tb.get("a").flags&readOn != 0 || tb.get("b").flags&readOn == 0 ||
			tb.get("a").flags&starOn != 0 || tb.get("c").flags&starOn == 0 {
			t.Fatalf("state = %+v", tb.marks)
		}
		if tb.nRead != 1 || tb.nStar != 1 {
			t.Fatalf("counts read=%d star=%d, want 1 1", tb.nRead, tb.nStar)
		}
	}
}

// appendLineRaw checksums an arbitrary line body, to build lines that pass
// the checksum but fail later checks.
func appendLineRaw(body string) []byte {
	b := []byte(body)
	sum := crc32Castagnoli(b)
	return []byte(body + "\t" + sum + "\n")
}

func TestParseTimeFastPathAgreesWithTimeParse(t *testing.T) {
	for _, s := range []string{
		"1970-01-01T00:00:00.000000000Z", "2000-02-29T23:59:59.999999999Z", "2024-12-31T00:00:00.000000001Z",
		"1969-12-31T23:59:59.000000000Z", "2100-03-01T12:00:00.500000000Z", "1900-02-28T01:02:03.000000000Z",
	} {
		want, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			t.Fatal(err)
		}
		got, err := parseTime([]byte(s))
		if err != nil || got != want.UnixNano() {
			t.Errorf("parseTime(%s) = %d, %v; want %d", s, got, err, want.UnixNano())
		}
	}
}
