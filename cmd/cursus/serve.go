package main

import (
	"fmt"
	"io"
)

// serveCmd runs the dev server. (Being written: see issue 4.)
func serveCmd(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "cursus serve: not available yet")
	return 2
}
