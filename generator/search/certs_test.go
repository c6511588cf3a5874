package search

import (
	"os"
	"testing"

	"cursus/generator/content"
)

// TestIndexSeveralCertifications: on a site with several certifications,
// every bloc, compétence and critère says which certification it belongs
// to, and a shared métier names the certifications that lead to it.
func TestIndexSeveralCertifications(t *testing.T) {
	site, err := content.Load(os.DirFS("../testdata/certs/content"))
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Build(site, Options{URL: func(any) string { return "/" }})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Bachelor cybersécurité", "LP Licence professionnelle réseaux et télécommunications", "TP Administrateur d'infrastructures sécurisées"}
	if len(ix.Certs) != len(want) {
		t.Fatalf("certs = %q, want %q", ix.Certs, want)
	}
	for i := range want {
		if ix.Certs[i] != want[i] {
			t.Errorf("certs[%d] = %q, want %q", i, ix.Certs[i], want[i])
		}
	}
	seen := map[Kind]bool{}
	for _, d := range ix.Docs {
		switch d.Kind {
		case Bloc, Competence, Criterion:
			if d.Cert < 1 || d.Cert > len(ix.Certs) {
				t.Errorf("%s %q has certification %d", d.Kind, d.Title, d.Cert)
			}
		case Metier:
			if d.Title == "Administrateur ou administratrice systèmes et réseaux" && d.Context != "Licence professionnelle réseaux et télécommunications, Administrateur d'infrastructures sécurisées" {
				t.Errorf("métier context = %q", d.Context)
			}
		}
		seen[d.Kind] = true
	}
	for _, k := range []Kind{Metier, Bloc, Competence, Criterion} {
		if !seen[k] {
			t.Errorf("no %s in the index", k)
		}
	}
	for _, b := range ix.Blocs {
		if b.Cert == 0 {
			t.Errorf("bloc %d %q has no certification", b.Number, b.Label)
		}
	}
}
