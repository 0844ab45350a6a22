package cli

import (
	"io"
	"strings"
	"testing"
)

// TestManPageHasEveryCommand: `herald man` is one page that documents
// every command the help lists, and every flag of each.
func TestManPageHasEveryCommand(t *testing.T) {
	e := newScriptEnv(t)
	e.vars["SOURCE_DATE_EPOCH"] = "0"
	code, page, errOut := e.run("man")
	if code != exitOK || errOut != "" {
		t.Fatalf("herald man: exit %d, stderr %q", code, errOut)
	}
	if !strings.HasPrefix(page, ".nh\n.TH \"HERALD\" \"1\" \"Jan 1970\"") {
		t.Errorf("page does not start with its title and date:\n%.200s", page)
	}
	root := newGlobals(e.getenv).newRoot(io.Discard, io.Discard)
	cmds := listedCommands(root)
	if len(cmds) < 8 {
		t.Fatalf("%d commands listed, want at least 8", len(cmds))
	}
	for _, c := range cmds {
		if want := ".SS " + useLine(c); !strings.Contains(page, want) {
			t.Errorf("page lacks the section %q", want)
		}
		for _, name := range flagNames(c) {
			if !strings.Contains(page, "--"+name) {
				t.Errorf("page lacks %s's --%s", c.Name(), name)
			}
		}
	}
	for _, want := range []string{".SH OPTIONS", "--config", ".SH EXAMPLE", ".SH ENVIRONMENT", "HERALD_NO_CACHE"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}
