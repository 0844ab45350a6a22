// Package browser opens links in the user's web browser. It owns the rules
// for which URLs may leave Herald (CheckURL) and how the browser is started
// (Opener): never through a shell, detached from the terminal, with its
// output discarded so it cannot paint over the TUI.
package browser

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/herald-reader/herald/internal/textsafe"
)

// MaxURLLen bounds the URLs we hand to a browser. Linux refuses argv
// elements over 128 KiB anyway; real article links are far shorter, and a
// huge one is more likely an attack on the browser than a story.
const MaxURLLen = 8 << 10

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
	// Start starts the command and arranges for it to be reaped. nil means
	// cmd.Start and a goroutine that waits for the process. Tests inject a
	// fake that records cmd.Args.
	Start func(*exec.Cmd) error
}

// Open validates url with CheckURL and starts the browser on it without
// waiting for it to exit. A refused URL starts no process. The browser runs
// in its own session with stdin, stdout and stderr on the null device, so
// it neither writes over the TUI nor receives the terminal's signals.
func (o Opener) Open(url string) error {
	if err := CheckURL(url); err != nil {
		return fmt.Errorf("refused link: %w", err)
	}
	cmds := o.commands()
	if len(cmds) == 0 {
		return errors.New("open link: no browser command configured")
	}
	start := o.Start
	if start == nil {
		start = startAndReap
	}
	var errs []string
	for _, c := range cmds {
		argv, err := c.argv(url)
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		cmd := exec.Command(argv[0], argv[1:]...)
		// Stdin, Stdout and Stderr stay nil: exec connects them to the
		// null device.
		cmd.SysProcAttr = detached()
		if err := start(cmd); err != nil {
			errs = append(errs, fmt.Sprintf("%s: %v", shortName(argv[0]), shortErr(err)))
			continue
		}
		return nil
	}
	return fmt.Errorf("open link: %s", strings.Join(errs, "; "))
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

func startAndReap(cmd *exec.Cmd) error {
	if err := cmd.Start(); err != nil {
		return err
	}
	// Wait releases the process table entry; the exit status is of no
	// interest (xdg-open and many browsers exit non-zero for benign
	// reasons) and the UI must not block on it.
	go func() { _ = cmd.Wait() }()
	return nil
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
