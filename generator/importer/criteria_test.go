package importer

import (
	"slices"
	"testing"

	"cursus/generator/msg"
)

func TestSplitCriteria(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		want  []string
		warns []string // words the warnings quote
	}{
		{
			name: "run together on head nouns",
			in:   "Pertinence et exhaustivité de l'analyse produite Clarté et précision de la documentation Capacité à prioriser",
			want: []string{"Pertinence et exhaustivité de l'analyse produite", "Clarté et précision de la documentation", "Capacité à prioriser"},
		},
		{
			name: "after a closing parenthesis",
			in:   "Taux de couverture des tests (unitaires, intégration, etc.) Mesure de la performance",
			want: []string{"Taux de couverture des tests (unitaires, intégration, etc.)", "Mesure de la performance"},
		},
		{
			name: "acronyms stay inside",
			in:   "Niveau de conformité aux normes SST dans l'environnement Intégration des principes RSE dans les processus",
			want: []string{"Niveau de conformité aux normes SST dans l'environnement", "Intégration des principes RSE dans les processus"},
		},
		{
			name: "mixed-case acronyms, slash and digits stay inside",
			in:   "Adéquation de la PSSI avec les normes ISO 27001 et l'architecture Cloud/virtualisée de la plateforme IoT Degré de sécurité",
			want: []string{"Adéquation de la PSSI avec les normes ISO 27001 et l'architecture Cloud/virtualisée de la plateforme IoT", "Degré de sécurité"},
		},
		{
			name: "nothing splits inside parentheses",
			in:   "Adéquation avec les référentiels (ISO 27001, NIST, ANSSI, Qualité du code) Exhaustivité de la couverture",
			want: []string{"Adéquation avec les référentiels (ISO 27001, NIST, ANSSI, Qualité du code)", "Exhaustivité de la couverture"},
		},
		{
			name: "a head noun after a function word is not a start",
			in:   "Respect de la Qualité attendue",
			want: []string{"Respect de la Qualité attendue"},
		},
		{
			name: "a head noun after a comma continues a list",
			in:   "Efficacité, Fiabilité et reproductibilité des déploiements",
			want: []string{"Efficacité, Fiabilité et reproductibilité des déploiements"},
		},
		{
			name: "API REST is an acronym pair",
			in:   "Qualité de l'API REST produite Sobriété du code",
			want: []string{"Qualité de l'API REST produite", "Sobriété du code"},
		},
		{
			name:  "an unknown proper noun is kept, with a warning",
			in:    "Qualité de l'application Web et de son interface",
			want:  []string{"Qualité de l'application Web et de son interface"},
			warns: []string{"Web"},
		},
		{
			name:  "an unknown noun of assessment is split, with a warning",
			in:    "Qualité du rapport produit Exploitabilité des résultats obtenus",
			want:  []string{"Qualité du rapport produit", "Exploitabilité des résultats obtenus"},
			warns: []string{"Exploitabilité"},
		},
		{
			name: "a sentence end makes an unknown word a start",
			in:   "Qualité du rapport. Lien avec les besoins",
			want: []string{"Qualité du rapport.", "Lien avec les besoins"},
		},
		{
			name:  "an unknown word with a complement after a complete criterion is a start, with a warning",
			in:    "Qualité du rapport produit Lien avec les besoins exprimés",
			want:  []string{"Qualité du rapport produit", "Lien avec les besoins exprimés"},
			warns: []string{"Lien"},
		},
		{
			name:  "an infinitive after a complete criterion is a start, with a warning",
			in:    "Pertinence des risques identifiés Proposer des mesures correctives adaptées",
			want:  []string{"Pertinence des risques identifiés", "Proposer des mesures correctives adaptées"},
			warns: []string{"Proposer"},
		},
		{
			name:  "a plural noun after a complete criterion is a start, with a warning",
			in:    "Clarté des livrables Documents rédigés en anglais",
			want:  []string{"Clarté des livrables", "Documents rédigés en anglais"},
			warns: []string{"Documents"},
		},
		{
			name: "sentences start with a capitalised article",
			in:   "Les besoins du client sont identifiés Les risques sont évalués et hiérarchisés L'architecture retenue est documentée",
			want: []string{"Les besoins du client sont identifiés", "Les risques sont évalués et hiérarchisés", "L'architecture retenue est documentée"},
		},
		{
			name: "a sentence starts with a capitalised determiner or preposition",
			in:   "Le cahier des charges est complet Chaque exigence est justifiée Dans le respect des délais fixés",
			want: []string{"Le cahier des charges est complet", "Chaque exigence est justifiée", "Dans le respect des délais fixés"},
		},
		{
			name:  "a capitalised article before a capital is a name, with a warning",
			in:    "Qualité de l'article publié dans le journal Le Monde",
			want:  []string{"Qualité de l'article publié dans le journal Le Monde"},
			warns: []string{"Le"},
		},
		{
			name: "a name goes on after a capitalised word",
			in:   "Qualité du déploiement sur Microsoft Azure Intégration de l'API REST Spring",
			want: []string{"Qualité du déploiement sur Microsoft Azure", "Intégration de l'API REST Spring"},
		},
		{
			name:  "a head-like word after a name is kept, with a warning",
			in:    "Sécurisation de l'écosystème IoT Exploitabilité des données collectées",
			want:  []string{"Sécurisation de l'écosystème IoT Exploitabilité des données collectées"},
			warns: []string{"Exploitabilité"},
		},
		{
			name:  "a name after a complete criterion is kept, with a warning",
			in:    "Utilisation de la méthode Scrum et des outils associés Capacité à travailler en équipe Agile",
			want:  []string{"Utilisation de la méthode Scrum et des outils associés", "Capacité à travailler en équipe Agile"},
			warns: []string{"Scrum", "Agile"},
		},
		{
			name: "names after prepositions and articles, never a start",
			in:   "Respect du règlement de la Sécurité sociale et des Affaires sanitaires Connaissance des normes de la CNIL",
			want: []string{"Respect du règlement de la Sécurité sociale et des Affaires sanitaires", "Connaissance des normes de la CNIL"},
		},
		{
			name:  "a grade is not a preposition",
			in:    "Obtention du niveau A ou B du référentiel",
			want:  []string{"Obtention du niveau A ou B du référentiel"},
			warns: []string{"A"},
		},
		{
			name: "the seed: names inside parentheses and lists",
			in:   "Efficacité des outils de contrôle et de supervision déployés (<i>SIEM, IDS/IPS</i> , analyses comportementales) Pertinence et précision des alertes configurées Rapidité et efficacité des procédures de réponse automatisées",
			want: []string{"Efficacité des outils de contrôle et de supervision déployés (SIEM, IDS/IPS, analyses comportementales)", "Pertinence et précision des alertes configurées", "Rapidité et efficacité des procédures de réponse automatisées"},
		},
		{
			name: "the seed: an acronym before a head noun",
			in:   "Niveau de conformité aux normes SST dans l'environnement de travail Intégration des principes RSE dans les processus de décision",
			want: []string{"Niveau de conformité aux normes SST dans l'environnement de travail", "Intégration des principes RSE dans les processus de décision"},
		},
		{
			name: "one criterion",
			in:   "Degré de prise en compte des exigences fonctionnelles et non-fonctionnelles",
			want: []string{"Degré de prise en compte des exigences fonctionnelles et non-fonctionnelles"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var warned []string
			warn := func(col int, _ msg.Key, word string) {
				warned = append(warned, word)
				if col < 1 {
					t.Errorf("warning on %q at column %d", word, col)
				}
			}
			got := splitCriteria(clean(tt.in, 0), warn)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
			if !slices.Equal(warned, tt.warns) {
				t.Errorf("warnings on %q, want %q", warned, tt.warns)
			}
		})
	}
}
