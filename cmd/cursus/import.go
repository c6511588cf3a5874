package main

import (
	"fmt"
	"io"
)

// importCmd turns a référentiel table into content files. (Being wired: see issue 7.)
func importCmd(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "cursus import: not available yet")
	return 2
}
