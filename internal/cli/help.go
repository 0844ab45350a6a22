package cli

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

const (
	// helpOrderAnnotation ranks a command in the root help (cobra sorts
	// commands by name).
	helpOrderAnnotation = "herald_help_order"
	// valueNameAnnotation says what a flag's value is, for the message when
	// it is missing ("--config needs a file name").
	valueNameAnnotation = "herald_value_name"
	// flagWidth is where flag usages wrap, in columns.
	flagWidth = 80
)

// helpText is the help of cmd, generated from its definition: usage line,
// description, then its flags with their usage text.
func helpText(cmd *cobra.Command) string {
	if !cmd.HasParent() {
		return rootHelp(cmd)
	}
	var b strings.Builder
	b.WriteString("Usage: " + useLine(cmd) + "\n")
	if cmd.Long != "" {
		b.WriteString("\n" + strings.TrimRight(cmd.Long, "\n") + "\n")
	}
	if flags := cmd.LocalFlags(); flags.HasAvailableFlags() {
		b.WriteString("\nOptions:\n" + flags.FlagUsagesWrapped(flagWidth))
	}
	if subs := listedCommands(cmd); len(subs) > 0 {
		b.WriteString("\nCommands:\n")
		writeSynopses(&b, subs)
	}
	return b.String()
}

// rootHelp is `herald --help`: every command with its synopsis, the global
// options, the environment and examples.
func rootHelp(root *cobra.Command) string {
	var b strings.Builder
	b.WriteString(rootIntro + "\n\nUsage:\n")
	writeSynopses(&b, append(listedCommands(root), root))
	b.WriteString("\nGlobal options:\n" + root.LocalFlags().FlagUsagesWrapped(flagWidth))
	b.WriteString("\nEnvironment:\n" + rootEnvironment)
	b.WriteString("\nExamples:\n" + root.Example + "\n")
	return b.String()
}

func writeSynopses(b *strings.Builder, cmds []*cobra.Command) {
	for _, c := range cmds {
		b.WriteString("  " + useLine(c) + "\n      " + c.Short + "\n")
	}
}

// useLine is the command's path and synopsis ("herald list [--query
// QUERY] ... [DIR...]"); cobra's UseLine would add "[flags]".
func useLine(cmd *cobra.Command) string {
	if cmd.HasParent() {
		return cmd.Parent().CommandPath() + " " + cmd.Use
	}
	return cmd.Use
}

// listedCommands are the subcommands of cmd that the help lists, in the
// order of helpOrderAnnotation, then by name.
func listedCommands(cmd *cobra.Command) []*cobra.Command {
	var out []*cobra.Command
	for _, c := range cmd.Commands() {
		if c.IsAvailableCommand() {
			out = append(out, c)
		}
	}
	rank := func(c *cobra.Command) int {
		if n, err := strconv.Atoi(c.Annotations[helpOrderAnnotation]); err == nil {
			return n
		}
		return len(out) // after the ranked ones
	}
	slices.SortStableFunc(out, func(a, b *cobra.Command) int { return rank(a) - rank(b) })
	return out
}

// flagError turns pflag's parse errors into usage errors worded as herald
// words them.
func flagError(cmd *cobra.Command, err error) error {
	var unknown *pflag.NotExistError
	var missing *pflag.ValueRequiredError
	var invalid *pflag.InvalidValueError
	switch {
	case errors.As(err, &unknown):
		name := "--" + unknown.GetSpecifiedName()
		if s := unknown.GetSpecifiedShortnames(); s != "" {
			name = "-" + s
		}
		if !cmd.HasParent() {
			return usagef("unknown option %q (see herald --help)", name)
		}
		return usagef("flag provided but not defined: %s", name)
	case errors.As(err, &missing):
		what := "a value"
		if n := missing.GetFlag().Annotations[valueNameAnnotation]; len(n) > 0 {
			what = n[0]
		}
		return usagef("--%s needs %s", missing.GetFlag().Name, what)
	case errors.As(err, &invalid):
		return usagef("invalid value %q for --%s", invalid.GetValue(), invalid.GetFlag().Name)
	}
	return usagef("%s", err.Error())
}
