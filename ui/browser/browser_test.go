package browser

import (
	"os"
	"os/exec"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

func TestCheckURLAccepts(t *testing.T) {
	for _, u := range []string{
		"https://www.forbes.com/sites/x/2024/01/28/google/",
		"http://example.com",
		"HTTPS://Example.com/a?b=c&d=%20e#frag",
		"https://[::1]:8080/path",
		"https://例え.jp/記事",
		"https://example.com/-flag",
	} {
		if err := CheckURL(u); err != nil {
			t.Errorf("CheckURL(%q) = %v, want nil", u, err)
		}
	}
}

// refused are URLs that must never reach a browser, with a word the error
// must contain so the user learns why.
var refused = []struct{ url, why string }{
	{"", "empty"},
	{"javascript:alert(1)", "scheme"},
	{"JavaScript:alert(1)", "scheme"},
	{"file:///etc/passwd", "scheme"},
	{"data:text/html,<script>alert(1)</script>", "scheme"},
	{"ftp://example.com/", "scheme"},
	{"mailto:a@example.com", "scheme"},
	{"//example.com/path", "scheme"},
	{"example.com", "scheme"},
	{"-flag", "scheme"},
	{"--new-window=https://example.com", "malformed"},
	{"-https://example.com", "malformed"},
	{"http://user@example.com/", "user info"},
	{"http://user:pass@example.com/", "user info"},
	{"http://@example.com/", "user info"},
	{"https://evil.example\\@good.example/", "backslash"},
	{"http:///path", "host"},
	{"http:example.com", "host"},
	{"http://:80/", "host"},
	{"https://example.com/a\nb", "control"},
	{"https://example.com/\x1b]52;c;aGk=\x07", "control"},
	{"https://example.com/\u009b2J", "control"},
	{"https://example.com/a b", "whitespace"},
	{"https://example.com/\tb", "whitespace"},
	{"https://example.com/\u202egpj.exe", "control"},
	{"https://example.com/\xff", "UTF-8"},
	{"https://example.com/" + strings.Repeat("a", MaxURLLen), "longer"},
}

func TestCheckURLRefuses(t *testing.T) {
	for _, c := range refused {
		err := CheckURL(c.url)
		if err == nil {
			t.Errorf("CheckURL(%q) = nil, want an error about %s", c.url, c.why)
			continue
		}
		if !strings.Contains(err.Error(), c.why) {
			t.Errorf("CheckURL(%q) = %q, want it to mention %q", c.url, err, c.why)
		}
		if len(err.Error()) > 80 {
			t.Errorf("CheckURL(%q) error too long for a status line: %q", c.url, err)
		}
	}
}

// recorder is a fake Start: it records argv and fails the way exec does for
// commands that are not installed.
type recorder struct {
	calls   [][]string
	missing map[string]bool
}

func (r *recorder) start(cmd *exec.Cmd) error {
	r.calls = append(r.calls, cmd.Args)
	if r.missing[cmd.Args[0]] {
		return &exec.Error{Name: cmd.Args[0], Err: exec.ErrNotFound}
	}
	if cmd.Stdin != nil || cmd.Stdout != nil || cmd.Stderr != nil {
		return os.ErrInvalid // the browser must not share our terminal
	}
	return nil
}

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestOpenRefusedStartsNothing(t *testing.T) {
	for _, c := range refused {
		rec := &recorder{}
		o := Opener{Browser: "firefox", Start: rec.start}
		_, err := o.Open(c.url)
		if err == nil || !strings.HasPrefix(err.Error(), "refused link: ") {
			t.Errorf("Open(%q) = %v, want a refused link error", c.url, err)
		}
		if len(rec.calls) != 0 {
			t.Errorf("Open(%q) started %v", c.url, rec.calls)
		}
	}
}

func TestOpenArgv(t *testing.T) {
	const u = "https://example.com/a?b=c&d='e';$(rm${IFS}-rf${IFS}~)"
	tests := []struct {
		name    string
		browser string
		env     map[string]string
		missing []string
		want    [][]string
	}{
		{"appended", "firefox", nil, nil, [][]string{{"firefox", u}}},
		{"words", "firefox --new-tab", nil, nil, [][]string{{"firefox", "--new-tab", u}}},
		{"placeholder", "chromium --app=%s --incognito", nil, nil,
			[][]string{{"chromium", "--app=" + u, "--incognito"}}},
		{"percent escape", "b --x=100%% %s", nil, nil, [][]string{{"b", "--x=100%", u}}},
		{"env", "", map[string]string{"BROWSER": "w3m"}, nil, [][]string{{"w3m", u}}},
		{"field beats env", "lynx", map[string]string{"BROWSER": "w3m"}, nil, [][]string{{"lynx", u}}},
		{"list fallback", "", map[string]string{"BROWSER": "nosuch-browser %s:firefox:chromium"},
			[]string{"nosuch-browser"}, [][]string{{"nosuch-browser", u}, {"firefox", u}}},
		{"empty entries", "::firefox::", nil, nil, [][]string{{"firefox", u}}},
		{"platform default", "", nil, nil, [][]string{{platformArgv0(), u}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{missing: map[string]bool{}}
			for _, m := range tt.missing {
				rec.missing[m] = true
			}
			o := Opener{Browser: tt.browser, Env: env(tt.env), Start: rec.start}
			if _, err := o.Open(u); err != nil {
				t.Fatalf("Open: %v", err)
			}
			if !reflect.DeepEqual(rec.calls, tt.want) {
				t.Errorf("started %q, want %q", rec.calls, tt.want)
			}
		})
	}
}

func platformArgv0() string {
	return strings.Fields(platformOpener(runtime.GOOS))[0]
}

func TestOpenAllFail(t *testing.T) {
	rec := &recorder{missing: map[string]bool{"a": true, "b": true}}
	o := Opener{Browser: "a:b", Start: rec.start}
	_, err := o.Open("https://example.com/")
	if err == nil {
		t.Fatal("Open succeeded with no browser installed")
	}
	if got, want := err.Error(), "open link: a: not found; b: not found"; got != want {
		t.Errorf("error = %q, want %q", got, want)
	}
}

func TestOpenPlaceholderAsProgram(t *testing.T) {
	rec := &recorder{}
	o := Opener{Browser: "%s:firefox", Start: rec.start}
	if _, err := o.Open("https://example.com/"); err != nil {
		t.Fatal(err)
	}
	if want := [][]string{{"firefox", "https://example.com/"}}; !reflect.DeepEqual(rec.calls, want) {
		t.Errorf("started %q, want %q (never the URL as the program)", rec.calls, want)
	}
}

func TestOpenBlankBrowser(t *testing.T) {
	rec := &recorder{}
	o := Opener{Browser: " : ", Start: rec.start}
	if _, err := o.Open("https://example.com/"); err == nil || len(rec.calls) != 0 {
		t.Errorf("Open with a blank command list = %v, started %q", err, rec.calls)
	}
}

func TestArticleURL(t *testing.T) {
	for _, tc := range []struct{ original, web, want, why string }{
		{"https://o.example/", "https://w.example/", "https://o.example/", ""},
		{"javascript:alert(1)", "https://w.example/", "https://w.example/", ""},
		{"", "https://w.example/", "https://w.example/", ""},
		{"javascript:alert(1)", "data:text/html,x", "", "javascript"},
		{"", "", "", "no URL"},
	} {
		got, err := ArticleURL(tc.original, tc.web)
		if got != tc.want || (tc.why == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), tc.why) {
			t.Errorf("ArticleURL(%q, %q) = %q, %v; want %q and an error about %q", tc.original, tc.web, got, err, tc.want, tc.why)
		}
	}
}
