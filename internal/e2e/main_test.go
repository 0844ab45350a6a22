package e2e_test

import (
	"os"
	"testing"

	"github.com/herald-reader/herald/internal/e2e"

	// The binary is built in a subprocess, which go test's cache cannot
	// see: importing what main runs makes a change to any of the binary's
	// packages rerun these tests instead of reporting a cached pass.
	_ "github.com/herald-reader/herald/internal/cli"
)

// herald is the binary every test here runs, built once for all of them.
var herald e2e.Herald

func TestMain(m *testing.M) {
	code := m.Run()
	herald.Close()
	os.Exit(code)
}
