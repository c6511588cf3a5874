package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"cursus/generator/diag"
	"cursus/generator/importer"
	"cursus/generator/msg"
	"cursus/generator/rncp"
)

// ficheList is the repeatable --fiche flag.
type ficheList []string

func (l *ficheList) String() string { return strings.Join(*l, ",") }

func (l *ficheList) Set(v string) error {
	for _, n := range strings.Split(v, ",") {
		if n = strings.ToUpper(strings.TrimSpace(n)); n != "" {
			*l = append(*l, n)
		}
	}
	return nil
}

// isExport tells a national export from a référentiel table by its first
// bytes: the export is too large to read whole before deciding.
func isExport(file string) bool {
	// Only a regular file is sniffed: a pipe read here would lose what the
	// table import then reads, and a device may never end.
	if fi, err := os.Stat(file); err != nil || !fi.Mode().IsRegular() {
		return false
	}
	f, err := os.Open(file)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	return rncp.IsExport(head[:n])
}

// readFiches streams the export for the fiches numeros, in that order, and
// names the ones it does not hold, in lang.
func readFiches(lang msg.Lang, file string, numeros []string) ([]*rncp.Fiche, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	found, err := rncp.Read(lang, file, f, numeros)
	if err != nil {
		return nil, err
	}
	var errs diag.List
	var out []*rncp.Fiche
	seen := map[string]bool{}
	for _, n := range numeros {
		switch fi := found[n]; {
		case seen[n]:
		case fi != nil:
			out = append(out, fi)
		default:
			errs.Add(diag.Pos{File: file}, "%s", lang.F(msg.AgainstMissing, n))
		}
		seen[n] = true
	}
	return out, errs.Err()
}

func importFiches(lang msg.Lang, file, dir string, numeros []string, dry bool, stdout, stderr io.Writer) int {
	if len(numeros) == 0 {
		fmt.Fprintln(stderr, "cursus import:", lang.F(msg.ImportNeedFiche))
		return 2
	}
	fiches, err := readFiches(lang, file, numeros)
	if err != nil {
		return report(stderr, lang, err)
	}
	existing := os.DirFS(dir)
	r, err := importer.ImportFiches(lang, fiches, existing)
	if err != nil {
		return report(stderr, lang, err)
	}
	for _, w := range r.Warnings {
		w.Pos.File = displayPath(dir, file, w.Pos.File)
		fmt.Fprintln(stderr, lang.F(msg.Warning)+w.String())
	}
	for _, mv := range r.Moves {
		fmt.Fprintf(stdout, "%-9s %s → %s\n", lang.F(msg.ChangeMoved), filepath.Join(dir, mv.From), filepath.Join(dir, mv.To))
	}
	moved := map[string]bool{}
	for _, mv := range r.Moves {
		moved[mv.To] = true
	}
	changed := 0
	for _, c := range r.Changes {
		if moved[c.Path] {
			continue
		}
		if c.Kind != importer.Unchanged {
			changed++
		}
		fmt.Fprintf(stdout, "%-9s %s\n", c.Kind.Text(lang), filepath.Join(dir, c.Path))
		if dry && c.Diff != "" {
			fmt.Fprint(stdout, c.Diff)
		}
	}
	s := r.Stats
	summary := lang.F(msg.ImportFicheSummary, len(fiches), s.Blocs, s.Competences, s.Metiers, changed, len(r.Moves))
	if dry {
		fmt.Fprintln(stdout, lang.F(msg.ImportDryRun, summary))
		return 0
	}
	if err := importer.WriteFiches(dir, r); err != nil {
		fmt.Fprintln(stderr, "cursus import:", err)
		return 1
	}
	fmt.Fprintln(stdout, lang.F(msg.ImportDone, summary))
	return 0
}
