package e2e_test

import (
	"os"
	"testing"

	"github.com/herald-reader/herald/internal/e2e"
)

// herald is the binary every test here runs, built once for all of them.
var herald e2e.Herald

func TestMain(m *testing.M) {
	code := m.Run()
	herald.Close()
	os.Exit(code)
}
