package content

import (
	"os"
	"testing"
)

// TestBundledContent checks that the bundled référentiel holds exactly the
// seed: 8 blocs, 37 compétences, 105 criteria, 36 distinct métiers, in order.
func TestBundledContent(t *testing.T) {
	site, err := Load(os.DirFS("../../content"))
	if err != nil {
		t.Fatalf("bundled content does not load:\n%v", err)
	}
	if got := len(site.Blocs); got != 8 {
		t.Errorf("blocs = %d, want 8", got)
	}
	if got := len(site.Competences); got != 37 {
		t.Errorf("compétences = %d, want 37", got)
	}
	if got := site.Criteria(); got != 105 {
		t.Errorf("criteria = %d, want 105", got)
	}
	if got := len(site.Metiers); got != 36 {
		t.Errorf("métiers = %d, want 36", got)
	}
	for i, b := range site.Blocs {
		if b.Number != i+1 || b.ID != "B"+string(rune('1'+i)) {
			t.Errorf("bloc %d is %s number %d: not in the seed's order", i, b.ID, b.Number)
		}
	}
	wantPerBloc := []int{7, 7, 5, 4, 3, 3, 4, 4}
	for i, b := range site.Blocs {
		if len(b.Competences) != wantPerBloc[i] {
			t.Errorf("%s has %d compétences, want %d", b.ID, len(b.Competences), wantPerBloc[i])
		}
	}
}

// TestBundledCriteriaAreTheSeedSentences pins the split of a few packed
// criteria cells to the seed's sentences, word for word.
func TestBundledCriteriaAreTheSeedSentences(t *testing.T) {
	site, err := Load(os.DirFS("../../content"))
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string][]string{
		"B1.C1": {
			"Pertinence et exhaustivité de l'analyse des besoins et qualité de la synthèse produite",
			"Clarté et précision de la documentation des besoins et solutions",
			"Capacité à prioriser les besoins et à proposer des alternatives",
			"Adéquation des solutions proposées aux besoins identifiés",
			"Degré d'impact environnemental et sociétal",
		},
		"B2.C4": {
			"Degré d'adéquation de l'architecture Cloud/virtualisée aux besoins de l'entreprise",
			"Degré de flexibilité et de scalabilité de la solution mise en place",
			"Qualité de l'intégration avec les systèmes existants",
		},
		"B3.C3": {
			"Niveau de conformité aux normes SST dans l'environnement de travail",
			"Intégration des principes RSE dans les processus de décision",
		},
		"B7.C1": {
			"Pertinence de l'analyse des enjeux de gouvernance aux niveaux local, national et international",
			"Adéquation de la PSSI avec les normes et référentiels reconnus (ISO 27001, NIST, ANSSI)",
			"Exhaustivité de la couverture des actifs informationnels de l'organisation",
		},
		"B1.C4": {
			"Efficacité de la gestion de versions (fréquence des enregistrements – commit ; qualité de la documentation produite)",
			"Utilisation appropriée des branches et des demandes de fusion",
		},
	}
	for id, want := range tests {
		t.Run(id, func(t *testing.T) {
			c := site.Competence(id)
			if c == nil {
				t.Fatalf("no compétence %s", id)
			}
			if len(c.Criteria) != len(want) {
				t.Fatalf("%d criteria, want %d", len(c.Criteria), len(want))
			}
			for i, cr := range c.Criteria {
				if cr.Text != want[i] {
					t.Errorf("criterion %d = %q, want %q", i+1, cr.Text, want[i])
				}
			}
		})
	}
}

// TestBundledCrossReferences follows the links both ways.
func TestBundledCrossReferences(t *testing.T) {
	site, err := Load(os.DirFS("../../content"))
	if err != nil {
		t.Fatal(err)
	}
	devops := site.Metier("ingenieur-devops")
	if devops == nil || len(devops.Blocs) != 1 || devops.Blocs[0].ID != "B2" || len(devops.Competences) != 7 {
		t.Fatalf("ingenieur-devops does not reach bloc B2 and its 7 compétences: %+v", devops)
	}
	c := site.Competence("B8.C3")
	if c.Bloc.ID != "B8" || !c.Own || len(c.Modalites) != 1 || c.Modalites[0].ID != "controle-continu" {
		t.Errorf("B8.C3 must be assessed by contrôle continu only, got %v", c.Modalites)
	}
	if c.Prev.ID != "B8.C2" || c.Next.ID != "B8.C4" || c.Next.Next != nil {
		t.Errorf("B8.C3 prev/next wrong")
	}
	if len(c.Metiers) != 4 {
		t.Errorf("B8.C3 métiers = %d, want 4", len(c.Metiers))
	}
	msp := site.Modalite("mise-en-situation")
	if len(msp.Blocs) != 8 || len(msp.Competences) != 37-2 {
		t.Errorf("mise-en-situation: %d blocs, %d compétences; want 8 and 35", len(msp.Blocs), len(msp.Competences))
	}
	if site.Home == nil || len(site.Pages) < 3 {
		t.Errorf("home page and at least three pages expected, got %d", len(site.Pages))
	}
}
