// Package cli is the herald command line: Run dispatches to a subcommand
// from the table in commands, each implemented in its own file (list.go,
// ...). It owns flags, output formats and exit statuses; loading and
// parsing belong to package feed.
package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// Exit statuses shared by every subcommand.
const (
	exitOK       = 0
	exitProblems = 1 // the command ran and found problems (herald errors)
	exitUsage    = 2 // bad arguments, an unreadable directory, a bad config
)

// command is one subcommand. run gets the arguments after the name and
// returns the exit status.
type command struct {
	name    string
	args    string // argument synopsis for the usage text
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

// commands is the dispatch table. A subcommand lives in its own file and
// is listed here once. The entry with the empty name, when present, runs
// when no subcommand is named (`herald` or `herald DIR...`).
// g carries the global options and the environment to the subcommands
// that need the configuration (see globals.go).
func commands(g *globals) []command {
	return []command{
		{name: "list", args: "[--query QUERY] [--sort KEY] [--format FORMAT] [--limit N] [DIR...]", summary: "print the articles of DIR... (default: the configured dirs), newest first", run: g.runList},
		{name: "mark-read", args: "(--query QUERY | --all) [--unread] [DIR...]", summary: "mark the articles that match QUERY read (or unread) in the reading state", run: g.runMarkRead},
		{name: "unread-count", args: "[--query QUERY] [DIR...]", summary: "print the number of unread articles (that match QUERY), for status bars", run: g.runUnreadCount},
		{name: "show", args: "[--width N] ID|PATH [DIR...]", summary: "print one article (rendered on a terminal, plain text in a pipe)", run: g.runShow},
		{name: "errors", args: "[DIR...]", summary: "list the files that could not be used, with reasons (exit 1 if any)", run: g.runErrors},
		{name: "config", args: "[--path]", summary: "print the default configuration, or which config file is used", run: g.runConfig},
		{name: "", args: "[DIR...]", summary: "read the articles of DIR... (default: the configured dirs, else a built-in demo)", run: g.runTUI},
	}
}

// Run runs herald with args (without the program name) and returns the
// exit status: 0 ok, 1 problems found, 2 usage error, unreadable
// directory or bad configuration.
func Run(args []string, stdout, stderr io.Writer) int {
	return runEnv(args, os.Getenv, stdout, stderr)
}

// runEnv is Run reading the environment through getenv, so parallel tests
// can give each run its own config, cache and state directories.
func runEnv(args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	g, args, done, code := parseGlobals(args, getenv, stdout, stderr)
	if done {
		return code
	}
	defer g.openDebug(stderr)()
	cmds := commands(g)
	if len(args) > 0 {
		switch args[0] {
		case "-h", "-help", "--help", "help":
			usage(stdout, cmds)
			return exitOK
		}
		for _, c := range cmds {
			if c.name != "" && c.name == args[0] {
				return c.run(args[1:], stdout, stderr)
			}
		}
	}
	for _, c := range cmds {
		if c.name == "" {
			return c.run(args, stdout, stderr)
		}
	}
	if len(args) > 0 {
		fmt.Fprintf(stderr, "herald: unknown command %q\n", args[0])
	}
	usage(stderr, cmds)
	return exitUsage
}

func usage(w io.Writer, cmds []command) {
	var b strings.Builder
	b.WriteString("Herald reads a folder of news articles (Markdown with YAML front matter).\n\nUsage:\n")
	for _, c := range cmds {
		name := "herald"
		if c.name != "" {
			name += " " + c.name
		}
		fmt.Fprintf(&b, "  %s %s\n      %s\n", name, c.args, c.summary)
	}
	b.WriteString(globalHelp)
	io.WriteString(w, b.String())
}
