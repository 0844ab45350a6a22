package state

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestMarksPersistAcrossReopen(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	must(t, s.SetRead([]string{"a1", "a2", "a3"}, true))
	must(t, s.SetRead([]string{"a2"}, false))
	must(t, s.SetStarred("a3", true))
	must(t, s.SetStarred("b1", true))
	must(t, s.SetStarred("b1", false))
	must(t, s.Close())

	s = open(t, dir)
	for id, want := range map[string][2]bool{
		"a1": {true, false}, "a2": {false, false}, "a3": {true, true}, "b1": {false, false}, "zz": {false, false},
	} {
		if got := [2]bool{s.IsRead(id), s.IsStarred(id)}; got != want {
			t.Errorf("%s: read,starred = %v, want %v", id, got, want)
		}
	}
	if r, st := s.Counts(); r != 2 || st != 1 {
		t.Errorf("Counts() = %d, %d; want 2, 1", r, st)
	}
	if got := s.Starred(); len(got) != 1 || got[0] != "a3" {
		t.Errorf("Starred() = %v", got)
	}
	if p := s.Problems(); len(p) != 0 {
		t.Errorf("Problems() = %v", p)
	}
}

func TestSetReadWritesOnlyChanges(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	must(t, s.SetRead([]string{"a", "b"}, true))
	must(t, s.SetRead([]string{"a", "b", "c"}, true)) // only c changes
	must(t, s.SetRead([]string{"a", "b", "c"}, true)) // nothing changes
	if n := eventLines(readLog(t, dir)); n != 3 {
		t.Fatalf("log has %d events, want 3:\n%s", n, readLog(t, dir))
	}
}

func TestSetRejectsUnwritableIDs(t *testing.T) {
	s := open(t, t.TempDir())
	for _, id := range []string{"", "a\tb", "a\nb", "a b"} {
		if err := s.SetStarred(id, true); err == nil {
			t.Errorf("SetStarred(%q) succeeded", id)
		}
	}
}

func TestTwoStoresSeeEachOther(t *testing.T) {
	dir := t.TempDir()
	a, b := open(t, dir), open(t, dir)
	must(t, a.SetRead([]string{"x"}, true))
	if b.IsRead("x") {
		t.Fatal("b saw a's change before Refresh")
	}
	v := b.Version()
	must(t, b.Refresh())
	if !b.IsRead("x") {
		t.Fatal("b did not see a's read after Refresh")
	}
	if b.Version() == v {
		t.Fatal("Version did not change when Refresh found a's mark")
	}
	v = b.Version()
	must(t, b.Refresh())
	if b.Version() != v {
		t.Fatal("Version changed on a Refresh that found nothing")
	}
	// b's save refreshes first, so b's later unread wins on both sides.
	must(t, a.SetStarred("y", true))
	must(t, b.SetRead([]string{"x"}, false))
	if !b.IsStarred("y") {
		t.Fatal("b's save did not pick up a's star")
	}
	must(t, a.Refresh())
	if a.IsRead("x") || !a.IsStarred("y") {
		t.Fatalf("a: read(x)=%v starred(y)=%v, want false true", a.IsRead("x"), a.IsStarred("y"))
	}
}

func TestLaterChangeWinsWhenClockStepsBack(t *testing.T) {
	dir := t.TempDir()
	now := t0
	s, err := OpenWith(dir, Options{Now: func() time.Time { return now }, NoSync: true})
	must(t, err)
	defer s.Close()
	must(t, s.SetRead([]string{"x"}, true))
	now = now.Add(-time.Hour) // NTP stepped the clock back
	must(t, s.SetRead([]string{"x"}, false))
	s2 := open(t, dir)
	if s2.IsRead("x") {
		t.Fatal("the unread made after the clock stepped back lost to the earlier read")
	}
}

func TestDamagedLinesAreSkippedAndReported(t *testing.T) {
	dir := t.TempDir()
	good := func(ts int64, o op, id string) string { return string(appendLine(nil, event{ts: ts, op: o, id: id})) }
	flipped := strings.Replace(good(3e18, opRead, "bbbb"), "bbbb", "bbbc", 1)
	writeLog(t, dir, good(1e18, opRead, "aaaa")+
		"garbage line\n"+
		flipped+
		good(4e18, opStar, "cccc")+
		strings.TrimSuffix(good(5e18, opRead, "dddd"), "1\n")[:45]) // torn last line
	s := open(t, dir)
	if !s.IsRead("aaaa") || !s.IsStarred("cccc") {
		t.Fatal("good lines around damaged ones were lost")
	}
	if s.IsRead("bbbb") || s.IsRead("bbbc") || s.IsRead("dddd") {
		t.Fatal("a damaged line was applied")
	}
	p := s.Problems()
	if len(p) != 2 || !strings.Contains(p[0], LogName+":2: not an event") ||
		!strings.Contains(p[1], LogName+":3: checksum mismatch") {
		t.Fatalf("Problems() = %q", p)
	}
	if n := s.Damaged(); n != 2 {
		t.Fatalf("Damaged() = %d, want 2 (the torn last line is not yet a line)", n)
	}
	// The next append ends the torn line instead of gluing onto it.
	must(t, s.SetRead([]string{"eeee"}, true))
	s2 := open(t, dir)
	if !s2.IsRead("eeee") || !s2.IsRead("aaaa") {
		t.Fatal("an append after a torn line was lost")
	}
	if p := s2.Problems(); len(p) != 3 || !strings.Contains(p[2], ":5: no checksum") {
		t.Fatalf("Problems() after the torn line was ended = %q", p)
	}
	if n := s2.Damaged(); n != 3 {
		t.Fatalf("Damaged() after the torn line was ended = %d, want 3", n)
	}
}

func TestProblemsAreCapped(t *testing.T) {
	dir := t.TempDir()
	writeLog(t, dir, strings.Repeat("junk\n", 100))
	s := open(t, dir)
	p := s.Problems()
	if len(p) != maxProblems+1 || p[maxProblems] != "... and 80 more" {
		t.Fatalf("got %d problems, last %q", len(p), p[len(p)-1])
	}
	if n := s.Damaged(); n != 100 {
		t.Fatalf("Damaged() = %d, want every damaged line counted (100)", n)
	}
}

func TestConcatenatedLogsMerge(t *testing.T) {
	// Two machines start from the same synced log and diverge.
	base, m1, m2 := t.TempDir(), t.TempDir(), t.TempDir()
	s := open(t, base)
	must(t, s.SetRead([]string{"shared", "x"}, true))
	for _, d := range []string{m1, m2} {
		writeLog(t, d, readLog(t, base))
	}
	clock := tick(t0.Add(time.Hour))
	s1, err := OpenWith(m1, Options{Now: clock, NoSync: true})
	must(t, err)
	s2, err := OpenWith(m2, Options{Now: clock, NoSync: true})
	must(t, err)
	must(t, s1.SetStarred("one", true))
	must(t, s1.SetRead([]string{"x"}, false))
	must(t, s2.SetRead([]string{"x"}, false)) // earlier ...
	must(t, s1.SetRead([]string{"x"}, true))  // ... than this re-read
	must(t, s2.SetRead([]string{"two"}, true))
	must(t, s1.SetRead([]string{"shared"}, false))
	s1.Close()
	s2.Close()

	for name, log := range map[string]string{
		"1+2": readLog(t, m1) + readLog(t, m2),
		"2+1": readLog(t, m2) + readLog(t, m1),
	} {
		d := t.TempDir()
		writeLog(t, d, log)
		m := open(t, d)
		got := []bool{m.IsStarred("one"), m.IsRead("two"), m.IsRead("x"), m.IsRead("shared")}
		want := []bool{true, true, true, false}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("%s: one starred, two read, x read, shared read = %v, want %v", name, got, want)
			}
		}
		if p := m.Problems(); len(p) != 0 {
			t.Fatalf("%s: %v", name, p)
		}
	}
}

func TestCompactKeepsStateAndShrinks(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	for i := range 50 {
		must(t, s.SetRead([]string{"a", "b"}, i%2 == 0))
		must(t, s.SetStarred("c", i%2 == 1))
	}
	writeLog(t, dir, readLog(t, dir)+"junk\n")
	must(t, s.Refresh())
	before := eventLines(readLog(t, dir))
	must(t, s.Compact())
	log := readLog(t, dir)
	// 100 read/unread lines, 49 star/unstar (the first unstar was no
	// change), one damaged line.
	if n := eventLines(log); n != 3 || before != 150 {
		t.Fatalf("compacted %d lines to %d, want 150 to 3:\n%s", before, n, log)
	}
	if s.IsRead("a") || s.IsRead("b") || !s.IsStarred("c") {
		t.Fatal("compaction changed the state")
	}
	corrupt, err := os.ReadFile(filepath.Join(dir, CorruptName))
	if err != nil || string(corrupt) != "junk\n" {
		t.Fatalf("%s = %q, %v", CorruptName, corrupt, err)
	}
	if p := s.Problems(); len(p) != 1 || !strings.Contains(p[0], "dropped 1 damaged line ") {
		t.Fatalf("Problems() = %q", p)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "*.tmp*")); len(m) != 0 {
		t.Fatalf("temporary files left: %v", m)
	}
	s2 := open(t, dir)
	if s2.IsRead("a") || !s2.IsStarred("c") || len(s2.Problems()) != 0 {
		t.Fatal("reopened compacted log differs")
	}
}

func TestAppendAfterAnotherStoreCompacted(t *testing.T) {
	dir := t.TempDir()
	a, b := open(t, dir), open(t, dir)
	must(t, a.SetRead([]string{"x", "y"}, true))
	must(t, a.SetRead([]string{"x"}, false))
	must(t, b.Compact()) // b replaces the file a has open
	must(t, a.SetStarred("z", true))
	must(t, b.Refresh())
	if !b.IsStarred("z") || !b.IsRead("y") || b.IsRead("x") {
		t.Fatal("b lost a's append after compacting")
	}
	c := open(t, dir)
	if !c.IsStarred("z") {
		t.Fatal("a appended to the replaced file")
	}
}

func TestOpenCompactsGrownLog(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := range 10000 {
		o := opRead
		if i%2 == 1 {
			o = opUnread
		}
		b.Write(appendLine(nil, event{ts: int64(i + 1), op: o, id: "flip"}))
	}
	writeLog(t, dir, b.String())
	s := open(t, dir)
	if s.IsRead("flip") {
		t.Fatal("last event was unread")
	}
	if n := eventLines(readLog(t, dir)); n != 1 {
		t.Fatalf("log has %d lines after Open, want 1 (compacted)", n)
	}
}

func TestDefaultDir(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	tests := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"XDG_STATE_HOME": "/x/state", "HOME": "/h"}, "/x/state/herald"},
		{map[string]string{"XDG_STATE_HOME": "rel", "HOME": "/h"}, "/h/.local/state/herald"},
		{map[string]string{"HOME": "/h"}, "/h/.local/state/herald"},
	}
	for _, tt := range tests {
		got, err := DefaultDir(env(tt.env))
		if err != nil || got != filepath.FromSlash(tt.want) {
			t.Errorf("DefaultDir(%v) = %q, %v; want %q", tt.env, got, err, tt.want)
		}
	}
	if _, err := DefaultDir(env(nil)); err == nil {
		t.Error("DefaultDir with no HOME succeeded")
	}
}
