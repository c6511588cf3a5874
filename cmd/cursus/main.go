// Command cursus builds, checks and serves the site of a référentiel de
// compétences. Run cursus help for usage.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"cursus/generator"
	"cursus/generator/config"
	"cursus/generator/diag"
	"cursus/generator/msg"
	"cursus/internal/sitefs"
)

// version is set at link time with -ldflags "-X main.version=…".
var version = "dev"

// commands are the commands cursus help lists, each with its arguments and
// what it does; a command's --help starts with the same two lines.
var commands = []struct{ name, args, what string }{
	{"build", "[-s SOURCE] [-d DESTINATION] [--baseURL URL] [--minify=true] [--strict]", "publish the site into DESTINATION, untouched if the build fails"},
	{"serve", "[-s SOURCE] [--bind 127.0.0.1] [--port 1313] [--poll DURATION] [--navigateToChanged] [--minify]", "preview the site, rebuilt and reloaded on every save"},
	{"check", "[-s SOURCE] [--strict] [--against EXPORT.xml]", "validate content and links, write nothing (--strict: fail on warnings); with --against, compare the site with its official RNCP fiches"},
	{"import", "FILE [-o DIR] [--dry-run] [--replace] [--fiche RNCP…]…", "turn a référentiel table, or fiches of the national RNCP export, into content/; over existing content, say what it keeps, replaces, adds and removes"},
	{"new", "DIR", "start a new site in DIR: an example certification and the default theme"},
	{"version", "", "print the version of cursus"},
}

// usage is what cursus help prints.
var usage = func() string {
	var b strings.Builder
	b.WriteString("usage: cursus <command> [flags]\n\ncommands:\n")
	for _, c := range commands {
		line := strings.TrimSpace(fmt.Sprintf("%-7s %s", c.name, c.args))
		fmt.Fprintf(&b, "  %s\n          %s\n", line, c.what)
	}
	return b.String()
}()

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
	// parse prints the usage: on stdout for --help, on stderr after a
	// mistake.
	fs.Usage = func() {}
	return fs
}

// parse parses the flags of a command. When it returns false, the command
// is over with the exit status it returns: 0 after --help, 2 for a flag it
// does not know, the usage printed either way.
func parse(fl *flag.FlagSet, args []string, stdout, stderr io.Writer) (int, bool) {
	err := fl.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		printUsage(fl, stdout)
		return 0, false
	case err != nil:
		printUsage(fl, stderr)
		return 2, false
	}
	return 0, true
}

// printUsage prints the synopsis of the command of fl and its flags.
func printUsage(fl *flag.FlagSet, w io.Writer) {
	name := strings.TrimPrefix(fl.Name(), "cursus ")
	for _, c := range commands {
		if c.name == name {
			fmt.Fprintf(w, "usage: cursus %s %s\n%s\n\n", c.name, c.args, c.what)
		}
	}
	out := fl.Output()
	fl.SetOutput(w)
	fl.PrintDefaults()
	fl.SetOutput(out)
}

// parseFlags parses the flags of a command that takes no arguments, and
// says so on stderr when there are some.
func parseFlags(fl *flag.FlagSet, args []string, stdout, stderr io.Writer) (int, bool) {
	if code, ok := parse(fl, args, stdout, stderr); !ok {
		return code, false
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "%s: unexpected argument %q\n", fl.Name(), fl.Arg(0))
		printUsage(fl, stderr)
		return 2, false
	}
	return 0, true
}

func check(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("check", stderr)
	src := fl.String("s", ".", "site `SOURCE` directory")
	against := fl.String("against", "", "compare the certifications with their fiches in the national RNCP `EXPORT`.xml")
	strict := fl.Bool("strict", false, "fail on warnings (avertissements) as on errors")
	if code, ok := parseFlags(fl, args, stdout, stderr); !ok {
		return code
	}
	if *against != "" {
		return checkAgainst(*src, *against, stdout, stderr)
	}
	tuneGC()
	root, err := sitefs.Open(*src)
	if err != nil {
		return report(stderr, srcLang(*src), err)
	}
	defer root.Close()
	// The build checks every link of every page: check is a build that
	// writes nothing.
	out, err := generator.Build(root, generator.Options{Strict: *strict})
	if err != nil {
		return report(stderr, srcLang(*src), err)
	}
	warn(stderr, out.Warnings)
	fmt.Fprintln(stdout, out.Project.Summary())
	return 0
}

// flagSet reports whether the flag name was given on the command line.
func flagSet(fl *flag.FlagSet, name string) bool {
	set := false
	fl.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// warn prints the warnings of a build, one per line.
func warn(stderr io.Writer, warnings diag.List) {
	for _, line := range warnings.Lines() {
		fmt.Fprintln(stderr, line)
	}
	if len(warnings) > 0 {
		fmt.Fprintf(stderr, "cursus: %d avertissement(s)\n", len(warnings))
	}
}

// report prints an error, one diagnostic per line, and returns exit status 1.
// srcLang is the language of the site in src: that of its config.toml,
// French if there is none.
func srcLang(src string) msg.Lang { return siteLang(filepath.Join(src, "content")) }

func report(stderr io.Writer, lang msg.Lang, err error) int {
	var list diag.List
	if errors.As(err, &list) {
		for _, line := range list.Lines() {
			fmt.Fprintln(stderr, line)
		}
		fmt.Fprintln(stderr, lang.F(msg.ErrorCount, len(list)))
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
	strict := fl.Bool("strict", false, "fail on warnings (avertissements) as on errors, publishing nothing")
	minify := fl.Bool("minify", true, "minify HTML, CSS, JS, SVG, JSON and XML; [minify] disable = true in config.toml turns it off unless this flag is given")
	if code, ok := parseFlags(fl, args, stdout, stderr); !ok {
		return code
	}
	if *baseURL != "" && !config.IsBaseURL(*baseURL) {
		// Said here: the build would blame config.toml for it.
		fmt.Fprintf(stderr, "cursus build : --baseURL %q doit être une URL absolue, comme https://example.org/\n", *baseURL)
		return 2
	}
	start := time.Now()
	tuneGC()
	po := generator.PublishOptions{Dest: *dest, BaseURL: *baseURL, Strict: *strict}
	if flagSet(fl, "minify") {
		po.Minify = minify
	}
	out, where, err := generator.Publish(*src, po)
	if err != nil {
		return report(stderr, srcLang(*src), err)
	}
	warn(stderr, out.Warnings)
	fmt.Fprintf(stdout, "built %d pages, %d files, %d bytes in %d ms → %s\n",
		out.Pages, out.FileCount, out.Size, time.Since(start).Milliseconds(), where)
	return 0
}
