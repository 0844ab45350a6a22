package cli

import (
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

func (g *globals) manCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "man",
		Short: "print the manual page, every command in one page (herald man | man -l -)",
		Long: `Prints herald(1), in roff, with every command and its options, generated from
the same definitions as the help. SOURCE_DATE_EPOCH sets its date, for
reproducible packages.`,
		Args:              noArgs,
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(cmd *cobra.Command, _ []string) error {
			date := time.Now()
			if epoch := g.getenv("SOURCE_DATE_EPOCH"); epoch != "" {
				sec, err := strconv.ParseInt(epoch, 10, 64)
				if err != nil {
					return usagef("SOURCE_DATE_EPOCH=%q is not a number of seconds", epoch)
				}
				date = time.Unix(sec, 0).UTC()
			}
			return writeManPage(cmd.Root(), date, cmd.OutOrStdout())
		},
	}
}

// writeManPage writes herald(1). cobra/doc makes one page per command, and
// would point at pages a single page does not come with; so the page is
// generated from a copy of the root that carries every command in its
// description.
func writeManPage(root *cobra.Command, date time.Time, w io.Writer) error {
	page := &cobra.Command{
		Use:                   root.Use,
		Short:                 root.Short,
		Long:                  manDescription(root),
		Example:               root.Example,
		DisableFlagsInUseLine: true,
		DisableAutoGenTag:     true,
	}
	page.Flags().AddFlagSet(root.LocalFlags())
	header := &doc.GenManHeader{
		Title:   "HERALD",
		Section: "1",
		Date:    &date,
		Source:  "herald " + version(),
		Manual:  "Herald Manual",
	}
	return doc.GenMan(page, header, w)
}

// manDescription is the DESCRIPTION of herald(1), in the Markdown cobra/doc
// takes: the introduction, then a section per command with its help, and
// the environment.
func manDescription(root *cobra.Command) string {
	var b strings.Builder
	b.WriteString(rootIntro + " Without a command it opens the reader on DIR... (default: the " +
		"configured dirs, else a built-in demo).\n\n")
	b.WriteString("# COMMANDS\n")
	for _, c := range listedCommands(root) {
		b.WriteString("### " + useLine(c) + "\n" + c.Short + ".\n\n```\n")
		if c.Long != "" {
			b.WriteString(strings.TrimRight(c.Long, "\n") + "\n")
		}
		if flags := c.LocalFlags(); flags.HasAvailableFlags() {
			b.WriteString("\nOptions:\n" + flags.FlagUsagesWrapped(flagWidth))
		}
		b.WriteString("```\n\n")
	}
	b.WriteString("# ENVIRONMENT\n```\n" + rootEnvironment + "```\n")
	return b.String()
}
