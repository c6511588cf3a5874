// Command cursus builds, checks and serves the site of a référentiel de
// compétences. Run cursus help for usage.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"cursus/generator"
	"cursus/generator/diag"
	"cursus/internal/sitefs"
)

// version is set at link time with -ldflags "-X main.version=…".
var version = "dev"

const usage = `usage: cursus <command> [flags]

commands:
  build  [-s SOURCE] [-d DESTINATION] [--baseURL URL] [--minify=true]
  serve  [-s SOURCE] [--bind 127.0.0.1] [--port 1313] [--poll DURATION]
         [--navigateToChanged] [--minify]
  check  [-s SOURCE]        validate content and links, write nothing
  check  [-s SOURCE] --against EXPORT.xml
                            compare the site with its official RNCP fiches
  import FILE [-o DIR]      turn a référentiel table into content/
  import EXPORT.xml [-o DIR] --fiche RNCP… [--fiche …] [--dry-run]
                            import fiches of the national RNCP export
  new    DIR                a new site: an example certification and the default theme
  version
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one command and returns the exit status: 0 on success, 1 when
// the content has errors, 2 on bad usage.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, args := args[0], args[1:]
	switch cmd {
	case "check":
		return check(args, stdout, stderr)
	case "build":
		return build(args, stdout, stderr)
	case "serve":
		return serveCmd(args, stdout, stderr)
	case "import":
		return importCmd(args, stdout, stderr)
	case "new":
		return newCmd(args, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "cursus", version)
		return 0
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "cursus: unknown command %q\n%s", cmd, usage)
	return 2
}

func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("cursus "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parseFlags parses the flags of a command that takes no arguments, and
// says so on stderr when there are some.
func parseFlags(fl *flag.FlagSet, args []string, stderr io.Writer) bool {
	if err := fl.Parse(args); err != nil {
		return false
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "%s: unexpected argument %q\n", fl.Name(), fl.Arg(0))
		return false
	}
	return true
}

func check(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("check", stderr)
	src := fl.String("s", ".", "site `SOURCE` directory")
	against := fl.String("against", "", "compare the certifications with their fiches in the national RNCP `EXPORT`.xml")
	if !parseFlags(fl, args, stderr) {
		return 2
	}
	if *against != "" {
		return checkAgainst(*src, *against, stdout, stderr)
	}
	tuneGC()
	root, err := sitefs.Open(*src)
	if err != nil {
		return report(stderr, err)
	}
	defer root.Close()
	// The build checks every link of every page: check is a build that
	// writes nothing.
	out, err := generator.Build(root, generator.Options{})
	if err != nil {
		return report(stderr, err)
	}
	fmt.Fprintln(stdout, out.Project.Summary())
	return 0
}

// flagSet reports whether the flag name was given on the command line.
func flagSet(fl *flag.FlagSet, name string) bool {
	set := false
	fl.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// report prints an error, one diagnostic per line, and returns exit status 1.
func report(stderr io.Writer, err error) int {
	var list diag.List
	if errors.As(err, &list) {
		for _, line := range list.Lines() {
			fmt.Fprintln(stderr, line)
		}
		fmt.Fprintf(stderr, "cursus: %d error(s)\n", len(list))
		return 1
	}
	fmt.Fprintln(stderr, "cursus:", err)
	return 1
}

func build(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("build", stderr)
	src := fl.String("s", ".", "site `SOURCE` directory")
	dest := fl.String("d", "", "`DESTINATION` directory (default: publishDir of config.toml, under SOURCE)")
	baseURL := fl.String("baseURL", "", "absolute `URL` the site is published at (default: baseURL of config.toml)")
	minify := fl.Bool("minify", true, "minify HTML, CSS, JS, SVG, JSON and XML (default: on unless config.toml sets [minify] disable = true)")
	if !parseFlags(fl, args, stderr) {
		return 2
	}
	start := time.Now()
	tuneGC()
	po := generator.PublishOptions{Dest: *dest, BaseURL: *baseURL}
	if flagSet(fl, "minify") {
		po.Minify = minify
	}
	out, where, err := generator.Publish(*src, po)
	if err != nil {
		return report(stderr, err)
	}
	fmt.Fprintf(stdout, "built %d pages, %d files, %d bytes in %d ms → %s\n",
		out.Pages, out.FileCount, out.Size, time.Since(start).Milliseconds(), where)
	return 0
}
