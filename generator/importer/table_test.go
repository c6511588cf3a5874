package importer

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"cursus/generator/diag"
	"cursus/generator/msg"
)

const header = "Activités / Métiers\tCompétences\tModalités d'évaluation\tCritères d'évaluation"

const (
	mes = "Mises en situation professionnelle (projets, stages)"
	cc  = "Contrôle continu (évaluations sur table)"
)

// small is a one-bloc table with two compétences; cases vary its lines.
var small = []string{
	"Bloc 1 : Concevoir des logiciels\t\t\t",
	header,
	"Analyser les besoins Métiers : - Architecte logiciel - Développeur Full-Stack\tAnalyser les besoins clients\t" + mes + "\tPertinence de l'analyse Clarté de la documentation",
	"\tConcevoir des solutions\t\tQualité du code",
}

func tsv(lines ...string) []byte { return []byte(strings.Join(lines, "\n") + "\n") }

// decode reads back a bloc file of r the way existing content is read.
func decode(t *testing.T, r *Result, path string) *blocDoc {
	t.Helper()
	var errs diag.List
	s, ok := readSource(msg.FR, fstest.MapFS{path: {Data: r.Files[path]}}, path, &errs)
	if !ok || errs.Len() > 0 {
		t.Fatalf("%s does not decode: %v\n%s", path, errs, r.Files[path])
	}
	return readBlocDoc(s)
}

func mustImport(t *testing.T, src []byte) *Result {
	t.Helper()
	r, err := Import("ref.txt", src, nil)
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	return r
}

// TestInputForms imports variants of the same table that must all read
// the same: line ends, BOM, trailing tabs, header spelling, blank lines.
func TestInputForms(t *testing.T) {
	tests := []struct {
		name string
		src  []byte
	}{
		{"plain", tsv(small...)},
		{"CRLF", []byte(strings.ReplaceAll(string(tsv(small...)), "\n", "\r\n"))},
		{"BOM", append([]byte("\uFEFF"), tsv(small...)...)},
		{"title without trailing tabs", tsv(append([]string{"Bloc 1 : Concevoir des logiciels"}, small[1:]...)...)},
		{"singular header", tsv(small[0], strings.Replace(header, "Compétences", "Compétence", 1), small[2], small[3])},
		{"blank lines", tsv("", small[0], "", small[1], small[2], "\t\t\t", small[3], "")},
		{"entities and tags", tsv(small[0], small[1],
			"<p>Analyser les besoins</p> <p>M&eacute;tiers :</p> <ul><li>Architecte logiciel</li><li>Développeur <i>Full-Stack</i></li></ul>\t<p>Analyser les besoins clients</p>\t<p>Mises en situation professionnelle (projets, stages)</p>\t<p>Pertinence de l'analyse</p><p>Clarté de la documentation</p>",
			small[3])},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := decode(t, mustImport(t, tt.src), "blocs/b1.toml")
			if d.id != "B1" || d.number != 1 || d.title != "Concevoir des logiciels" {
				t.Errorf("bloc = %q %d %q", d.id, d.number, d.title)
			}
			if want := []string{"Analyser les besoins"}; !slices.Equal(d.activities, want) {
				t.Errorf("activities = %q, want %q", d.activities, want)
			}
			if got := metierTitles(d); !slices.Equal(got, []string{"Architecte logiciel", "Développeur Full-Stack"}) {
				t.Errorf("métiers = %q", got)
			}
			if len(d.competences) != 2 {
				t.Fatalf("got %d compétences, want 2", len(d.competences))
			}
			c := d.competences[0]
			if c.id != "B1.C1" || c.text != "Analyser les besoins clients" {
				t.Errorf("compétence = %q %q", c.id, c.text)
			}
			if want := []string{"Pertinence de l'analyse", "Clarté de la documentation"}; !slices.Equal(c.criteria, want) {
				t.Errorf("criteria = %q, want %q", c.criteria, want)
			}
			if !slices.Equal(d.modalites, []string{"mise-en-situation"}) || d.competences[1].modalites != nil {
				t.Errorf("modalités = %q, %q", d.modalites, d.competences[1].modalites)
			}
		})
	}
}

func metierTitles(d *blocDoc) []string {
	var out []string
	for _, m := range d.metiers {
		out = append(out, m.title)
	}
	return out
}

func TestMetierLists(t *testing.T) {
	tests := []struct {
		name, cell string
		want       []string
	}{
		{"Métier singular", "Manager une équipe Métier : - Chef de projet informatique", []string{"Chef de projet informatique"}},
		{"li items", "Activité<p>Métiers :</p><ul><li>Architecte IoT</li><li>Consultant IoT</li></ul>", []string{"Architecte IoT", "Consultant IoT"}},
		{"ul then dashes", `Activité Métiers : <ul style="list-style-type: none"> - Chef de projet - Gestionnaire de données `, []string{"Chef de projet", "Gestionnaire de données"}},
		{"comma and slash in titles", "Activité Métiers : - Ingénieur robotique, systèmes autonomes - Consultant / Chef de projet Cybersécurité - Architecte <i>middleware</i> pour systèmes",
			[]string{"Ingénieur robotique, systèmes autonomes", "Consultant / Chef de projet Cybersécurité", "Architecte middleware pour systèmes"}},
		{"hyphen inside a title", "Activité Métiers : - Responsable en e-Santé - Développeur Full-Stack", []string{"Responsable en e-Santé", "Développeur Full-Stack"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustImport(t, tsv(small[0], small[1], tt.cell+"\tCompétence\t"+mes+"\tQualité"))
			d := decode(t, r, "blocs/b1.toml")
			if got := metierTitles(d); !slices.Equal(got, tt.want) {
				t.Errorf("métiers = %q, want %q", got, tt.want)
			}
			if d.activities[0] == "" || strings.Contains(d.activities[0], "tier") {
				t.Errorf("activities = %q", d.activities)
			}
		})
	}
}

func TestMetierIDs(t *testing.T) {
	r := mustImport(t, tsv(
		small[0], small[1],
		"A Métiers : - Consultant / Chef de projet Cybersécurité - Consultant, chef de projet cybersécurité\tC\t"+mes+"\tQualité",
		"Bloc 2 : Autre\t\t\t", header,
		"A Métiers : - Consultant / Chef de projet Cybersécurité\tC\t"+mes+"\tQualité",
	))
	b1, b2 := decode(t, r, "blocs/b1.toml"), decode(t, r, "blocs/b2.toml")
	if got := []string{b1.metiers[0].id, b1.metiers[1].id, b2.metiers[0].id}; !slices.Equal(got, []string{
		"consultant-chef-de-projet-cybersecurite", "consultant-chef-de-projet-cybersecurite-2", "consultant-chef-de-projet-cybersecurite",
	}) {
		t.Errorf("ids = %q: the same title must get the same id, another title another", got)
	}
	if len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0].Msg, `reçoit l'id "consultant-chef-de-projet-cybersecurite-2"`) {
		t.Errorf("warnings = %v", r.Warnings)
	}
}

// TestModalites covers merged modalités cells and a change inside a bloc:
// the bloc lists every modalité its rows use, a compétence lists its own
// only when they differ from the bloc's.
func TestModalites(t *testing.T) {
	r := mustImport(t, tsv(
		"Bloc 8 : Santé\t\t\t",
		strings.Replace(header, "Compétences", "Compétence", 1),
		"A Métiers : - M\tC1\t"+mes+"\tQualité",
		"\tC2\t\tQualité",
		"\tC3\t"+cc+"\tQualité",
		"\tC4\t\tQualité",
		"Bloc 9 : Autre\t\t\t", header,
		"A Métiers : - N\tC1\t<p>"+mes+"</p> <p>"+cc+"</p>\tQualité",
		"\tC2\t\tQualité",
		"Bloc 10 : Encore\t\t\t", header,
		"A Métiers : - N\tC1\t"+mes+" "+cc+" Jury final\tQualité",
	))
	b8 := decode(t, r, "blocs/b8.toml")
	if !slices.Equal(b8.modalites, []string{"mise-en-situation", "controle-continu"}) {
		t.Errorf("bloc 8 modalités = %q", b8.modalites)
	}
	want := [][]string{{"mise-en-situation"}, {"mise-en-situation"}, {"controle-continu"}, {"controle-continu"}}
	for i, c := range b8.competences {
		if !slices.Equal(c.modalites, want[i]) {
			t.Errorf("%s modalités = %q, want %q", c.id, c.modalites, want[i])
		}
	}
	b9 := decode(t, r, "blocs/b9.toml")
	if !slices.Equal(b9.modalites, []string{"mise-en-situation", "controle-continu"}) || b9.competences[1].modalites != nil {
		t.Errorf("bloc 9 modalités = %q, C2 %q", b9.modalites, b9.competences[1].modalites)
	}
	b10 := decode(t, r, "blocs/b10.toml")
	if !slices.Equal(b10.modalites, []string{"mise-en-situation", "controle-continu", "jury-final"}) {
		t.Errorf("bloc 10 modalités = %q", b10.modalites)
	}
	mods := string(r.Files[ModalitesPath])
	for _, s := range []string{`id = "mise-en-situation"`, `detail = "projets, stages"`, `id = "controle-continu"`, `name = "Contrôle continu"`, `id = "jury-final"`, `name = "Jury final"`} {
		if !strings.Contains(mods, s) {
			t.Errorf("modalites.toml lacks %s:\n%s", s, mods)
		}
	}
}

// TestBadTables checks that what is not a référentiel table is refused
// with the exact position and message.
func TestBadTables(t *testing.T) {
	tests := []struct {
		name string
		src  []byte
		want string
	}{
		{"empty", []byte(""), "ref.txt:1:1: ce n'est pas un tableau de référentiel : aucune ligne « Bloc N : titre »"},
		{"prose", []byte("\nHello world\nsecond line\n"), `ref.txt:2:1: ce n'est pas un tableau de référentiel : une ligne « Bloc N : titre » est attendue, pas "Hello world"`},
		{"binary", []byte("Bloc 1 : x\n\xff\xfe"), "ref.txt:2:1: ce n'est pas un tableau de référentiel : texte illisible, pas en UTF-8 (exportez le tableau en texte UTF-8)"},
		{"missing header", tsv(small[0], small[2]), "ref.txt:2:1: bloc 1 : la ligne d'en-tête (Activités / Métiers, Compétences, Modalités d'évaluation, Critères d'évaluation) est attendue avant la première ligne"},
		{"too few columns", tsv(small[0], small[1], "a\tb"), "ref.txt:3:1: la ligne a 2 colonnes séparées par des tabulations, 4 sont attendues (activités / métiers, compétence, modalités, critères)"},
		{"no rows", tsv(small[0], small[1]), "ref.txt:1:1: le bloc 1 n'a aucune compétence : des lignes sont attendues après sa ligne d'en-tête"},
		{"no modalités", tsv(small[0], small[1], "A\tC\t\tQualité"), "ref.txt:3:5: cellule de modalités vide dans la première ligne du bloc 1 : il n'y a pas de ligne au-dessus d'où la reprendre"},
		{"no compétence", tsv(small[0], small[1], "A\t\t"+mes+"\tQualité"), "ref.txt:3:3: cellule de compétence vide dans la première ligne du bloc 1"},
		{"duplicate bloc", tsv(append(small, small...)...), "ref.txt:5:1: le bloc 1 apparaît deux fois (la première à la ligne 1)"},
		{"fifth column", tsv(small[0], small[1], small[2]+"\tplus"), "ref.txt:3:215: texte inattendu dans une cinquième colonne"},
		{"text further right", tsv(small[0], small[1], small[2]+"\t\t\t  plus"), "ref.txt:3:219: texte inattendu dans une cinquième colonne"},
		{"empty title", tsv("Bloc 3 :", header, "A\tC\t"+mes+"\tQ"), "ref.txt:1:1: le bloc 3 n'a pas de titre après les deux-points"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Import("ref.txt", tt.src, nil)
			if err == nil {
				t.Fatalf("no error; files %v", r.Changes)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error:\n%s\nwant:\n%s", err, tt.want)
			}
			if r != nil {
				t.Error("a failed import must return no result, so that nothing is written")
			}
		})
	}
}

// TestWarningPositions checks that a warning points at the word, in the
// columns of the raw line, through tags and earlier cells.
func TestWarningPositions(t *testing.T) {
	crit := "<p>Qualité de l'application <i>Web</i> et de son interface</p>"
	line := "A Métiers : - M\tC\t" + mes + "\t" + crit
	r := mustImport(t, tsv(small[0], small[1], line))
	if len(r.Warnings) != 1 {
		t.Fatalf("warnings = %v", r.Warnings)
	}
	want := diag.Pos{File: "ref.txt", Line: 3, Col: strings.Index(line, "Web") + 1}
	if r.Warnings[0].Pos != want {
		t.Errorf("warning at %v, want %v: %s", r.Warnings[0].Pos, want, r.Warnings[0])
	}
}
