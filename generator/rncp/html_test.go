package rncp

import (
	"reflect"
	"testing"
)

func TestCompetences(t *testing.T) {
	for _, c := range []struct {
		name, html string
		want       []Competence
	}{
		{"ul with introduction",
			"<p>Compétences du bloc :</p><ul><li>Appliquer les bonnes pratiques</li><li>Administrer  et&nbsp;sécuriser </li></ul>",
			[]Competence{{Text: "Appliquer les bonnes pratiques"}, {Text: "Administrer et sécuriser"}}},
		{"dash paragraphs",
			"<p>- Installer un poste</p><p>- Configurer l&#39;accès</p>",
			[]Competence{{Text: "Installer un poste"}, {Text: "Configurer l'accès"}}},
		{"br lines",
			"Réparer<br>Entretenir<br />• Nettoyer<BR/>",
			[]Competence{{Text: "Réparer"}, {Text: "Entretenir"}, {Text: "Nettoyer"}}},
		{"numbered paragraphs",
			"<p>C1.1 – Analyser le besoin</p><p>C4.2.1 – Concevoir l'architecture</p><p>de la solution</p><p>C.2.3 – Évaluer</p><p>C5 : Piloter</p><p>C6. Rendre compte</p>",
			[]Competence{{"C1.1", "Analyser le besoin"}, {"C4.2.1", "Concevoir l'architecture de la solution"},
				{"C.2.3", "Évaluer"}, {"C5", "Piloter"}, {"C6", "Rendre compte"}}},
		{"numbered in a list", "<ul><li>C1 - Accueillir</li><li>C2 - Orienter</li></ul>",
			[]Competence{{"C1", "Accueillir"}, {"C2", "Orienter"}}},
		{"plain text lines", "Accueillir\nOrienter\n\n", []Competence{{Text: "Accueillir"}, {Text: "Orienter"}}},
		{"a word starting with C is no number", "<p>Construire un réseau</p><p>C++ : développer</p>",
			[]Competence{{Text: "Construire un réseau"}, {Text: "C++ : développer"}}},
		{"inline tags and comments", "<ul><li><strong>Analyser</strong> les <em>besoins</em><!-- x --></li></ul>",
			[]Competence{{Text: "Analyser les besoins"}}},
		{"lone angle bracket", "<p>Répondre en < 10 min</p>", []Competence{{Text: "Répondre en < 10 min"}}},
		{"empty", "<p></p><ul></ul>", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := Competences(c.html); !reflect.DeepEqual(got, c.want) {
				t.Errorf("Competences(%q)\n got %q\nwant %q", c.html, got, c.want)
			}
		})
	}
}

func TestMarkdown(t *testing.T) {
	for _, c := range []struct{ name, html, want string }{
		{"paragraphs", "<p>Présentation : 20 min ;</p><p>entretien : 40 min.</p>",
			"Présentation : 20 min ;\n\nentretien : 40 min."},
		{"list after paragraph", "<p>Il assiste :</p><ul><li>par téléphone ;</li><li>sur site.</li></ul><p>Fin.</p>",
			"Il assiste :\n\n- par téléphone ;\n- sur site.\n\nFin."},
		{"br", "<p>Mise en situation : 1 h<br>Entretien : 20 min</p>", "Mise en situation : 1 h\nEntretien : 20 min"},
		{"dash paragraphs are a list", "<p>- Dossier</p><p>- Oral</p>", "- Dossier\n- Oral"},
		{"markup escaped", "<p># 1 *important* [lien] <b>a_b</b></p><p>1. pas une liste</p>",
			`\# 1 \*important\* \[lien\] a\_b` + "\n\n" + `\1. pas une liste`},
		{"entities", "<p>&lt;script&gt; &amp; &eacute;</p>", `\<script> & é`},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := Markdown(c.html); got != c.want {
				t.Errorf("Markdown(%q)\n got %q\nwant %q", c.html, got, c.want)
			}
		})
	}
}
