package state

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkLoad100k opens a log of 100,000 events (50,000 articles read,
// some later unread or starred): the target is 100 ms.
func BenchmarkLoad100k(b *testing.B) {
	dir := b.TempDir()
	var buf []byte
	ts := t0.UnixNano()
	for i := range 100_000 {
		o := opRead
		switch i % 10 {
		case 7:
			o = opStar
		case 9:
			o = opUnread
		}
		ts += int64(time.Second)
		buf = appendLine(buf, event{ts: ts, op: o, id: fmt.Sprintf("%012x", i%50_000*7919)})
	}
	if err := os.WriteFile(filepath.Join(dir, LogName), buf, 0o600); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(buf)))
	b.ResetTimer()
	for b.Loop() {
		s, err := OpenWith(dir, Options{NoAutoCompact: true})
		if err != nil {
			b.Fatal(err)
		}
		if s.t.events != 100_000 {
			b.Fatalf("loaded %d events", s.t.events)
		}
		s.Close()
	}
}

// BenchmarkSetRead is the cost of one acknowledged mark (one append), with
// and without the fsync that makes it survive a power loss.
func BenchmarkSetRead(b *testing.B) {
	for _, sync := range []bool{true, false} {
		b.Run(fmt.Sprintf("fsync=%v", sync), func(b *testing.B) {
			s, err := OpenWith(b.TempDir(), Options{NoSync: !sync, NoAutoCompact: true})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			i := 0
			for b.Loop() {
				i++
				if err := s.SetRead([]string{fmt.Sprintf("%012x", i)}, true); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCompact100k rewrites a log of 100,000 live events.
func BenchmarkCompact100k(b *testing.B) {
	dir := b.TempDir()
	var buf []byte
	for i := range 100_000 {
		buf = appendLine(buf, event{ts: int64(i + 1), op: opRead, id: fmt.Sprintf("%012x", i)})
	}
	if err := os.WriteFile(filepath.Join(dir, LogName), buf, 0o600); err != nil {
		b.Fatal(err)
	}
	s, err := OpenWith(dir, Options{NoAutoCompact: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for b.Loop() {
		if err := s.Compact(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIsReadParallel is the per-article cost of is:read in a search
// running on all cores.
func BenchmarkIsReadParallel(b *testing.B) {
	s, err := OpenWith(b.TempDir(), Options{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ids := make([]string, 50_000)
	for i := range ids {
		ids[i] = fmt.Sprintf("%012x", i)
	}
	if err := s.SetRead(ids[:25_000], true); err != nil {
		b.Fatal(err)
	}
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			s.IsRead(ids[i%len(ids)])
			i++
		}
	})
}
