package cli

import (
	"io"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

func flagNames(cmd *cobra.Command) []string {
	var names []string
	cmd.LocalFlags().VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
	return names
}

// TestHelpDocumentsEveryFlag: each command's --help starts with its usage
// line and lists every flag it accepts with a usage text, so a flag
// cannot be added undocumented.
func TestHelpDocumentsEveryFlag(t *testing.T) {
	t.Parallel()
	e := newScriptEnv(t)
	root := newGlobals(e.getenv).newRoot(io.Discard, io.Discard)
	for _, c := range listedCommands(root) {
		out := e.mustRun(t, c.Name(), "--help")
		if !strings.HasPrefix(out, "Usage: "+useLine(c)+"\n") {
			t.Errorf("%s --help starts %.80q", c.Name(), out)
		}
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if f.Usage == "" || !strings.Contains(out, "--"+f.Name) {
				t.Errorf("%s --help does not document --%s", c.Name(), f.Name)
			}
		})
	}
	out := e.mustRun(t, "--help")
	for _, name := range flagNames(root) {
		if !strings.Contains(out, "--"+name) {
			t.Errorf("herald --help does not document --%s", name)
		}
	}
}

// TestSingleDashLongFlags: -name and -name=value mean --name for the
// flags a command knows, and a flag's value is never rewritten.
func TestSingleDashLongFlags(t *testing.T) {
	t.Parallel()
	root := newGlobals(func(string) string { return "" }).newRoot(io.Discard, io.Discard)
	for _, tc := range []struct{ in, want string }{
		{"-plain -config=c.yaml list -format json d", "--plain --config=c.yaml list --format json d"},
		{"list d -limit 3 -query -all", "list d --limit 3 --query -all"},
		{"mark-read -all -unread d", "mark-read --all --unread d"},
		{"list -colour -h d", "list -colour -h d"},
		{"show -width 5 -- -plain", "show --width 5 -- -plain"},
		{"dir -format x", "dir -format x"}, // the reader has no -format
	} {
		if got := strings.Join(longFlags(root, strings.Fields(tc.in)), " "); got != tc.want {
			t.Errorf("longFlags(%s) = %s, want %s", tc.in, got, tc.want)
		}
	}
}
