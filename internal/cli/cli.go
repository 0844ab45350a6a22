// Package cli is the herald command line, on cobra. Run builds the command
// tree afresh for each invocation (root.go); each command declares its
// flags, with their usage text, and its help in its own file (list.go,
// ...), and returns an error; exit.go is the one place that turns an error
// into a message and an exit status. Help, completions and the man page
// are generated from the same definitions. Loading and parsing belong to
// package feed.
package cli

import (
	"io"
	"os"
)

// Run runs herald with args (without the program name) and returns the
// exit status: 0 ok, 1 problems found, 2 usage error, unreadable
// directory or bad configuration.
func Run(args []string, stdout, stderr io.Writer) int {
	return runEnv(args, os.Getenv, stdout, stderr)
}

// runEnv is Run reading the environment through getenv, so parallel tests
// can give each run its own config, cache and state directories.
func runEnv(args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	g := newGlobals(getenv)
	defer g.closeDebug()
	root := g.newRoot(stdout, stderr)
	if isCompletionRequest(args) {
		registerChoices(root, g.completeSaved)
	}
	root.SetArgs(longFlags(root, args))
	cmd, err := root.ExecuteC()
	return exitStatus(cmd, err, stderr)
}
