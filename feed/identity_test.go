package feed

import (
	"regexp"
	"strings"
	"testing"
)

func TestCanonicalURL(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "https://example.com/a/b", "https://example.com/a/b"},
		{"uppercase scheme and host", "HTTPS://Example.COM/Path", "https://example.com/Path"},
		{"www dropped", "https://www.forbes.com/x/", "https://forbes.com/x"},
		{"http written as https", "http://example.com/a", "https://example.com/a"},
		{"default http port", "http://example.com:80/a", "https://example.com/a"},
		{"default https port", "https://example.com:443/a", "https://example.com/a"},
		{"other port kept", "https://example.com:8443/a", "https://example.com:8443/a"},
		{"fragment dropped", "https://example.com/a#section-2", "https://example.com/a"},
		{"trailing slashes", "https://example.com/a//", "https://example.com/a"},
		{"root", "https://example.com/", "https://example.com"},
		{"no path", "https://example.com", "https://example.com"},
		{"utm dropped", "https://example.com/a?utm_source=x&utm_medium=y", "https://example.com/a"},
		{"UTM any case", "https://example.com/a?UTM_Campaign=x&id=3", "https://example.com/a?id=3"},
		{"fbclid dropped", "https://example.com/a?fbclid=abc", "https://example.com/a"},
		{"query sorted", "https://example.com/a?b=2&a=1", "https://example.com/a?a=1&b=2"},
		{"empty params", "https://example.com/a?&&b=2&", "https://example.com/a?b=2"},
		{"meaningful ref kept", "https://github.com/x/y?ref=main", "https://github.com/x/y?ref=main"},
		{"user info dropped", "https://user:pw@example.com/a", "https://example.com/a"},
		{"trailing dot host", "https://example.com./a", "https://example.com/a"},
		{"ipv6", "http://[::1]:8080/a", "https://[::1]:8080/a"},
		{"surrounding space", "  https://example.com/a \n", "https://example.com/a"},
		{"escaped path kept", "https://example.com/a%20b", "https://example.com/a%20b"},
		{"relative", "/assets/images/x.jpg", ""},
		{"no host", "https:///a", ""},
		{"mailto", "mailto:someone@example.com", ""},
		{"javascript", "javascript:alert(1)", ""},
		{"ftp", "ftp://example.com/a", ""},
		{"empty", "", ""},
		{"control char", "https://example.com/\x1b[31m", ""},
		{"garbage", "%%%", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(appendCanonicalURL(nil, tt.in)); got != tt.want {
				t.Errorf("canonical form of %q = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

var idPattern = regexp.MustCompile(`^[0-9a-f]{12}$`)

func TestURLIDSameForSpellingsOfOnePage(t *testing.T) {
	base := URLID("https://www.infoq.com/news/2019/12/google-cloud-automl/")
	if !idPattern.MatchString(base) {
		t.Fatalf("URLID = %q, want 12 lowercase hex chars", base)
	}
	for _, u := range []string{
		"http://infoq.com/news/2019/12/google-cloud-automl",
		"https://WWW.INFOQ.COM/news/2019/12/google-cloud-automl/?utm_source=twitter#top",
		"https://infoq.com:443/news/2019/12/google-cloud-automl/",
	} {
		if got := URLID(u); got != base {
			t.Errorf("URLID(%q) = %q, want %q", u, got, base)
		}
	}
	if got := URLID("https://www.infoq.com/news/2019/12/google-cloud-automl-2/"); got == base {
		t.Errorf("a different page got the same ID %q", got)
	}
	if got := URLID("not a url"); got != "" {
		t.Errorf("URLID of a non-URL = %q, want empty", got)
	}
}

func TestURLIDIsStable(t *testing.T) {
	// IDs key the user's read state on disk: they must never change between
	// versions. These values are pinned on purpose.
	if got, want := URLID("https://example.com/a"), URLID("https://example.com/a/"); got != want {
		t.Fatalf("trailing slash changed the ID: %q vs %q", got, want)
	}
	pinned := map[string]string{
		"https://example.com/a":       "578f46f81842",
		"http://www.example.com/a/#x": "578f46f81842",
	}
	for in, want := range pinned {
		if got := URLID(in); got != want {
			t.Errorf("URLID(%q) = %q, want %q", in, got, want)
		}
	}
	// Only the file name counts (issue 11), so the IDs of a flat
	// archive's files are what they were when the whole path did.
	if got, want := PathID("2019/a.md"), "409980ca245a"; got != want {
		t.Errorf("PathID = %q, want %q", got, want)
	}
}

func TestPathID(t *testing.T) {
	a, b := PathID("2019/a.md"), PathID("2019/b.md")
	if !idPattern.MatchString(a) || !idPattern.MatchString(b) {
		t.Fatalf("PathID = %q, %q; want 12 lowercase hex chars", a, b)
	}
	if a == b {
		t.Fatalf("different paths share ID %q", a)
	}
	if PathID("2019/a.md") != a {
		t.Fatal("PathID is not deterministic")
	}
	// The same file opened from its folder or from above it.
	if PathID("a.md") != a || PathID("news/2019/a.md") != a {
		t.Fatal("PathID depends on the folder opened")
	}
	// A path that happens to look like a URL must not collide with the URL.
	if PathID("https://example.com") == URLID("https://example.com") {
		t.Fatal("path and URL IDs share a namespace")
	}
}

func TestTitleKey(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"Computer Vision and the CCPA: What You Need to Know", "computer vision and the ccpa what you need to know", true},
		{"‘Lost in Space’ Season 2: Did Dr. Smith Live or Die?", "'Lost in Space' Season 2 - Did Dr Smith Live or Die", true},
		{"Artificial  intelligence tracks down leukemia", "Artificial intelligence tracks down leukaemia", false},
		{"AI news", "AI news", false}, // too short to group on
		{"", "", false},
	}
	for _, tt := range tests {
		ka, oka := appendTitleKey(nil, tt.a)
		kb, okb := appendTitleKey(nil, tt.b)
		if got := oka && okb && string(ka) == string(kb); got != tt.same {
			t.Errorf("title key of %q = %q (%v), of %q = %q (%v): same=%v, want %v", tt.a, ka, oka, tt.b, kb, okb, got, tt.same)
		}
	}
}

// canonicalCases are URLs at the edges of the fast path's assumptions.
var canonicalCases = []string{
	"https://example.com", "https://example.com/", "https://example.com//a//", "https://example.com?x=1",
	"https://example.com/?b=2&a=1#frag", "https://example.com:443", "http://example.com:80/", "https://example.com:80/",
	"http://example.com:443/", "https://example.com:0443/", "https://example.com:/a", "https://:443/a",
	"https://www./a", "https://WWW.EXAMPLE.COM./A", "HTTP://Example.com/a;b=c?x;y", "https://example.com/a(b)*c!$'",
	"https://example.com/a?q=a?b/c", "https://example.com/#a?b", "https://ex_ample.com/", "https://exa mple.com/",
	"https://example.com/a%2Fb", "https://user@example.com/", "https://[::1]/", "https://example.com/ä",
	"https://example.com/a\\b", "https://example.com/a\"b", "https://example.com/?utm_source=x&&a=1&fbclid=2",
	"https://-example-.com/", "https://example.com:99999999999999999999/", "https://example..com/", "https:/a",
	"https://example.com/a#%zz", "https://example.com/a?%zz", "https://www.example.com:8080/a/",
}

// TestCanonicalFastMatchesSlow holds the allocation-free fast path to
// net/url's answers wherever it claims a URL.
func TestCanonicalFastMatchesSlow(t *testing.T) {
	for _, in := range canonicalCases {
		checkFastMatchesSlow(t, in)
	}
}

func FuzzCanonicalURL(f *testing.F) {
	for _, in := range canonicalCases {
		f.Add(in)
	}
	f.Fuzz(checkFastMatchesSlow)
}

func checkFastMatchesSlow(t *testing.T, in string) {
	fast, ok := appendCanonicalFast(nil, strings.TrimSpace(in))
	if ok && string(fast) != canonicalSlow(strings.TrimSpace(in)) {
		t.Errorf("%q: fast path %q, net/url path %q", in, fast, canonicalSlow(strings.TrimSpace(in)))
	}
}
