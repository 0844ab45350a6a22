package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/herald-reader/herald/config"
)

const configLong = `Prints the full default configuration, every setting with a comment: a
valid config file to start from (herald config > ~/.config/herald/config.yaml).`

func (g *globals) configCommand() *cobra.Command {
	var showPath bool
	cmd := &cobra.Command{
		Use:               "config [--path]",
		Short:             "print the default configuration, or which config file is used",
		Long:              configLong,
		Args:              noArgs,
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if showPath {
				return g.printConfigPath(cmd.OutOrStdout(), cmd.ErrOrStderr())
			}
			if _, err := cmd.OutOrStdout().Write(config.Default().YAML()); err != nil {
				return problems(err)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&showPath, "path", false, "print the config file herald uses, then check it: exit 2 and "+
		"list its problems (FILE:LINE: setting: problem) if it has any")
	return cmd
}

// printConfigPath prints the file in use and checks it. A default file that
// does not exist is fine (the defaults apply), and said so on stderr so
// the path alone stays on stdout for scripts.
func (g *globals) printConfigPath(stdout, stderr io.Writer) error {
	path, explicit := config.Resolve(g.configPath, g.getenv)
	g.debug.Printf("config path %q (named by the user: %v)", path, explicit)
	if path == "" {
		fmt.Fprintln(stderr, "herald config: no config location (neither XDG_CONFIG_HOME nor HOME is set); using the defaults")
		return nil
	}
	fmt.Fprintln(stdout, path)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) && !explicit {
		fmt.Fprintln(stderr, "herald config: the file does not exist; using the defaults")
		return nil
	}
	_, _, err := g.loadConfig()
	return err
}
