package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"cursus/generator/diag"
	"cursus/generator/importer"
	"cursus/generator/msg"
	"cursus/generator/rncp"
)

// checkAgainst compares the certifications of the site in src that have a
// code RNCP with their fiches in the export: one line per divergence at
// its content file, exit status 1 when there is any. It compares only;
// plain check validates the site.
func checkAgainst(src, export string, stdout, stderr io.Writer) int {
	dir := filepath.Join(src, "content")
	content := os.DirFS(dir)
	lang := siteLang(dir)
	certs, err := importer.Certifications(lang, content)
	if err != nil {
		return report(stderr, lang, prefixed(err, "content"))
	}
	var numeros []string
	for _, c := range certs {
		numeros = append(numeros, c.RNCP)
	}
	f, err := os.Open(export)
	if err != nil {
		return report(stderr, lang, err)
	}
	defer f.Close()
	fiches, err := rncp.Read(lang, export, f, numeros)
	if err != nil {
		return report(stderr, lang, err)
	}
	errs, warnings := importer.Against(lang, content, certs, fiches, time.Now())
	for _, w := range warnings {
		w.Pos.File = filepath.Join("content", w.Pos.File)
		fmt.Fprintln(stderr, lang.F(msg.AgainstWarning)+w.String())
	}
	if errs.Len() > 0 {
		return report(stderr, lang, prefixed(errs, "content"))
	}
	fmt.Fprintln(stdout, lang.F(msg.AgainstOK, len(certs)))
	return 0
}

// prefixed shows positions in content files under the site's content/.
func prefixed(err error, prefix string) error {
	list, ok := err.(diag.List)
	if !ok {
		return err
	}
	out := make(diag.List, len(list))
	for i, e := range list {
		c := *e
		c.Pos.File = filepath.Join(prefix, c.Pos.File)
		out[i] = &c
	}
	return out
}
