package cli

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/herald-reader/herald/internal/readmetest"
)

// TestREADMECommands keeps the README's command reference equal to
// `herald --help`, so every command, option and environment variable the
// binary knows is documented as the binary states it. Regenerate with
//
//	HERALD_UPDATE_README=1 go test ./internal/cli -run TestREADMECommands
func TestREADMECommands(t *testing.T) {
	isolate(t)
	var out, errOut bytes.Buffer
	if code := Run([]string{"--help"}, &out, &errOut); code != 0 {
		t.Fatalf("herald --help: exit %d, %s", code, errOut.String())
	}
	readmetest.Section(t, filepath.Join("..", "..", "README.md"), "help", "\n```\n"+out.String()+"```\n",
		"go test ./internal/cli -run TestREADMECommands")
}
