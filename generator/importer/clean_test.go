package importer

import (
	"strings"
	"testing"
)

func TestClean(t *testing.T) {
	tests := []struct {
		name, raw, want string
	}{
		{"plain", "  Analyser   les besoins ", "Analyser les besoins"},
		{"inline tags vanish", "pratiques <i>DevOps</i> et <b>Agile</b>", "pratiques DevOps et Agile"},
		{"space before comma left by a tag", "pratiques <i>DevOps</i> , afin", "pratiques DevOps, afin"},
		{"space before semicolon kept", "enregistrements – <i>commit</i> ; qualité", "enregistrements – commit ; qualité"},
		{"block tags are breaks", "<p>Un</p> <p>Deux</p><ul><li>Trois</li></ul>", "Un\nDeux\nTrois"},
		{"br and attributes", `Un<br/>Deux <ul style="list-style-type: none"> - Trois`, "Un\nDeux\n- Trois"},
		{"entities", "Sant&eacute; &amp; s&#233;curit&#xE9; &lt;i&gt;", "Santé & sécurité <i>"},
		{"nbsp kept as typography", "Métiers&nbsp;: x", "Métiers\u00a0: x"},
		{"lone angle bracket is text", "a < b et c > d", "a < b et c > d"},
		{"unknown entity is text", "R&D; AT&T", "R&D; AT&T"},
		{"unterminated tag is text", "a <i b", "a <i b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := clean(tt.raw, 0).s; got != tt.want {
				t.Errorf("clean(%q) = %q, want %q", tt.raw, got, tt.want)
			}
		})
	}
}

// TestCleanOffsets checks that cleaned text points back at the column of
// the raw line, through removed tags and decoded entities, and that a
// paragraph break points at the tag that made it.
func TestCleanOffsets(t *testing.T) {
	raw := "<p>Clarté&nbsp;et <i>précision</i></p><p>Rigueur</p>"
	got := clean(raw, 10)
	for _, word := range []string{"Clarté", "et", "précision", "\n", "Rigueur"} {
		i := strings.Index(got.s, word)
		want := 10 + strings.Index(raw, word) + 1
		if word == "\n" {
			want = 10 + strings.Index(raw, "</p>") + 1
		}
		if c := got.col(i, 0); c != want {
			t.Errorf("column of %q = %d, want %d", word, c, want)
		}
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ingénieur robotique, systèmes autonomes", "ingenieur-robotique-systemes-autonomes"},
		{"Consultant / Chef de projet Cybersécurité", "consultant-chef-de-projet-cybersecurite"},
		{"Responsable de la conformité réglementaire en e-Santé", "responsable-de-la-conformite-reglementaire-en-e-sante"},
		{"Mise en œuvre d'Æther", "mise-en-oeuvre-d-aether"},
		{"  --  ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := slug(tt.in); got != tt.want {
				t.Errorf("slug(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDeriveLabel(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Piloter le développement collaboratif d'un projet logiciel en coordonnant une équipe", "Piloter le développement collaboratif d'un projet logiciel"},
		{"Analyser, formaliser et synthétiser avec esprit critique les besoins clients en matière de développement", "Analyser, formaliser et synthétiser avec esprit critique"},
		{"Mesurer les impacts des choix techniques et de gouvernance afin d'agir", "Mesurer les impacts des choix techniques et de gouvernance"},
		{"Sécuriser un système d'information", "Sécuriser un système d'information"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := deriveLabel(tt.in); got != tt.want {
				t.Errorf("deriveLabel(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
