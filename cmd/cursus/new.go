package main

import (
	"fmt"
	"io"

	"cursus"
	"cursus/generator"
	"cursus/generator/msg"
)

// newCmd writes a new site, with an example certification and the default
// theme, into a directory that does not exist or is empty.
func newCmd(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("new", stderr)
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() != 1 {
		fmt.Fprintf(stderr, "usage: cursus new DIR\n")
		return 2
	}
	dir := fl.Arg(0)
	if err := generator.NewSite(dir, cursus.Skeleton(), cursus.DefaultTheme(), "default"); err != nil {
		return report(stderr, msg.FR, err)
	}
	fmt.Fprintf(stdout, "site créé dans %s : cd %s && cursus serve\n", dir, dir)
	return 0
}
