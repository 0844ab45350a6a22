// Herald is a terminal reader for folders of news articles. The command
// line lives in package cli; main only connects it to the process.
package main

import (
	"os"

	"github.com/herald-reader/herald/internal/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}
