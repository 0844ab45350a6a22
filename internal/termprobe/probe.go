// Package termprobe asks the terminal which graphics it shows: one query
// written and one read with a short timeout, before the program owns the
// terminal (later, Bubble Tea would read the replies as keys).
package termprobe

import (
	"bytes"
	"strings"
)

// Query is a kitty graphics query (image 31, one pixel, transmit nothing,
// a=q: report only) followed by DA1 (primary device attributes). Every
// terminal answers DA1, so its reply ends the wait; a terminal that shows
// kitty graphics answers the query first, with "_Gi=31;OK".
const Query = "\x1b_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\x1b\\" + "\x1b[c"

// Reply is what the terminal answered to Query.
type Reply struct {
	Kitty bool // it answered the kitty graphics query with OK
	Sixel bool // its DA1 reply lists attribute 4 (sixel graphics)
	Done  bool // its DA1 reply came: nothing more is to be waited for
}

// Parse reads a terminal's answer to Query, as far as it has come. A
// kitty reply counts only before the DA1 reply, which ends the answer.
func Parse(b []byte) Reply {
	var r Reply
	for len(b) > 0 {
		i := bytes.IndexByte(b, 0x1b)
		if i < 0 || i+1 >= len(b) {
			return r
		}
		b = b[i:]
		switch b[1] {
		case '_': // APC ... ST
			end := bytes.Index(b, []byte("\x1b\\"))
			if end < 0 {
				return r
			}
			if kittyOK(string(b[2:end])) {
				r.Kitty = true
			}
			b = b[end+2:]
		case '[':
			params, rest, ok := da1(b[2:])
			if !ok {
				b = b[1:]
				continue
			}
			if params != nil {
				for _, p := range strings.Split(*params, ";") {
					if p == "4" {
						r.Sixel = true
					}
				}
				r.Done = true
				return r
			}
			b = rest
		default:
			b = b[1:]
		}
	}
	return r
}

// kittyOK reports the payload of an APC that is kitty's OK for image 31:
// "Gi=31;OK" (keys before the ";", the message after).
func kittyOK(apc string) bool {
	keys, msg, found := strings.Cut(apc, ";")
	if !found || !strings.HasPrefix(keys, "G") || msg != "OK" {
		return false
	}
	for _, kv := range strings.Split(keys[1:], ",") {
		if kv == "i=31" {
			return true
		}
	}
	return false
}

// da1 reads a CSI after its "\x1b[": params is the parameter string of a
// DA1 reply ("?62;4c"), nil for another complete CSI, whose end rest
// follows; ok is false for an unfinished one.
func da1(b []byte) (params *string, rest []byte, ok bool) {
	for i, c := range b {
		if c >= 0x40 && c <= 0x7e { // the final byte
			if c == 'c' && i > 0 && b[0] == '?' {
				p := string(b[1:i])
				return &p, b[i+1:], true
			}
			return nil, b[i+1:], true
		}
	}
	return nil, nil, false
}
