// Package browser opens links in the user's web browser. It owns the rules
// for which URLs may leave Herald (CheckURL) and how the browser is started
// (Opener): never through a shell, detached from the terminal, with its
// output kept off the terminal so it cannot paint over the TUI, and
// watched for a moment so a browser that fails is told, not taken for
// opened.
package browser

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/herald-reader/herald/internal/textsafe"
)

// MaxURLLen bounds the URLs we hand to a browser. Linux refuses argv
// elements over 128 KiB anyway; real article links are far shorter, and a
// huge one is more likely an attack on the browser than a story.
const MaxURLLen = 8 << 10

// ArticleURL is the link of an article with these URLs that may be opened
// or copied: originalUrl when CheckURL accepts it, else webUrl (the link
// list offers both). Both refused: the error is the first's, so the user
// learns why the link they see does not open.
func ArticleURL(original, web string) (string, error) {
	var first error
	for _, u := range []string{original, web} {
		if u == "" {
			continue
		}
		err := CheckURL(u)
		if err == nil {
			return u, nil
		}
		if first == nil {
			first = err
		}
	}
	if first == nil {
		return "", errors.New("the article has no URL")
	}
	return "", first
}

// CheckURL reports why raw must not be opened, or nil when it may: an
// http or https URL with a host, without user info, without whitespace or
// invisible characters (textsafe.Invisible: controls a browser or xdg-open
// might interpret, bidi and format characters that hide what the URL is), at most
// MaxURLLen bytes. Errors are short and never quote the URL, so they are safe
// to show in a status line.
func CheckURL(raw string) error {
	switch {
	case raw == "":
		return errors.New("empty URL")
	case len(raw) > MaxURLLen:
		return fmt.Errorf("URL longer than %d bytes", MaxURLLen)
	case !utf8.ValidString(raw):
		return errors.New("URL is not valid UTF-8")
	}
	for _, r := range raw {
		if unicode.IsSpace(r) || textsafe.Invisible(r) {
			return errors.New("URL contains whitespace or control characters")
		}
	}
	// Browsers read a backslash as a slash, Go's parser does not: refuse it
	// rather than open a host other than the one we checked.
	if strings.Contains(raw, `\`) {
		return errors.New("URL contains a backslash")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return errors.New("malformed URL")
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		if u.Scheme == "" {
			return errors.New("URL has no scheme (only http and https open)")
		}
		return fmt.Errorf("scheme %q refused (only http and https open)", u.Scheme)
	}
	if u.Opaque != "" || u.Host == "" || u.Hostname() == "" {
		return errors.New("URL has no host")
	}
	if u.User != nil || strings.Contains(authority(raw), "@") {
		return errors.New("URL contains user info")
	}
	return nil
}

// authority returns the part of an absolute URL between "//" and the next
// '/', '?' or '#'.
func authority(raw string) string {
	_, rest, ok := strings.Cut(raw, "//")
	if !ok {
		return ""
	}
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	return rest
}

// Opener starts the user's browser on a URL. The zero value is ready to use:
// $BROWSER, else xdg-open (open on macOS).
type Opener struct {
	// Browser is a $BROWSER-style list of commands separated by ':', tried
	// in order until one starts. A "%s" in an argument is replaced by the
	// URL (that argument stays one argv element); without "%s" the URL is
	// appended as the last argument. Commands are split on whitespace, never
	// given to a shell. "" means $BROWSER, then the platform opener.
	Browser string
	// Env reads environment variables; nil means os.Getenv.
	Env func(string) string
	// Start starts the command and reports whether it launched: an error
	// when it could not start or failed within Grace. nil means Launch.
	// Tests inject a fake that records cmd.Args.
	Start func(cmd *exec.Cmd) error
	// Grace is how long a started command may take to fail; 0 means
	// DefaultGrace.
	Grace time.Duration
}

// DefaultGrace is how long Open watches a browser command: one that exits
// non-zero within it failed (no display, no handler for the URL, a typo
// in $BROWSER) and the next command is tried; one that exits zero (an
// opener handing the URL to a running browser) or still runs launched.
const DefaultGrace = 2 * time.Second

// Open validates url with CheckURL and starts the browser on it, trying
// the commands of the list in turn until one launches (see Launch); it
// returns once one has, without waiting for the browser to exit. failed
// lists the commands that failed before it, each with its error; err is
// non-nil when none launched. A refused URL starts no process. The
// browser runs in its own session with stdin and stdout on the null
// device, so it neither writes over the TUI nor receives the terminal's
// signals. Open blocks for up to Grace per command: call it off the UI
// goroutine.
func (o Opener) Open(url string) (failed []error, err error) {
	if err := CheckURL(url); err != nil {
		return nil, fmt.Errorf("refused link: %w", err)
	}
	cmds := o.commands()
	if len(cmds) == 0 {
		return nil, errors.New("open link: no browser command configured")
	}
	start := o.Start
	if start == nil {
		grace := o.Grace
		if grace <= 0 {
			grace = DefaultGrace
		}
		start = func(cmd *exec.Cmd) error { return Launch(cmd, grace) }
	}
	for _, c := range cmds {
		argv, err := c.argv(url)
		if err != nil {
			failed = append(failed, err)
			continue
		}
		cmd := exec.Command(argv[0], argv[1:]...)
		// Stdin and Stdout stay nil: exec connects them to the null
		// device. Launch keeps the start of stderr for its error.
		cmd.SysProcAttr = detached()
		if err := start(cmd); err != nil {
			failed = append(failed, fmt.Errorf("%s: %s", shortName(argv[0]), shortErr(err)))
			continue
		}
		return failed, nil
	}
	return nil, fmt.Errorf("open link: %s", Join(failed))
}

// Join puts errors on one line, "; " between them, for a status line.
func Join(errs []error) string {
	s := make([]string, len(errs))
	for i, err := range errs {
		s[i] = err.Error()
	}
	return strings.Join(s, "; ")
}

// commands resolves which browser commands to try, in order.
func (o Opener) commands() []command {
	list := o.Browser
	if list == "" {
		env := o.Env
		if env == nil {
			env = os.Getenv
		}
		list = env("BROWSER")
	}
	if list == "" {
		list = platformOpener(runtime.GOOS)
	}
	return parseList(list)
}

// platformOpener is the desktop's "open this URL" command.
func platformOpener(goos string) string {
	switch goos {
	case "darwin":
		return "open"
	case "windows":
		return "rundll32 url.dll,FileProtocolHandler"
	default:
		return "xdg-open"
	}
}

// stderrKept bounds how much of a browser's stderr is kept for the error
// message of a failed launch.
const stderrKept = 512

// Launch starts cmd and watches it for grace: an error when it does not
// start, or exits non-zero (or is killed) within grace, with the first
// line of its stderr; nil when it exits zero or is still running then. A
// goroutine reaps the process whenever it ends.
func Launch(cmd *exec.Cmd, grace time.Duration) error {
	var stderr headBuffer
	cmd.Stderr = &stderr
	// A child that keeps stderr open (xdg-open's browser) must not hold
	// up Wait once the command itself has exited.
	cmd.WaitDelay = 100 * time.Millisecond
	if err := cmd.Start(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	timer := time.NewTimer(grace)
	defer timer.Stop()
	select {
	case err := <-done:
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			if line := stderr.firstLine(); line != "" {
				return fmt.Errorf("%w: %s", err, line)
			}
		}
		return err
	case <-timer.C:
		return nil
	}
}

// headBuffer keeps the first stderrKept bytes written to it and accepts
// (drops) the rest, so the copying goroutine never fails on it.
type headBuffer struct{ b []byte }

func (h *headBuffer) Write(p []byte) (int, error) {
	if room := stderrKept - len(h.b); room > 0 {
		h.b = append(h.b, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

// firstLine is the first non-blank line kept, made safe for a status line.
func (h *headBuffer) firstLine() string {
	for _, l := range strings.Split(string(h.b), "\n") {
		if l = strings.TrimSpace(textsafe.Line(l)); l != "" {
			return l
		}
	}
	return ""
}

// shortErr drops exec's repetition of the program name and path.
func shortErr(err error) string {
	if errors.Is(err, exec.ErrNotFound) {
		return "not found"
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// shortName keeps the base name of a command for error messages.
func shortName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}
