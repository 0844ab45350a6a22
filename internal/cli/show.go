package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/herald-reader/herald/config"
	"github.com/herald-reader/herald/feed"
	"github.com/herald-reader/herald/feed/page"
	"github.com/herald-reader/herald/internal/ascii"
	"github.com/herald-reader/herald/internal/textsafe"
	"github.com/herald-reader/herald/ui/render"
)

const showLong = `Prints one article: rendered Markdown with colours when stdout is a
terminal, plain Markdown text otherwise (for pipes, pagers and scripts).
PATH is an article file; ID is an article ID as "herald list --format json"
or tsv prints it (a unique prefix of at least 4 characters will do), looked
up in DIR... (default: the dirs of the config file). Control characters in
the article never reach the output. When "herald fetch" or the reader has
fetched the article's web page, its full text follows. Exit status: 0 shown, 1 no such
article, 2 usage or unreadable directory.`

// showWidth is the default wrap width off a terminal, and the most a
// terminal gets by default: longer lines are hard to read.
const showWidth = 100

func (g *globals) showCommand() *cobra.Command {
	var width int
	cmd := &cobra.Command{
		Use:   "show [--width N] ID|PATH [DIR...]",
		Short: "print one article (rendered on a terminal, plain text in a pipe)",
		Long:  showLong,
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) == 0 {
				return nil, cobra.ShellCompDirectiveDefault // an article file
			}
			return nil, cobra.ShellCompDirectiveFilterDirs
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.runShow(width, args, cmd.OutOrStdout())
		},
	}
	cmd.Flags().IntVar(&width, "width", 0, fmt.Sprintf("on a terminal, wrap at `N` columns (default: its width, at most %d); "+
		"plain text is not wrapped", showWidth))
	return cmd
}

// runShow is `herald show ID|PATH [DIR...]`.
func (g *globals) runShow(width int, args []string, stdout io.Writer) error {
	switch {
	case len(args) == 0:
		return usagef("no article given")
	case width < 0 || width > render.MaxWidth:
		return usagef("--width must be 1 to %d", render.MaxWidth)
	}
	cfg, _, err := g.loadConfig()
	if err != nil {
		return err
	}
	a, err := g.findArticle(args[0], args[1:])
	if err != nil {
		return err
	}
	tty := isTerminal(stdout)
	look := cfg.Appearance(g.getenv, func() bool { return darkBackground(g.getenv) })
	w := width
	if w == 0 {
		w = showWidth
		if tty {
			w = min(terminalWidth(stdout), showWidth)
		}
	}
	md, _ := render.DocumentWithPage(a, g.fetchedPage(cfg, a), time.Now())
	out := ""
	if tty {
		out, err = renderTerminal(md, w, look, colorProfile(g.getenv))
		if err != nil {
			g.debug.Printf("show %s: %v", a.Path, err)
		}
	} else {
		out = plainText(md)
		if look.Plain {
			out = ascii.Fold(out)
		}
	}
	if _, err := io.WriteString(stdout, strings.TrimRight(out, "\n")+"\n"); err != nil {
		return problems(err)
	}
	return nil
}

// fetchedPage is the article's page as reader mode fetched it, nil when
// none is kept. show never fetches: "herald fetch" does.
func (g *globals) fetchedPage(cfg config.Config, a *feed.Article) *page.Page {
	store := g.pageStore(cfg)
	if store == nil || a.URL() == "" {
		return nil
	}
	p, ok, err := store.Read(a.URL())
	if err != nil {
		g.debug.Printf("show %s: %v", a.Path, err)
	}
	if !ok {
		return nil
	}
	return &p
}

// findArticle reads the article named by arg: a file when arg is one,
// else an ID (or unique ID prefix) in dirs or the configured dirs.
func (g *globals) findArticle(arg string, dirs []string) (*feed.Article, error) {
	st, err := os.Stat(arg)
	if err != nil && strings.ContainsAny(arg, `/\.`) {
		// An ID is hex digits: this names a file, which is not there.
		return nil, problems(fmt.Errorf("read %s: %w", textsafe.Line(arg), pathless(err)))
	}
	if err == nil {
		if st.IsDir() {
			return nil, usagef("%s is a directory; give an article file or ID", arg)
		}
		a, err := feed.Detail(&feed.Article{Path: arg})
		if err != nil {
			return nil, problems(err)
		}
		return a, nil
	}
	lib, err := g.loadLibrary(dirs)
	if err != nil {
		return nil, err
	}
	a, problem := lookupID(lib, arg)
	if a == nil {
		return nil, problems(errors.New(problem))
	}
	full, err := feed.Detail(a)
	if err != nil {
		return nil, problems(err)
	}
	return full, nil
}

// lookupID finds the article with ID id, or the only one whose ID starts
// with id (at least 4 characters), as git does with commit hashes.
func lookupID(lib *feed.Library, id string) (*feed.Article, string) {
	if a := lib.ByID(id); a != nil {
		return a, ""
	}
	name := textsafe.Line(id)
	if len(id) < 4 {
		return nil, fmt.Sprintf("no article or file %q", name)
	}
	// Copies of one URL share an ID: count IDs, not articles.
	var found *feed.Article
	seen := map[string]bool{}
	for _, a := range lib.Articles() {
		if strings.HasPrefix(a.ID, id) && !seen[a.ID] {
			seen[a.ID] = true
			found = lib.ByID(a.ID)
		}
	}
	n := len(seen)
	switch n {
	case 0:
		return nil, fmt.Sprintf("no article or file %q", name)
	case 1:
		return found, ""
	}
	return nil, fmt.Sprintf("%q matches %d articles; give more of the ID", name, n)
}

// renderTerminal renders md with glamour in the style and colours look
// allows. Without colour no escape sequence is written at all: glamour
// emits resets even with the Ascii profile, so they are stripped, with the
// spaces it pads lines with.
func renderTerminal(md string, width int, look config.Appearance, profile termenv.Profile) (string, error) {
	if !look.Color {
		profile = termenv.Ascii
	}
	r, err := render.NewRenderer(look.Glamour, render.WithColorProfile(profile))
	if err != nil {
		return plainText(md), err
	}
	out, err := r.Render(md, width)
	if !look.Color {
		lines := strings.Split(ansi.Strip(out), "\n")
		for i, l := range lines {
			lines[i] = strings.TrimRight(l, " ")
		}
		out = strings.Join(lines, "\n")
	}
	return out, err
}

// plainText is the article for a pipe: the Markdown source, which reads
// as plain text, unwrapped (the pager or script decides), without the
// backslashes Document puts before punctuation from the article, and
// sanitised: no control character at all, not even SGR.
func plainText(md string) string {
	if strings.Contains(md, `\`) {
		var b strings.Builder
		for i := 0; i < len(md); i++ {
			if c := md[i]; c == '\\' && i+1 < len(md) && isASCIIPunct(md[i+1]) {
				i++
			}
			b.WriteByte(md[i])
		}
		md = b.String()
	}
	return textsafe.Sanitize(md)
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func terminalWidth(w io.Writer) int {
	if f, ok := w.(*os.File); ok {
		if cols, _, err := term.GetSize(int(f.Fd())); err == nil && cols > 0 {
			return cols
		}
	}
	return showWidth
}

// colorProfile is the colour depth the environment advertises. It reads
// variables only: a command that prints and exits must not query the
// terminal.
func colorProfile(getenv func(string) string) termenv.Profile {
	t := getenv("TERM")
	switch ct := strings.ToLower(getenv("COLORTERM")); {
	case t == "dumb":
		return termenv.Ascii
	case ct == "truecolor" || ct == "24bit":
		return termenv.TrueColor
	case strings.Contains(t, "256color"):
		return termenv.ANSI256
	}
	return termenv.ANSI
}

// darkBackground guesses the background from COLORFGBG ("15;0": light text
// on black), defaulting to dark, without querying the terminal.
func darkBackground(getenv func(string) string) bool {
	v := getenv("COLORFGBG")
	i := strings.LastIndexByte(v, ';')
	if i < 0 {
		return true
	}
	switch v[i+1:] {
	case "7", "9", "10", "11", "12", "13", "14", "15":
		return false
	}
	return true
}
