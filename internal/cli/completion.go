package cli

import (
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// choicesAnnotation lists the values a flag accepts, where it is declared;
// completion offers them.
const choicesAnnotation = "herald_choices"

// choices declares the fixed values of cmd's flag name, for completion.
func choices(cmd *cobra.Command, name string, values []string) {
	must(cmd.Flags().SetAnnotation(name, choicesAnnotation, values))
}

// isCompletionRequest reports whether args is the shell asking for
// completions (cobra's hidden __complete command).
func isCompletionRequest(args []string) bool {
	for _, a := range args {
		if a == cobra.ShellCompRequestCmd || a == cobra.ShellCompNoDescRequestCmd {
			return true
		}
		if !strings.HasPrefix(a, "-") {
			return false
		}
	}
	return false
}

// registerChoices hands every flag's choices to cobra's completion, and
// saved's to the flags that take a saved search's name. cobra
// keeps completion functions in a package-level map keyed by flag, which
// would grow with every Run (the tests make hundreds); only a completion
// request needs them, so only it registers them.
func registerChoices(root *cobra.Command, saved cobra.CompletionFunc) {
	var visit func(*cobra.Command)
	visit = func(cmd *cobra.Command) {
		cmd.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if values := f.Annotations[choicesAnnotation]; len(values) > 0 {
				must(cmd.RegisterFlagCompletionFunc(f.Name, completeFrom(values)))
			}
			if _, ok := f.Annotations[savedAnnotation]; ok {
				must(cmd.RegisterFlagCompletionFunc(f.Name, saved))
			}
		})
		for _, c := range cmd.Commands() {
			visit(c)
		}
	}
	visit(root)
}

// completeFrom completes a flag's value from values.
func completeFrom(values []string) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		var out []cobra.Completion
		for _, v := range values {
			if strings.HasPrefix(v, toComplete) {
				out = append(out, v)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeDirs completes directory arguments.
func completeDirs(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return nil, cobra.ShellCompDirectiveFilterDirs
}

// completeRoot completes `herald ...`: a command name (cobra adds the
// matching ones) or, when none matches, a directory for the reader.
func completeRoot(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) == 0 {
		for _, c := range cmd.Commands() {
			if c.IsAvailableCommand() && strings.HasPrefix(c.Name(), toComplete) {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
		}
	}
	return nil, cobra.ShellCompDirectiveFilterDirs
}
