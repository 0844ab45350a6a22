//go:build linux

package termprobe_test

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/herald-reader/herald/internal/e2e"
	"github.com/herald-reader/herald/internal/termprobe"
)

// fakeTerminal plays the terminal on the master side of a pty: it reads
// the query and, once the DA1 request has come, writes answer (if any).
func fakeTerminal(t *testing.T, master *os.File, answer string) <-chan string {
	asked := make(chan string, 1)
	go func() {
		var got []byte
		buf := make([]byte, 256)
		for !bytes.HasSuffix(got, []byte("\x1b[c")) {
			n, err := master.Read(buf)
			if err != nil {
				asked <- string(got)
				return
			}
			got = append(got, buf[:n]...)
		}
		if answer != "" {
			master.WriteString(answer)
		}
		asked <- string(got)
	}()
	return asked
}

func TestAsk(t *testing.T) {
	for _, tc := range []struct {
		name, answer string
		want         termprobe.Reply
	}{
		{"kitty", "\x1b_Gi=31;OK\x1b\\\x1b[?62;22c", termprobe.Reply{Kitty: true, Done: true}},
		{"sixel", "\x1b[?62;4;22c", termprobe.Reply{Sixel: true, Done: true}},
		{"neither", "\x1b[?1;2c", termprobe.Reply{Done: true}},
		{"silent", "", termprobe.Reply{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			master, tty := e2e.OpenPTY(t)
			asked := fakeTerminal(t, master, tc.answer)
			wait := 150 * time.Millisecond
			start := time.Now()
			got, err := termprobe.Ask(tty, wait)
			took := time.Since(start)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("Ask = %+v, want %+v", got, tc.want)
			}
			// A silent terminal costs the wait and no more (a loose bound:
			// the machine is shared); one that answers, less than the wait.
			if took > wait+time.Second {
				t.Errorf("Ask took %v with a wait of %v", took, wait)
			}
			if tc.answer != "" && took >= wait {
				t.Errorf("Ask waited %v for a terminal that answered", took)
			}
			if q := <-asked; !strings.HasPrefix(q, "\x1b_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\x1b\\") {
				t.Errorf("the terminal was asked %q", q)
			}
		})
	}
}
