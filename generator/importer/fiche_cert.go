package importer

import (
	"fmt"
	"io/fs"
	"path"
	"strings"

	"cursus/generator/diag"
	"cursus/generator/msg"
	"cursus/generator/rncp"
)

// certKeys are the keys of certification.toml a fiche decides; every other
// key (summary, criteres_url, voies_acces, obtention, options…) belongs to
// people and is written back as it was.
var certKeys = []string{
	"title", "rncp", "abrege", "level", "etat", "actif", "date_effet", "date_fin", "fiche_url",
	"anciennes", "nouvelles", "objectifs", "activites", "capacites", "secteurs", "emplois", "prerequis",
	"certificateurs", "nsf", "formacodes", "rome",
}

// cert writes dir/certification.toml for f over the existing file.
func (r *FicheResult) cert(lang msg.Lang, f *rncp.Fiche, dir string, existing fs.FS, errs *diag.List) {
	p := path.Join(dir, certFile)
	comment := fmt.Sprintf(certComment, f.Numero)
	var extras []extra
	if src, ok := readSource(lang, existing, p, errs); ok {
		g := &getter{s: src, m: src.m, used: certKeys}
		comment, extras = src.comment(), g.extras()
	}
	var e encoder
	e.b.WriteString(comment)
	e.str("title", strings.TrimSpace(f.Intitule))
	e.str("rncp", f.Numero)
	if f.Abrege != (rncp.Abrege{}) {
		fmt.Fprintf(&e.b, "abrege = { code = %s, libelle = %s }\n", quote(f.Abrege.Code), quote(f.Abrege.Libelle))
	}
	if l := f.Level(); l > 0 {
		fmt.Fprintf(&e.b, "level = %d\n", l)
	}
	if f.Etat != "" {
		e.str("etat", f.Etat)
	}
	fmt.Fprintf(&e.b, "actif = %t\n", f.Active())
	if d := f.Effet(); !d.IsZero() {
		fmt.Fprintf(&e.b, "date_effet = %s\n", d)
	}
	if d := f.Fin(); !d.IsZero() {
		fmt.Fprintf(&e.b, "date_fin = %s\n", d)
	}
	e.str("fiche_url", f.URL())
	if len(f.Anciennes) > 0 {
		e.list("anciennes", trimAll(f.Anciennes))
	}
	if len(f.Nouvelles) > 0 {
		e.list("nouvelles", trimAll(f.Nouvelles))
	}
	for _, t := range []struct{ key, html string }{
		{"objectifs", f.Objectifs}, {"activites", f.Activites}, {"capacites", f.Capacites},
		{"secteurs", f.Secteurs}, {"emplois", f.Emplois}, {"prerequis", f.Prerequis},
	} {
		if md := rncp.Markdown(t.html); md != "" {
			e.text(t.key, md)
		}
	}
	e.extras(extras)
	for _, c := range f.Certificateurs {
		e.b.WriteString("\n[[certificateurs]]\n")
		e.str("nom", strings.TrimSpace(c.Nom))
		e.str("siret", strings.TrimSpace(c.Siret))
	}
	for _, list := range []struct {
		key   string
		codes []rncp.Code
	}{{"nsf", f.NSF}, {"formacodes", f.Formacodes}, {"rome", f.ROME}} {
		for _, c := range list.codes {
			fmt.Fprintf(&e.b, "\n[[%s]]\n", list.key)
			e.str("code", strings.TrimSpace(c.Code))
			e.str("libelle", strings.TrimSpace(c.Label()))
		}
	}
	r.Files[p] = e.b.Bytes()
}

func trimAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = strings.TrimSpace(x)
	}
	return out
}
