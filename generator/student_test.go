package generator

import (
	"strings"
	"testing"
)

// inOrder reports whether each of marks is in page, each after the one
// before it.
func inOrder(t *testing.T, name string, page []byte, marks ...string) {
	t.Helper()
	at := 0
	for _, m := range marks {
		i := strings.Index(string(page[at:]), m)
		if i < 0 {
			t.Errorf("%s: %q missing, or not after %q", name, m, marks)
			return
		}
		at += i + len(m)
	}
}

// TestStudentFirst checks the order in which a prospective student reads
// the pages: on a home, the identity of the certification comes before
// anything else; on a métier's page, the job, then the ways to it, then
// what one learns.
func TestStudentFirst(t *testing.T) {
	bundled, err := Build(bundledFS(t, func(p string) bool {
		return p == "config.toml" || strings.HasPrefix(p, "content/") || strings.HasPrefix(p, "themes/default/")
	}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The bundled certification gives only a title: the card says what the
	// référentiel says, and nothing it does not (no niveau, no RNCP code).
	home := bundled.Files["index.html"]
	inOrder(t, "bundled home", home, `<h1 id="titre">`, `class="identity-card"`,
		"Contenu", "8 blocs de compétences, 37 compétences", "Métiers visés", "36 métiers",
		"Évaluation", "Mises en situation professionnelle", "</dl>", `class="doors"`)
	for _, absent := range []string{"Code RNCP", "<dt>Niveau", "Durée", `id="admission"`} {
		if strings.Contains(string(home), absent) {
			t.Errorf("bundled home shows %q, which its content does not give", absent)
		}
	}
	inOrder(t, "bundled métier without a description", bundled.Files["metiers/ingenieur-logiciel/index.html"],
		"<h1>Ingénieur logiciel</h1>", `class="lead"`, "Ce métier est préparé par 1 bloc", `id="y-mener"`, "Bloc 1\u00a0: Solutions logicielles",
		`id="apprendre"`, "B1.C1")

	certs, err := Build(certsSite(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	inOrder(t, "catalogue", certs.Files["index.html"], `<h1 id="titre">`, `class="cert-cards"`,
		"Bachelor cybersécurité", `class="identity-card"`, "<dt>Niveau", "Durée", "1 an", "Rythme", `href="/bachelor-cyber/#admission"`,
		"TP Administrateur", "RNCP37680", `id="par-metier"`)
	inOrder(t, "certification with admission keys", certs.Files["bachelor-cyber/index.html"], `class="identity-card"`,
		`id="par-bloc"`, `id="admission"`, "Durée", "Rythme", `id="prerequis"`, `id="voies"`, `id="candidater"`, "Sur dossier", `id="contact"`, "mailto:")
	inOrder(t, "métier with a description", certs.Files["metiers/administrateur-systemes-reseaux/index.html"],
		"<h1>", "installe, administre et sécurise", "</header>",
		"https://candidat.francetravail.fr/metierscope/fiche-metier/M1801",
		`id="y-mener"`, `href="/licence-reseaux/"`, "Bloc 1\u00a0: Réseaux", `href="/tp-ais/"`,
		`id="apprendre"`, "B1.C1", "CP1", "CP8")
}
