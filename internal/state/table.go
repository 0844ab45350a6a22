package state

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
)

// mark is what the log says about one article: for each attribute (read,
// starred) the winning event's timestamp and value.
type mark struct {
	readTS, starTS int64
	flags          uint8
}

const (
	readSet uint8 = 1 << iota // some read/unread event was seen
	readOn
	starSet // some star/unstar event was seen
	starOn
)

// wins reports whether an event (ts, on) replaces the current (curTS,
// curOn). The latest timestamp wins; on a tie the "on" value (read,
// starred) wins, so the outcome does not depend on the order of the lines
// and concatenating two logs in either order gives the same state. Losing a
// star to a same-nanosecond unstar would be the worse surprise.
func wins(ts int64, on bool, curTS int64, curOn, set bool) bool {
	if !set || ts != curTS {
		return !set || ts > curTS
	}
	return on && !curOn
}

// table is the state folded from a log: a pure function of the set of
// events, whatever their order.
type table struct {
	m      map[string]int32 // ID -> index in marks
	marks  []mark           // pointer-free, so updates need no map write
	maxTS  int64            // latest timestamp seen; new events are stamped after it
	events int              // good lines applied
	bad    int              // damaged lines skipped
	nRead  int
	nStar  int
}

func newTable() table { return table{m: make(map[string]int32)} }

// get returns the article's mark (zero if unknown).
func (t *table) get(id string) mark {
	if i, ok := t.m[id]; ok {
		return t.marks[i]
	}
	return mark{}
}

func (t *table) apply(ev event) { t.applyRaw(rawEvent{ts: ev.ts, op: ev.op, id: []byte(ev.id)}) }

func (t *table) applyRaw(ev rawEvent) {
	t.maxTS = max(t.maxTS, ev.ts)
	i, seen := t.m[string(ev.id)] // no allocation for a lookup
	if !seen {
		i = int32(len(t.marks))
		t.marks = append(t.marks, mark{})
		t.m[string(ev.id)] = i
	}
	m := &t.marks[i]
	switch ev.op {
	case opRead, opUnread:
		t.nRead += m.update(&m.readTS, readSet, readOn, ev.ts, ev.op == opRead)
	case opStar, opUnstar:
		t.nStar += m.update(&m.starTS, starSet, starOn, ev.ts, ev.op == opStar)
	}
}

// update applies an event (evTS, on) to one attribute of m (its timestamp
// *ts and flag bits setBit, onBit) if it wins, and returns the change in
// the number of articles with the attribute on: -1, 0 or 1.
func (m *mark) update(ts *int64, setBit, onBit uint8, evTS int64, on bool) int {
	was := m.flags&onBit != 0
	if !wins(evTS, on, *ts, was, m.flags&setBit != 0) {
		return 0
	}
	*ts = evTS
	m.flags = m.flags&^onBit | setBit
	switch {
	case on && !was:
		m.flags |= onBit
		return 1
	case on:
		m.flags |= onBit
	case was:
		return -1
	}
	return 0
}

// live is the number of events a compacted log keeps: the winner of each
// attribute of each article, "unread" and "unstar" included, since dropping
// them would let an older "read" from another machine win after a merge.
func (t *table) live() int {
	n := 0
	for _, m := range t.marks {
		if m.flags&readSet != 0 {
			n++
		}
		if m.flags&starSet != 0 {
			n++
		}
	}
	return n
}

// winners returns the live events sorted by time, then ID, then op, so a
// compacted log is deterministic and diffs well under git.
func (t *table) winners() []event {
	evs := make([]event, 0, len(t.m))
	for id, i := range t.m {
		m := t.marks[i]
		if m.flags&readSet != 0 {
			o := opUnread
			if m.flags&readOn != 0 {
				o = opRead
			}
			evs = append(evs, event{ts: m.readTS, op: o, id: id})
		}
		if m.flags&starSet != 0 {
			o := opUnstar
			if m.flags&starOn != 0 {
				o = opStar
			}
			evs = append(evs, event{ts: m.starTS, op: o, id: id})
		}
	}
	slices.SortFunc(evs, func(a, b event) int {
		return cmp.Or(cmp.Compare(a.ts, b.ts), cmp.Compare(a.id, b.id), cmp.Compare(a.op, b.op))
	})
	return evs
}

// load applies the complete lines of data (a trailing piece without a
// newline is left for later: another process may be writing it, or it is
// a line torn by a crash, which the next writer's leading newline ends).
// firstLine is the 1-based number of data's first line. It returns the
// bytes consumed and calls bad for each damaged line.
func (t *table) load(data []byte, firstLine int, bad func(line int, raw []byte, err error)) (consumed, lines int) {
	for {
		nl := bytes.IndexByte(data[consumed:], '\n')
		if nl < 0 {
			return consumed, lines
		}
		line := data[consumed : consumed+nl]
		consumed += nl + 1
		lines++
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		ev, err := parseLine(line)
		if err != nil {
			t.bad++
			bad(firstLine+lines-1, line, err)
			continue
		}
		t.events++
		t.applyRaw(ev)
	}
}

// problems keeps the first few damaged-line reports and counts the rest:
// a log full of garbage must not fill memory or the screen.
type problems struct {
	list    []string
	dropped int
}

const maxProblems = 20

func (p *problems) add(format string, args ...any) {
	if len(p.list) >= maxProblems {
		p.dropped++
		return
	}
	p.list = append(p.list, fmt.Sprintf(format, args...))
}

func (p *problems) all() []string {
	out := slices.Clone(p.list)
	if p.dropped > 0 {
		out = append(out, fmt.Sprintf("... and %d more", p.dropped))
	}
	return out
}
