package cli

import (
	"os"
	"testing"
)

// runAsHerald makes the test binary act as herald itself, for tests that
// need a herald command a shell can call (the completion scripts call
// `herald __complete ...`) without building the binary.
const runAsHerald = "HERALD_CLI_TEST_RUN_AS_HERALD"

func TestMain(m *testing.M) {
	if os.Getenv(runAsHerald) == "1" {
		os.Exit(Run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}
