package content

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"cursus/generator/diag"
)

const okModalites = `[[modalites]]
id = "msp"
name = "Mises en situation professionnelle"
detail = "projets"
`

const okBloc = `id = "B1"
number = 1
title = "Concevoir des logiciels"
modalites = ["msp"]

[[metiers]]
id = "dev"
title = "Développeur"

[[competences]]
id = "B1.C1"
label = "Analyser"
text = "Analyser les besoins"
criteria = [
  "Pertinence de l'analyse",
  "Clarté de la synthèse",
]
`

func site(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"modalites.toml": {Data: []byte(okModalites)},
		"blocs/b1.toml":  {Data: []byte(okBloc)},
	}
	for name, data := range files {
		if data == "<delete>" {
			delete(fsys, name)
			continue
		}
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

func TestLoadMinimal(t *testing.T) {
	s, err := Load(site(nil))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Blocs) != 1 || len(s.Competences) != 1 || s.Criteria() != 2 || len(s.Metiers) != 1 {
		t.Fatalf("unexpected model: %d blocs, %d compétences, %d criteria", len(s.Blocs), len(s.Competences), s.Criteria())
	}
	c := s.Competences[0]
	if c.Criteria[1].Pos.String() != "blocs/b1.toml:16:3" {
		t.Errorf("criterion position = %s, want blocs/b1.toml:16:3", c.Criteria[1].Pos)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"toml syntax in data file",
			map[string]string{"blocs/b1.toml": "id = \"B1\"\nnumber = = 1\n"},
			[]string{`blocs/b1.toml:2:10: toml : expected value but found '=' instead (clé "number")`}},
		{"toml syntax in front matter",
			map[string]string{"p.md": "+++\ntitle = \"x\"\nweight = [\n+++\nbody\n"},
			[]string{`p.md:3:11: toml : unexpected EOF; expected value (clé "weight")`}},
		{"unknown key",
			map[string]string{"blocs/b1.toml": strings.Replace(okBloc, "label = ", "lable = ", 1)},
			[]string{`blocs/b1.toml:12:1: clé inconnue "competences.lable" : faute de frappe ? (le manuel donne les clés de chaque fichier)`}},
		{"unknown key in front matter",
			map[string]string{"p.md": "+++\ntitle = \"x\"\ntitel = \"y\"\n+++\n"},
			[]string{`p.md:3:1: clé inconnue "titel" : faute de frappe ? (le manuel donne les clés de chaque fichier)`}},
		{"missing required field",
			map[string]string{"blocs/b1.toml": strings.Replace(okBloc, "text = \"Analyser les besoins\"\n", "", 1)},
			[]string{`blocs/b1.toml:10:1: competences[0].text manque : cette clé est obligatoire`}},
		{"missing title in front matter",
			map[string]string{"p.md": "+++\nweight = 1\n+++\n"},
			[]string{`p.md:1:1: en-tête : title manque, le titre de la page`}},
		{"duplicate id",
			map[string]string{"blocs/b2.toml": strings.Replace(strings.Replace(okBloc, "number = 1", "number = 2", 1), `id = "dev"`, `id = "dev2"`, 1)},
			[]string{
				`blocs/b2.toml:1:1: id "B1" en double : bloc déjà déclaré à blocs/b1.toml:1:1`,
			}},
		{"duplicate compétence id",
			map[string]string{"blocs/b1.toml": okBloc + "\n[[competences]]\nid = \"B1.C1\"\ntext = \"x\"\ncriteria = [\"y\"]\n"},
			[]string{`blocs/b1.toml:20:1: id "B1.C1" en double : compétence déjà déclaré à blocs/b1.toml:11:1`}},
		{"unknown modalité",
			map[string]string{"blocs/b1.toml": strings.Replace(okBloc, `modalites = ["msp"]`, `modalites = ["msp", "oral"]`, 1)},
			[]string{`blocs/b1.toml:4:21: modalité "oral" inconnue : déclarez-la dans modalites.toml`}},
		{"unknown métier reference",
			map[string]string{"blocs/b1.toml": okBloc + "\n[[metiers]]\nid = \"ghost\"\n"},
			[]string{`blocs/b1.toml:20:1: métier "ghost" inconnu : déclarez-le une fois avec son title`}},
		{"unknown attach",
			map[string]string{"p.md": "+++\nattach = \"B9\"\n+++\n"},
			[]string{`p.md:1:1: en-tête : attach : id "B9" inconnu (l’id d’un bloc, d’une compétence ou d’un métier)`}},
		{"slug collision",
			map[string]string{"a.md": "+++\ntitle = \"A\"\nslug = \"meme\"\n+++\n", "b.md": "+++\ntitle = \"B\"\nslug = \"Même\"\n+++\n"},
			[]string{`b.md:1:1: slug en double : /meme/ est aussi l’adresse de a.md:1:1`}},
		{"reserved slug",
			map[string]string{"blocs.md": "+++\ntitle = \"A\"\n+++\n"},
			[]string{`blocs.md:1:1: slug réservé : /blocs/ est une page du site lui-même`}},
		{"unterminated front matter",
			map[string]string{"p.md": "+++\ntitle = \"x\"\n\nbody\n"},
			[]string{"p.md:1:1: en-tête : la ligne +++ qui le ferme manque"}},
		{"no front matter",
			map[string]string{"p.md": "# Title\n"},
			[]string{"p.md:1:1: en-tête : une page commence par une ligne +++"}},
		{"fichier vide",
			map[string]string{"blocs/b1.toml": " \n\n"},
			[]string{"blocs/b1.toml:1:1: fichier vide"}},
		{"invalid utf-8",
			map[string]string{"blocs/b1.toml": "id = \"B1\"\ntitle = \"ab\xffc\"\n"},
			[]string{"blocs/b1.toml:2:12: texte illisible : ce fichier n’est pas en UTF-8 (réenregistrez-le en UTF-8)"}},
		{"wrong type",
			map[string]string{"blocs/b1.toml": strings.Replace(okBloc, "number = 1", "number = \"un\"", 1)},
			[]string{`blocs/b1.toml:2:1: toml : il faut un nombre entier, pas un texte entre guillemets (clé "number")`}},
		{"wrong type in the second of three compétences",
			map[string]string{"blocs/b1.toml": okBloc + "\n[[competences]]\nid = \"B1.C2\"\ntext = \"x\"\ncriteria = 42\n\n[[competences]]\nid = \"B1.C3\"\ntext = \"y\"\ncriteria = [\"z\"]\n"},
			[]string{`blocs/b1.toml:22:1: toml : il faut une liste entre crochets [ ], pas un nombre entier (clé "competences.criteria")`}},
		{"wrong type in the first of two métiers",
			map[string]string{"blocs/b1.toml": strings.Replace(okBloc, `title = "Développeur"`, "title = 3\n\n[[metiers]]\nid = \"ops\"\ntitle = \"Exploitant\"", 1)},
			[]string{`blocs/b1.toml:8:1: toml : il faut un texte entre guillemets, pas un nombre entier (clé "metiers.title")`}},
		{"every wrong type at once",
			map[string]string{"blocs/b1.toml": strings.Replace(strings.Replace(okBloc, "number = 1", "number = \"un\"", 1), `text = "Analyser les besoins"`, "text = [\"Analyser\"]", 1) + "\n[[competences]]\nid = \"B1.C2\"\ntext = \"x\"\ncriteria = 42\n"},
			[]string{
				`blocs/b1.toml:2:1: toml : il faut un nombre entier, pas un texte entre guillemets (clé "number")`,
				`blocs/b1.toml:13:1: toml : il faut un texte entre guillemets, pas une liste entre crochets [ ] (clé "competences.text")`,
				`blocs/b1.toml:22:1: toml : il faut une liste entre crochets [ ], pas un nombre entier (clé "competences.criteria")`,
			}},
		{"wrong type in front matter",
			map[string]string{"p.md": "+++\ntitle = \"x\"\nweight = \"lourd\"\n+++\n"},
			[]string{`p.md:3:1: toml : il faut un nombre entier, pas un texte entre guillemets (clé "weight")`}},
		{"unknown data file",
			map[string]string{"blocs.toml": "x = 1\n"},
			[]string{"blocs.toml: fichier de données inconnu : les données vont dans certification.toml, modalites.toml ou blocs/*.toml"}},
		{"missing modalités file",
			map[string]string{"modalites.toml": "<delete>"},
			[]string{`blocs/b1.toml:4:14: modalité "msp" inconnue : déclarez-la dans modalites.toml`}},
		{"both layouts",
			map[string]string{"certification.toml": "title = \"A\"\n", "certifications/b/certification.toml": "title = \"B\"\n"},
			[]string{"certifications: certification.toml et certifications/ à la fois : un site a une certification à sa racine ou plusieurs sous certifications/, pas les deux"}},
		{"niveau out of range",
			map[string]string{"certification.toml": "title = \"A\"\nlevel = 9\n"},
			[]string{"certification.toml:2:1: niveau 9 : le niveau d'une certification va de 1 à 8"}},
		{"bloc code of another certification",
			map[string]string{"certification.toml": "title = \"A\"\nrncp = \"RNCP37680\"\n", "blocs/b1.toml": "code = \"RNCP31113BC01\"\n" + okBloc},
			[]string{`blocs/b1.toml:1:1: code de bloc "RNCP31113BC01" : il doit commencer par le code RNCP de sa certification, RNCP37680`}},
		{"duplicate bloc code",
			map[string]string{
				"blocs/b1.toml": "code = \"X1\"\n" + okBloc,
				"blocs/b2.toml": "code = \"X1\"\n" + strings.NewReplacer("B1", "B2", "number = 1", "number = 2").Replace(okBloc),
			},
			[]string{`blocs/b2.toml:1:1: code de bloc "X1" en double : déjà utilisé à blocs/b1.toml:1:1`}},
		{"unknown option group",
			map[string]string{"certification.toml": "title = \"A\"\n", "blocs/b1.toml": "option = \"spe\"\n" + okBloc},
			[]string{`blocs/b1.toml:1:1: option "spe" : aucun groupe d'options de ce nom dans certification.toml`}},
		{"option group asking for more blocs than it has",
			map[string]string{"certification.toml": "title = \"A\"\n\n[[options]]\nid = \"spe\"\nchoose = 2\n", "blocs/b1.toml": "option = \"spe\"\n" + okBloc},
			[]string{`certification.toml:4:1: groupe d'options "spe" : choisir 2 blocs parmi 1 n'est pas possible`}},
		{"certification without its file",
			map[string]string{"modalites.toml": "<delete>", "blocs/b1.toml": "<delete>", "certifications/a/blocs/b1.toml": okBloc, "certifications/a/modalites.toml": okModalites},
			[]string{"certifications/a/certification.toml: fichier manquant : chaque certification a son certification.toml (au moins title)"}},
		{"certification directory that is no slug",
			map[string]string{"modalites.toml": "<delete>", "blocs/b1.toml": "<delete>", "certifications/TP AIS/certification.toml": "title = \"A\"\n"},
			[]string{`certifications/TP AIS: dossier "TP AIS" : le nom d'une certification est son slug, en minuscules ASCII, chiffres et tirets ("tp-ais")`}},
		{"bad code ROME",
			map[string]string{"metiers/dev.md": "+++\nrome = [\"M18\"]\n+++\n"},
			[]string{`metiers/dev.md:2:9: code ROME "M18" : une lettre et quatre chiffres sont attendus (M1801)`}},
		{"every error at once",
			map[string]string{
				"a.md":          "+++\ntitle = \"x\"\n",
				"b.md":          "",
				"blocs/b1.toml": strings.Replace(okBloc, "number = 1", "number = 0", 1),
			},
			[]string{
				"a.md:1:1: en-tête : la ligne +++ qui le ferme manque",
				"b.md:1:1: fichier vide",
				"blocs/b1.toml:2:1: number : le numéro du bloc est un entier à partir de 1",
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(site(tt.files))
			if err == nil {
				t.Fatal("Load succeeded, want errors")
			}
			var list diag.List
			if !errors.As(err, &list) {
				t.Fatalf("error is %T, want diag.List", err)
			}
			got := strings.Join(list.Lines(), "\n")
			want := strings.Join(tt.want, "\n")
			if got != want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func TestLoadWarnings(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"none", nil, nil},
		{"compétence without critères",
			map[string]string{"blocs/b1.toml": strings.Replace(okBloc, "criteria = [\n  \"Pertinence de l'analyse\",\n  \"Clarté de la synthèse\",\n]\n", "", 1)},
			[]string{"blocs/b1.toml:11:1: avertissement : la compétence B1.C1 n'a pas de critères d'évaluation : sa page dira qu'ils ne sont pas publiés sur ce site"}},
		{"bloc without modalité nor evaluation",
			map[string]string{"blocs/b1.toml": strings.Replace(okBloc, `modalites = ["msp"]`, "", 1)},
			[]string{"blocs/b1.toml:1:1: avertissement : le bloc B1 n'a ni modalité d'évaluation (modalites) ni texte d'évaluation (evaluation)"}},
		{"bloc with its own evaluation text only",
			map[string]string{"blocs/b1.toml": strings.Replace(okBloc, `modalites = ["msp"]`, "evaluation = \"\"\"\nUne épreuve écrite de 4 heures.\n\"\"\"", 1)},
			nil},
		{"métier no bloc uses",
			map[string]string{"metiers/rssi.md": "+++\ntitle = \"RSSI\"\n+++\nIl protège.\n"},
			[]string{`metiers/rssi.md:1:1: avertissement : aucun bloc ne mène au métier "rssi"`}},
		{"certification past its end date, not active",
			map[string]string{"certification.toml": "title = \"A\"\nactif = false\ndate_fin = 2020-01-31\n"},
			[]string{
				"certification.toml:2:1: avertissement : la certification n'est pas active (actif = false)",
				"certification.toml:3:1: avertissement : la certification n'est plus enregistrée au RNCP depuis le 31/01/2020 (date_fin)",
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Load(site(tt.files))
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Join(s.Warnings.Lines(), "\n")
			want := strings.Join(tt.want, "\n")
			if got != want {
				t.Errorf("warnings:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}
