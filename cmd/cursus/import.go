package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"cursus/generator/config"
	"cursus/generator/importer"
	"cursus/generator/msg"
)

// importCmd turns a référentiel table, or fiches of the national RNCP
// export, into content files: cursus import FILE [-o DIR] [--dry-run]
// [--replace] [--fiche RNCP…]. Existing content in DIR keeps what people
// added by hand (labels, ids, prose); only what the table changed is
// rewritten, unless --replace makes the référentiel wholly the table's.
// Either way it prints what it keeps, replaces, adds and removes.
func importCmd(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("import", stderr)
	dir := fl.String("o", "content", "content `DIR` to write into")
	dry := fl.Bool("dry-run", false, "print what would change, write nothing")
	replace := fl.Bool("replace", false, "make the référentiel wholly the table's: its labels, ids and blocs replace those of DIR, bloc files it no longer has are removed (métier ids stay); all or nothing")
	var fiches ficheList
	fl.Var(&fiches, "fiche", "`RNCP…` number of a fiche to import from a national export (repeatable)")
	file, rest := splitFile(args)
	if code, ok := parse(fl, rest, stdout, stderr); !ok {
		return code
	}
	if file == "" && fl.NArg() == 1 {
		file = fl.Arg(0)
	} else if file == "" || fl.NArg() > 0 {
		printUsage(fl, stderr)
		return 2
	}
	lang := siteLang(*dir)
	if isExport(file) {
		if *replace {
			fmt.Fprintln(stderr, "cursus import:", lang.F(msg.ImportReplaceExport))
			return 2
		}
		return importFiches(lang, file, *dir, fiches, *dry, stdout, stderr)
	}
	src, err := importer.ReadTable(lang, file)
	if err != nil {
		return report(stderr, lang, err)
	}
	var existing = os.DirFS(*dir)
	if _, err := os.Stat(*dir); err != nil {
		existing = nil
	}
	r, err := importer.ImportWith(file, src, existing, importer.Options{Replace: *replace, Lang: lang})
	if err != nil {
		return report(stderr, lang, err)
	}
	for _, w := range r.Warnings {
		w.Pos.File = displayPath(*dir, file, w.Pos.File)
		fmt.Fprintln(stderr, lang.F(msg.Warning)+w.String())
	}
	if len(r.Report) > 0 {
		fmt.Fprintln(stdout, lang.F(msg.ImportHeading))
		for _, it := range r.Report {
			line := "  " + it.Text(lang)
			if it.At.File != "" { // where to look in existing content
				at := it.At
				at.File = displayPath(*dir, file, at.File)
				line += " (" + at.String() + ")"
			}
			fmt.Fprintln(stdout, line)
		}
	}
	for _, c := range r.Changes {
		fmt.Fprintf(stdout, "%-9s %s\n", c.Kind.Text(lang), filepath.Join(*dir, c.Path))
		if *dry && c.Diff != "" {
			fmt.Fprint(stdout, c.Diff)
		}
	}
	s := r.Stats
	summary := lang.F(msg.ImportSummary, s.Blocs, s.Competences, s.Criteria, s.Metiers, s.Modalites)
	if *dry {
		fmt.Fprintln(stdout, lang.F(msg.ImportDryRun, summary))
		return 0
	}
	if err := importer.Write(*dir, r); err != nil {
		fmt.Fprintln(stderr, "cursus import:", err)
		return 1
	}
	fmt.Fprintln(stdout, lang.F(msg.ImportDone, summary))
	return 0
}

// siteLang is the language of the site whose content directory is dir:
// that of the config.toml above it (content/, or content/<slug>/ of a
// site of several certifications), French if there is none.
func siteLang(dir string) msg.Lang {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return msg.FR
	}
	for _, d := range []string{filepath.Dir(abs), filepath.Dir(filepath.Dir(abs))} {
		if site := os.DirFS(d); config.Exists(site) {
			return config.Lang(site) // a config with errors still says its language
		}
	}
	return msg.FR
}

// splitFile takes FILE out of args when it comes before the flags, as in
// cursus import ref.txt -o content.
func splitFile(args []string) (string, []string) {
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		return args[0], args[1:]
	}
	return "", args
}

// displayPath shows warnings in existing content files under DIR and
// warnings in the table under its own name.
func displayPath(dir, table, file string) string {
	if file == table || file == "" {
		return file
	}
	return filepath.Join(dir, file)
}
