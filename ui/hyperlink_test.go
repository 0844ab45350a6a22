package ui

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/ui/browser"
	"github.com/herald-reader/herald/ui/render"
)

func withHyperlinks(o *Options) { o.Hyperlinks = true }

// osc8Seq matches one OSC 8 sequence as hyperlink writes them: an opening
// one with a URL, or the closing one.
var osc8Seq = regexp.MustCompile("\x1b\\]8;;([^\x1b\a]*)\x1b\\\\")

// checkOSC8 asserts that the only escapes besides SGR are OSC 8 sequences
// to URLs browser.CheckURL accepts, and returns those URLs.
func checkOSC8(t *testing.T, view string) []string {
	t.Helper()
	var urls []string
	for _, m := range osc8Seq.FindAllStringSubmatch(view, -1) {
		if m[1] == "" {
			continue
		}
		if err := browser.CheckURL(m[1]); err != nil {
			t.Errorf("hyperlink to a refused URL %q: %v", m[1], err)
		}
		urls = append(urls, m[1])
	}
	if err := controlFree(osc8Seq.ReplaceAllString(view, "")); err != nil {
		t.Error(err)
	}
	return urls
}

func hostileLinks() []*feed.Article {
	arts := articles(2)
	arts[0].Detail.Body = "A [good](https://good.example/a), a [file](file:///etc/passwd), " +
		"a [user](https://user:pw@evil.example/) and a [smuggler](https://evil.example/\x1b]8;;x\x1b\\)."
	return arts
}

func TestHyperlinksOnlyForAcceptedURLs(t *testing.T) {
	hs := newHarness(t, 140, 40, hostileLinks(), withRenderer(realRenderer(t)), withHyperlinks)
	v := hs.view()
	checkScreen(t, osc8Seq.ReplaceAllString(v, ""), 140, 40)
	urls := checkOSC8(t, v)
	joined := strings.Join(urls, " ")
	if !strings.Contains(joined, "https://good.example/a") {
		t.Errorf("accepted link not a hyperlink; got %v\n%q", urls, v)
	}
	for _, bad := range []string{"file:", "user:pw", "passwd"} {
		if strings.Contains(joined, bad) {
			t.Errorf("refused URL made a hyperlink: %v", urls)
		}
	}
	// Every line carrying a hyperlink closes it on that line.
	for _, line := range strings.Split(v, "\n") {
		opens := len(osc8Seq.FindAllString(line, -1))
		if opens%2 != 0 {
			t.Errorf("unbalanced hyperlinks on %q", line)
		}
	}
}

func TestHyperlinksOffChangesNothing(t *testing.T) {
	hs := newHarness(t, 140, 40, hostileLinks(), withRenderer(realRenderer(t)))
	v := hs.view()
	checkScreen(t, v, 140, 40)
	if strings.Contains(v, "\x1b]") {
		t.Errorf("OSC with hyperlinks off: %q", v)
	}
}

// forgedNumbers is an article that writes link numbers of its own, in its
// title, excerpt and body, also next to a real link of its body.
func forgedNumbers() []*feed.Article {
	arts := articles(2)
	arts[0].Title = "Forged [1] title"
	arts[0].Excerpt = "An excerpt citing [2]."
	arts[0].Detail.Body = "The text cites [1] and [2] and [3]. Read [the report](https://report.example/a) [4]."
	return arts
}

// TestArticleNumbersAreNotHyperlinks: only Herald's own link numbers
// become OSC 8 links, never a "[N]" in the article's text, even when a
// link with that number exists.
func TestArticleNumbersAreNotHyperlinks(t *testing.T) {
	hs := newHarness(t, 140, 40, forgedNumbers(), withRenderer(realRenderer(t)), withHyperlinks)
	v := hs.view()
	checkOSC8(t, v)
	herald := 0
	for _, line := range strings.Split(v, "\n") {
		plain := ansi.Strip(osc8Seq.ReplaceAllString(line, ""))
		linked := osc8Seq.MatchString(line)
		for _, forged := range []string{"Forged [1]", "citing [2]", "cites [1]", "report [4]"} {
			if strings.Contains(plain, forged) && linked {
				t.Errorf("the article's own number made a hyperlink: %q", line)
			}
		}
		if linked {
			herald++
		}
	}
	if herald == 0 {
		t.Errorf("none of Herald's link numbers is a hyperlink:\n%s", v)
	}
}

func TestHyperlinkShortenedURLTargetsFullURL(t *testing.T) {
	const full = "https://www.example.com/2025/a-very-long-path/index.html"
	links := []render.Link{{N: 1, URL: full}}
	got := hyperlink("  \x1b[4mhttps://www.exa…/index.html\x1b[0m and "+full+" too", nil, links)
	want := "  \x1b[4m" + osc8(full) + "https://www.exa…/index.html" + osc8End + "\x1b[0m and " + full + " too"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if got := hyperlink("https://other.example/x…y", nil, links); strings.Contains(got, "\x1b]8") {
		t.Errorf("a URL that is none of the links got a hyperlink: %q", got)
	}
}
