package cli

import (
	"io"
	"strconv"

	"github.com/spf13/cobra"
)

// rootIntro opens `herald --help` and the man page.
const rootIntro = "Herald reads a folder of news articles (Markdown with YAML front matter)."

// rootEnvironment is the environment herald reads, for the help and the
// man page.
const rootEnvironment = `  HERALD_CONFIG=FILE   config file, when --config is not given
  NO_COLOR=1           no colour at all (https://no-color.org)
  HERALD_DEBUG=FILE    append a debug log to FILE
  HERALD_NO_CACHE=1    do not read or write the index cache
  HERALD_OFFLINE=1     never use the network, as --offline
  XDG_STATE_HOME=DIR   keep the read/starred marks in DIR/herald
                       (default: ~/.local/state/herald)
  XDG_CACHE_HOME=DIR   keep the index cache and fetched pages in DIR/herald
                       (default: ~/.cache/herald)
`

const rootExamples = `  herald ~/ai/_news                      read the articles in the TUI
  herald list --format tsv ~/ai/_news | fzf --with-nth 4
  herald list --limit 10 --format md ~/ai/_news   the newest ten, as Markdown
  herald show 3f2a9c1b07de ~/ai/_news    one article by ID (see list --format tsv)
  herald list --query 'topic:AI is:unread since:7d' --sort quality
                                         search the configured dirs, best first
  herald mark-read --query 'provider:forbes before:30d'   mark old Forbes articles read
  herald unread-count --query topic:AI   a bare number, for a status bar
  herald fetch --query since:7d          keep last week's pages for offline reading
  herald errors ~/ai/_news || echo "some files could not be read"
  herald config > ~/.config/herald/config.yaml   start a config from the defaults
  herald config --path                   which config file is used (and is it valid?)`

// newRoot builds the command tree for one invocation, writing to stdout
// and stderr. The root itself is the reader (`herald [DIR...]`); the other
// commands hang off it in the order the help lists them.
func (g *globals) newRoot(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:     "herald [DIR...]",
		Short:   "read the articles of DIR... (default: the configured dirs, else a built-in demo)",
		Example: rootExamples,
		Args:    cobra.ArbitraryArgs,
		// cobra prints it for --version, declared below without cobra's -v.
		Version:           version(),
		ValidArgsFunction: completeRoot,
		SilenceErrors:     true, // exitStatus prints them
		SilenceUsage:      true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			if cmd.Flags().Changed("config") && g.configPath == "" {
				return usagef("--config needs a file name")
			}
			g.openDebug(cmd.ErrOrStderr())
			return nil
		},
		RunE: func(cmd *cobra.Command, dirs []string) error {
			return g.runTUI(dirs, cmd.OutOrStdout())
		},
	}
	// Before the completion command is made: it keeps the writer it sees.
	root.SetOut(stdout)
	root.SetErr(stderr)
	pf := root.PersistentFlags()
	pf.StringVar(&g.configPath, "config", "", "read this config `FILE` (default: $XDG_CONFIG_HOME/herald/config.yaml)")
	pf.BoolVar(&g.plain, "plain", false, "no colour, no box drawing, ASCII only (for screen readers)")
	pf.BoolVar(&g.offline, "offline", false, "never use the network; pages fetched before still show (also HERALD_OFFLINE=1)")
	pf.BoolP("help", "h", false, "print the help")
	root.Flags().Bool("version", false, "print the version")
	must(pf.SetAnnotation("config", valueNameAnnotation, []string{"a file name"}))
	must(root.MarkPersistentFlagFilename("config", "yaml", "yml"))
	root.SetVersionTemplate("herald {{.Version}}\n")

	// cobra sorts commands by name; the help lists them in this order,
	// the everyday ones first.
	for i, c := range []*cobra.Command{g.listCommand(), g.markReadCommand(), g.unreadCountCommand(),
		g.showCommand(), g.fetchCommand(), g.errorsCommand(), g.configCommand(), g.manCommand()} {
		c.Annotations = map[string]string{helpOrderAnnotation: strconv.Itoa(i)}
		root.AddCommand(c)
	}
	root.InitDefaultCompletionCmd()
	if c, _, err := root.Find([]string{"completion"}); err == nil && c != root {
		c.Use = "completion SHELL"
		c.Short = "print the script that completes herald's commands and flags in SHELL (bash, zsh, fish, powershell)"
	}
	root.DisableFlagsInUseLine = true
	root.SetHelpFunc(func(cmd *cobra.Command, _ []string) {
		cmd.Print(helpText(cmd))
	})
	root.SetUsageFunc(func(cmd *cobra.Command) error {
		cmd.PrintErr(helpText(cmd))
		return nil
	})
	root.SetFlagErrorFunc(flagError)
	return root
}

// must panics on an error that only a mistake in the command definitions
// can cause.
func must(err error) {
	if err != nil {
		panic(err)
	}
}
