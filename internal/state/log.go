package state

import (
	"bytes"
	"errors"
	"fmt"
	"hash/crc32"
	"time"

	"github.com/herald-reader/herald/internal/civil"
)

// The log is UTF-8 text, one event per line, four tab-separated fields:
//
//	2024-05-01T09:30:00.000000000Z	read	3f2a9c0d41be	1c2b3d4e
//
// timestamp (RFC 3339, UTC, fixed width so lines sort as text), op (read,
// unread, star, unstar), article ID, and the CRC-32C of everything before
// the last tab as 8 hex digits. The checksum is what lets a reader tell a
// torn or damaged line from a good one, so one bad line costs one event,
// never the rest of the file. Blank lines are ignored: every write starts
// with a newline so that a line torn by a crash is terminated by the next
// writer instead of swallowing its first event.

const tsLayout = "2006-01-02T15:04:05.000000000Z07:00"

type op uint8

const (
	opRead op = iota + 1
	opUnread
	opStar
	opUnstar
)

func (o op) String() string {
	switch o {
	case opRead:
		return "read"
	case opUnread:
		return "unread"
	case opStar:
		return "star"
	case opUnstar:
		return "unstar"
	}
	return "?"
}

func parseOp(b []byte) (op, bool) {
	switch string(b) {
	case "read":
		return opRead, true
	case "unread":
		return opUnread, true
	case "star":
		return opStar, true
	case "unstar":
		return opUnstar, true
	}
	return 0, false
}

// event is one log line. ts is Unix nanoseconds.
type event struct {
	ts int64
	op op
	id string
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// appendLine appends ev as one complete line, newline included.
func appendLine(buf []byte, ev event) []byte {
	start := len(buf)
	buf = time.Unix(0, ev.ts).UTC().AppendFormat(buf, tsLayout)
	buf = append(buf, '\t')
	buf = append(buf, ev.op.String()...)
	buf = append(buf, '\t')
	buf = append(buf, ev.id...)
	sum := crc32.Checksum(buf[start:], castagnoli)
	buf = append(buf, '\t')
	for shift := 28; shift >= 0; shift -= 4 {
		buf = append(buf, "0123456789abcdef"[sum>>shift&0xf])
	}
	return append(buf, '\n')
}

// rawEvent is a parsed line whose ID still points into the read buffer:
// the table copies it only for an article it has not seen, which keeps
// loading a large log nearly free of allocations.
type rawEvent struct {
	ts int64
	op op
	id []byte
}

// parseLine decodes one line without its newline. The error text is a
// short reason for Problems.
func parseLine(line []byte) (rawEvent, error) {
	line = bytes.TrimSuffix(line, []byte{'\r'}) // a copy edited on Windows
	last := bytes.LastIndexByte(line, '\t')
	if last < 0 {
		return rawEvent{}, errors.New("not an event (want 4 tab-separated fields)")
	}
	want, ok := parseHex32(line[last+1:])
	if !ok {
		return rawEvent{}, errors.New("no checksum (want 8 hex digits at the end)")
	}
	if crc32.Checksum(line[:last], castagnoli) != want {
		return rawEvent{}, errors.New("checksum mismatch (damaged or torn line)")
	}
	body := line[:last]
	t1 := bytes.IndexByte(body, '\t')
	t2 := bytes.LastIndexByte(body, '\t')
	if t1 < 0 || t1 == t2 || bytes.IndexByte(body[t1+1:t2], '\t') >= 0 {
		return rawEvent{}, errors.New("not an event (want 4 tab-separated fields)")
	}
	ts, err := parseTime(body[:t1])
	if err != nil {
		return rawEvent{}, fmt.Errorf("bad timestamp %q", body[:t1])
	}
	o, ok := parseOp(body[t1+1 : t2])
	if !ok {
		return rawEvent{}, fmt.Errorf("unknown op %q", body[t1+1:t2])
	}
	id := body[t2+1:]
	if err := checkID(id); err != nil {
		return rawEvent{}, err
	}
	return rawEvent{ts: ts, op: o, id: id}, nil
}

func parseHex32(b []byte) (uint32, bool) {
	if len(b) != 8 {
		return 0, false
	}
	var v uint32
	for _, c := range b {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		v = v<<4 | uint32(c)
	}
	return v, true
}

// parseTime reads the fixed-width UTC layout we write without going through
// time.Parse (a third of the load time of a large log), and falls back to
// any RFC 3339 time for lines written or edited by other tools.
func parseTime(b []byte) (int64, error) {
	if len(b) == 30 && b[4] == '-' && b[7] == '-' && b[10] == 'T' && b[13] == ':' &&
		b[16] == ':' && b[19] == '.' && b[29] == 'Z' {
		var n [7]int
		spans := [7][2]int{{0, 4}, {5, 7}, {8, 10}, {11, 13}, {14, 16}, {17, 19}, {20, 29}}
		ok := true
		for i, sp := range spans {
			for _, c := range b[sp[0]:sp[1]] {
				if c < '0' || c > '9' {
					ok = false
				}
				n[i] = n[i]*10 + int(c-'0')
			}
		}
		if ok && n[1] >= 1 && n[1] <= 12 && n[2] >= 1 && n[2] <= 31 && n[3] < 24 && n[4] < 60 && n[5] < 61 {
			secs := int64(civil.Days(n[0], n[1], n[2]))*86400 + int64(n[3]*3600+n[4]*60+n[5])
			return secs*1e9 + int64(n[6]), nil
		}
	}
	t, err := time.Parse(time.RFC3339Nano, string(b))
	if err != nil {
		return 0, err
	}
	return t.UnixNano(), nil
}

// checkID rejects IDs that would break the line format.
func checkID[S string | []byte](id S) error {
	if len(id) == 0 {
		return errors.New("empty article ID")
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; c <= ' ' || c == 0x7f {
			return fmt.Errorf("article ID %q has a space or control character", id)
		}
	}
	return nil
}
