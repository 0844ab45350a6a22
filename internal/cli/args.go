package cli

import (
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// longFlags rewrites the single-dash long flags herald has always
// accepted (`-format json`, `-config=FILE`, Go's flag package style) to
// the double-dash form cobra parses; pflag would read `-format` as the
// shorthands -f -o -r .... Only names the command knows are rewritten,
// and never a flag's value (`--query -word` keeps its minus), so a
// mistyped flag still fails as unknown. It follows the arguments down the
// command tree as cobra will, and stops at "--".
func longFlags(root *cobra.Command, args []string) []string {
	out := make([]string, 0, len(args))
	cmd := root
	positional := false // a positional argument ends the command path
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return append(out, args[i:]...)
		case len(a) > 1 && a[0] == '-':
			name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
			f := lookupFlag(cmd, name)
			if f == nil {
				out = append(out, a)
				continue
			}
			if !strings.HasPrefix(a, "--") && len(name) > 1 {
				a = "-" + a
			}
			out = append(out, a)
			if !hasValue && f.NoOptDefVal == "" && i+1 < len(args) {
				i++ // the flag's value, whatever it looks like
				out = append(out, args[i])
			}
		default:
			out = append(out, a)
			if positional {
				continue
			}
			if sub := subcommand(cmd, a); sub != nil {
				cmd = sub
			} else if a != "__complete" && a != "__completeNoDesc" {
				// A completion request is followed by the words of the
				// line being completed: normalise them as a command line.
				positional = true
			}
		}
	}
	return out
}

// lookupFlag finds a flag cmd accepts by long name, or by shorthand for a
// one-letter name.
func lookupFlag(cmd *cobra.Command, name string) *pflag.Flag {
	cmd.InitDefaultHelpFlag()
	flags := cmd.Flags()
	if f := flags.Lookup(name); f != nil {
		return f
	}
	if f := cmd.InheritedFlags().Lookup(name); f != nil {
		return f
	}
	if len(name) == 1 {
		return flags.ShorthandLookup(name)
	}
	return nil
}

func subcommand(cmd *cobra.Command, name string) *cobra.Command {
	for _, c := range cmd.Commands() {
		if c.Name() == name || c.HasAlias(name) {
			return c
		}
	}
	return nil
}
