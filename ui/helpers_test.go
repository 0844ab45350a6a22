package ui

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/herald-reader/herald/config"
	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/internal/textsafe"
	"github.com/herald-reader/herald/ui/render"
)

func TestMain(m *testing.M) {
	// Pin what the terminal would otherwise decide: no colour in
	// snapshots, and never a background query.
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
	if corpus := os.Getenv(memoryChildEnv); corpus != "" {
		os.Exit(readerMemoryChild(corpus, os.Getenv(memoryCacheEnv)))
	}
	os.Exit(m.Run())
}

var fixedNow = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

func fixedClock() time.Time { return fixedNow }

// fakeOpener records the URLs it is asked to open; refuse makes it
// reject URLs the way browser.Opener does.
type fakeOpener struct {
	mu     sync.Mutex
	opened []string
	refuse func(string) error
}

func (o *fakeOpener) Open(url string) ([]error, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.refuse != nil {
		if err := o.refuse(url); err != nil {
			return nil, err
		}
	}
	o.opened = append(o.opened, url)
	return nil, nil
}

func (o *fakeOpener) urls() []string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return append([]string(nil), o.opened...)
}

// refuseNonHTTPS is a stand-in for browser.CheckURL in tests.
func refuseNonHTTPS(url string) error {
	if !strings.HasPrefix(url, "https://") {
		return fmt.Errorf("refused URL %q: not http(s)", url)
	}
	return nil
}

// article builds a full test article; the i-th is published i hours
// before fixedNow, so a slice built in order is newest first.
func article(i int, title string) *feed.Article {
	u := fmt.Sprintf("https://news.example/story-%d", i)
	a := &feed.Article{
		ID:        feed.URLID(u),
		Title:     title,
		Excerpt:   fmt.Sprintf("Excerpt of story %d.", i),
		Published: fixedNow.Add(-time.Duration(i) * time.Hour),
		WebURL:    u,
		Type:      "article",
		Provider:  feed.Provider{Name: fmt.Sprintf("Provider %d", i%3), Domain: "news.example"},
		Topics:    []string{"AI", fmt.Sprintf("Topic %d", i%4)},
		Detail:    &feed.ArticleDetail{Body: fmt.Sprintf("Body of story %d.\n\nSecond paragraph.", i)},
	}
	rel := fmt.Sprintf("2025-03-01-story-%d.md", i)
	a.SetPath("news/"+rel, rel)
	return a
}

// articles builds n test articles, newest first.
func articles(n int) []*feed.Article {
	out := make([]*feed.Article, n)
	for i := range out {
		out[i] = article(i, fmt.Sprintf("Story number %d", i))
	}
	return out
}

// relate makes from list to as a related story.
func relate(from, to *feed.Article) {
	from.Detail.Related = append(from.Detail.Related, feed.Related{
		Title: to.Title, WebURL: to.WebURL, Provider: to.Provider, Published: to.Published,
	})
	from.SetRelatedIDs(append(from.RelatedIDList(), feed.URLID(to.WebURL)))
	from.RelatedCount++
}

// plainRenderer renders Markdown as its sanitised source: fast and
// deterministic for Update-level tests (the real renderer is exercised in
// the hostile-text and golden tests).
type plainRenderer struct{}

func (plainRenderer) Render(md string, width int) (string, error) { return textsafe.Sanitize(md), nil }

type harness struct {
	t      *testing.T
	m      *Model
	keys   config.KeyMap
	opener *fakeOpener
	quit   bool
}

type option func(*Options)

func withRenderer(r Renderer) option { return func(o *Options) { o.Renderer = r } }
func withLoader(ch <-chan feed.Batch) option {
	return func(o *Options) { o.Loader = ch }
}

// newHarness builds a model of the given size with arts already loaded.
func newHarness(t *testing.T, w, h int, arts []*feed.Article, opts ...option) *harness {
	t.Helper()
	hs := &harness{t: t, keys: config.DefaultKeyMap(), opener: &fakeOpener{refuse: refuseNonHTTPS}}
	o := Options{
		Keys:     hs.keys,
		Styles:   NewStyles(config.Default().Theme, config.Appearance{}),
		Layout:   config.Layout{SplitAt: 100, ListShare: 0.4},
		Dates:    config.Dates{Relative: true},
		Clock:    fixedClock,
		Opener:   hs.opener,
		Renderer: plainRenderer{},
		Detail:   func(a *feed.Article) (*feed.Article, error) { return a, nil },
	}
	if arts != nil {
		ch := make(chan feed.Batch, 1)
		ch <- feed.Batch{Articles: arts, Found: len(arts), Done: true}
		close(ch)
		o.Loader = ch
	}
	for _, opt := range opts {
		opt(&o)
	}
	hs.m = New(o)
	hs.run(hs.m.Init())
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	return hs
}

// send delivers msg and runs the commands it returns to completion,
// feeding their messages back, as the Bubble Tea runtime would (in order,
// on one goroutine, which keeps tests deterministic).
func (hs *harness) send(msg tea.Msg) {
	hs.t.Helper()
	_, cmd := hs.m.Update(msg)
	hs.run(cmd)
}

func (hs *harness) run(cmd tea.Cmd) {
	hs.t.Helper()
	hs.runEach(func(_ tea.Msg, deliver func()) { deliver() }, cmd)
}

// runEach is run with a look at each message: each gets the message and
// the function that delivers it to the model (queueing what it returns),
// and may deliver it, check the model after, or keep it back.
func (hs *harness) runEach(each func(msg tea.Msg, deliver func()), cmds ...tea.Cmd) {
	hs.t.Helper()
	queue := cmds
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 10000 {
			hs.t.Fatal("command loop does not settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case tea.QuitMsg:
			hs.quit = true
		default:
			each(msg, func() {
				_, next := hs.m.Update(msg)
				queue = append(queue, next)
			})
		}
	}
}

// press sends the first key of binding b.
func (hs *harness) press(b key.Binding) {
	hs.t.Helper()
	hs.send(keyMsg(b.Keys()[0]))
}

// typeText types s as individual key presses.
func (hs *harness) typeText(s string) {
	for _, r := range s {
		hs.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

// keyMsg turns a key name as bindings spell it ("j", "down", "ctrl+c",
// " ") into the message Bubble Tea delivers for it.
func keyMsg(name string) tea.KeyMsg {
	if name == " " {
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	}
	for t := tea.KeyType(-200); t < 200; t++ {
		if t == tea.KeyRunes {
			continue
		}
		if k := (tea.Key{Type: t}); k.String() == name {
			return tea.KeyMsg(k)
		}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(name)}
}

// openLink types the count n then the open-in-browser key: opens link n.
func (hs *harness) openLink(n int) {
	hs.t.Helper()
	hs.typeText(strconv.Itoa(n))
	hs.press(hs.keys.OpenBrowser)
}

func (hs *harness) view() string { return hs.m.View() }

// selected is the title under the list cursor.
func (hs *harness) selected() string {
	if a := hs.m.list.Selected(); a != nil {
		return a.Title
	}
	return ""
}

// sgr matches one SGR sequence, the only escape the screen may carry.
var sgr = regexp.MustCompile("\x1b\\[[0-9;:]*m")

// checkScreen asserts the frame is exactly w x h cells and holds no
// control character other than SGR sequences.
func checkScreen(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Fatalf("%dx%d: %d lines", w, h, len(lines))
	}
	for i, l := range lines {
		if got := width(l); got != w {
			t.Fatalf("%dx%d: line %d is %d cells: %q", w, h, i, got, l)
		}
	}
	if err := controlFree(view); err != nil {
		t.Fatalf("%dx%d: %v", w, h, err)
	}
}

// controlFree reports any control character left once SGR sequences and
// newlines are removed.
func controlFree(view string) error {
	rest := sgr.ReplaceAllString(view, "")
	for i, r := range rest {
		if r == '\n' {
			continue
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return fmt.Errorf("control character %U at byte %d: %q", r, i, around(rest, i))
		}
		if r == 0x202e || r == 0x202d || r == 0x2066 || r == 0x2067 || r == 0x2068 || r == 0x200f {
			return fmt.Errorf("bidi control %U at byte %d: %q", r, i, around(rest, i))
		}
	}
	return nil
}

func around(s string, i int) string {
	return s[max(0, i-20):min(len(s), i+20)]
}

var _ = render.Link{}
