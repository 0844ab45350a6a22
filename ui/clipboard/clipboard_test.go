package clipboard

import (
	"bytes"
	"encoding/base64"
	"errors"
	"strings"
	"testing"
)

// writes counts Write calls: the sequence must arrive in one.
type writes struct {
	bytes.Buffer
	n   int
	err error
}

func (w *writes) Write(p []byte) (int, error) {
	w.n++
	if w.err != nil {
		return 0, w.err
	}
	return w.Buffer.Write(p)
}

func env(kv ...string) func(string) string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}

// fakeNative records what the system clipboard was given.
type fakeNative struct {
	got []string
	err error
}

func (f *fakeNative) copy(s string) error {
	f.got = append(f.got, s)
	return f.err
}

func TestCopyWritesOSC52(t *testing.T) {
	var out writes
	c := Copier{Out: &out, Getenv: env(), NoNative: true}
	m, err := c.Copy("https://example.com/")
	if err != nil || m != OSC52 {
		t.Fatalf("Copy = %v, %v", m, err)
	}
	if got, want := out.String(), "\x1b]52;c;aHR0cHM6Ly9leGFtcGxlLmNvbS8=\a"; got != want || out.n != 1 {
		t.Errorf("wrote %q in %d writes, want %q in one", got, out.n, want)
	}

	// Any Unicode text survives the round trip.
	out.Reset()
	text := "https://例え.jp/ニュース?q=ü&x=1 — ok"
	if _, err := c.Copy(text); err != nil {
		t.Fatal(err)
	}
	payload := strings.TrimSuffix(strings.TrimPrefix(out.String(), "\x1b]52;c;"), "\a")
	if dec, err := base64.StdEncoding.DecodeString(payload); err != nil || string(dec) != text {
		t.Errorf("payload decodes to %q, %v", dec, err)
	}
}

func TestCopyInsideTmuxAndScreen(t *testing.T) {
	seq := Sequence("https://example.com/a")
	var out writes
	c := Copier{Out: &out, Getenv: env("TMUX", "/tmp/tmux-1000/default,123,0"), NoNative: true}
	if _, err := c.Copy("https://example.com/a"); err != nil {
		t.Fatal(err)
	}
	want := seq + "\x1bPtmux;\x1b\x1b" + strings.TrimPrefix(seq, "\x1b") + "\x1b\\"
	if out.String() != want || out.n != 1 {
		t.Errorf("tmux: wrote %q in %d writes, want %q in one", out.String(), out.n, want)
	}

	out = writes{}
	c.Getenv = env("STY", "1234.pts-0.host")
	long := "https://example.com/" + strings.Repeat("x", 200)
	if _, err := c.Copy(long); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	var joined strings.Builder
	for _, piece := range strings.SplitAfter(got, "\x1b\\") {
		if piece == "" {
			continue
		}
		if !strings.HasPrefix(piece, "\x1bP") || len(piece) > 2+screenChunk+2 {
			t.Fatalf("screen piece %q", piece)
		}
		joined.WriteString(strings.TrimSuffix(strings.TrimPrefix(piece, "\x1bP"), "\x1b\\"))
	}
	if joined.String() != Sequence(long) {
		t.Errorf("screen pieces join to %q", joined.String())
	}
}

func TestCopyRefusesControlCharacters(t *testing.T) {
	for _, text := range []string{
		"https://example.com/\nrm -rf ~",
		"https://example.com/\r",
		"https://example.com/\x1b[31m",
		"tab\there",
		"https://example.com/\x7f",
		"https://example.com/\u009b31m", // C1 CSI
		"https://example.com/\u202egnp.exe",
		"https://example.com/\u2066x\u2069",
		"invalid \xff utf-8",
	} {
		var out writes
		native := &fakeNative{}
		c := Copier{Out: &out, Getenv: env(), Native: native.copy}
		m, err := c.Copy(text)
		if !errors.Is(err, ErrUnsafe) || m != 0 {
			t.Errorf("Copy(%q) = %v, %v; want ErrUnsafe", text, m, err)
		}
		if out.n != 0 || len(native.got) != 0 {
			t.Errorf("Copy(%q) wrote %q and gave the clipboard %q", text, out.String(), native.got)
		}
	}
	if _, err := (Copier{Out: &writes{}}).Copy(""); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty: %v", err)
	}
}

func TestCopyReportsWhatWorked(t *testing.T) {
	broken := errors.New("xclip: Error: Can't open display")
	tests := []struct {
		name      string
		out       *writes
		native    *fakeNative
		want      Method
		wantErr   string
		wantCalls int
	}{
		{"both", &writes{}, &fakeNative{}, OSC52 | Native, "", 1},
		{"terminal only", &writes{}, &fakeNative{err: broken}, OSC52, "", 1},
		{"clipboard only", &writes{err: errors.New("broken pipe")}, &fakeNative{}, Native, "", 1},
		{"neither", &writes{err: errors.New("broken pipe")}, &fakeNative{err: broken}, 0, "OSC 52: broken pipe", 1},
		{"no terminal", nil, &fakeNative{}, Native, "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Copier{Getenv: env(), Native: tt.native.copy}
			if tt.out != nil {
				c.Out = tt.out
			}
			m, err := c.Copy("https://example.com/x")
			if m != tt.want {
				t.Errorf("methods = %v, want %v", m, tt.want)
			}
			if (err != nil) != (tt.wantErr != "") || err != nil && !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("err = %v, want one with %q", err, tt.wantErr)
			}
			if err != nil && !strings.Contains(err.Error(), "Can't open display") {
				t.Errorf("err = %v, want both reasons", err)
			}
			if len(tt.native.got) != tt.wantCalls || tt.native.got[0] != "https://example.com/x" {
				t.Errorf("clipboard got %q", tt.native.got)
			}
		})
	}
	if _, err := (Copier{NoNative: true}).Copy("x"); err == nil {
		t.Error("no way to copy, no error")
	}
}

func TestCopyTooLongForOSC52(t *testing.T) {
	var out writes
	native := &fakeNative{}
	c := Copier{Out: &out, Getenv: env(), Native: native.copy}
	m, err := c.Copy(strings.Repeat("a", MaxOSC52))
	if m != Native || err != nil || out.n != 0 {
		t.Errorf("Copy = %v, %v; %d writes", m, err, out.n)
	}
}

func TestMethodString(t *testing.T) {
	for m, want := range map[Method]string{0: "nothing", OSC52: "OSC 52", Native: "the system clipboard", OSC52 | Native: "OSC 52 and the system clipboard"} {
		if got := m.String(); got != want {
			t.Errorf("%d: %q, want %q", m, got, want)
		}
	}
}
