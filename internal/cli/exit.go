package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/herald-reader/herald/config"
	"github.com/herald-reader/herald/internal/textsafe"
)

// Exit statuses shared by every command.
const (
	exitOK       = 0
	exitProblems = 1 // the command ran and found problems (herald errors)
	exitUsage    = 2 // bad arguments, an unreadable directory, a bad config
)

// usageError is a mistake on the command line. Its message is followed by
// the command's help.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error {
	return &usageError{msg: fmt.Sprintf(format, a...)}
}

// noArgs is the Args of a command that takes none: a usage error (exit
// 2) naming the first one given.
func noArgs(_ *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	return nil
}

// problemsError is a command that ran and found problems (a file that
// could not be used, an article that is not there, output that could not
// be written): exit status 1 rather than 2.
type problemsError struct{ err error }

func (e *problemsError) Error() string { return e.err.Error() }
func (e *problemsError) Unwrap() error { return e.err }

func problems(err error) error { return &problemsError{err: err} }

// exitStatus prints err for cmd, the command that returned it (cobra
// always names one), and returns
// the exit status. It is the one place errors become messages: each line
// starts with the command ("herald list: ..."), and nothing from a file or
// an argument reaches the terminal unsanitised. Any error not marked
// otherwise is exit status 2: the arguments, the config or a directory
// stopped the command before it could run.
func exitStatus(cmd *cobra.Command, err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	var cerr *config.Error
	if errors.As(err, &cerr) {
		// One problem per line in the PATH:LINE: SETTING: problem form
		// editors can jump to.
		fmt.Fprintln(stderr, "herald: the configuration has problems:")
		printLines(stderr, "", err.Error())
		return exitUsage
	}
	prefix := cmd.CommandPath() + ": "
	var uerr *usageError
	if errors.As(err, &uerr) {
		printLines(stderr, prefix, uerr.msg)
		if cmd.HasParent() { // the root's help is the whole manual
			fmt.Fprintln(stderr)
			io.WriteString(stderr, helpText(cmd))
		}
		return exitUsage
	}
	printLines(stderr, prefix, err.Error())
	var perr *problemsError
	if errors.As(err, &perr) {
		return exitProblems
	}
	return exitUsage
}

func printLines(w io.Writer, prefix, msg string) {
	for _, line := range strings.Split(msg, "\n") {
		fmt.Fprintf(w, "%s%s\n", prefix, textsafe.Line(line))
	}
}
