package importer

import (
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"cursus/generator/msg"
)

// TestEmptyDirSameData imports the seed with no existing content: labels and
// métier ids are derived, so they may differ from the hand-made content,
// but every piece of referential data must be the same.
func TestEmptyDirSameData(t *testing.T) {
	fresh, err := Import("referentiel.txt", readSeed(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	content := os.DirFS("../../content")
	for p := range fresh.Files {
		data, err := fs.ReadFile(content, p)
		if err != nil {
			t.Fatal(err)
		}
		if p == ModalitesPath {
			if got := string(fresh.Files[p]); got != string(data) {
				t.Errorf("modalites.toml differs:\n%s", unifiedDiff(p, string(data), got))
			}
			continue
		}
		got, want := decode(t, fresh, p), decode(t, &Result{Files: map[string][]byte{p: data}}, p)
		got.label, want.label = "", ""
		for i := range got.metiers {
			got.metiers[i].id = ""
		}
		for i := range want.metiers {
			want.metiers[i].id = ""
		}
		for i := range got.competences {
			got.competences[i].label = ""
		}
		for i := range want.competences {
			want.competences[i].label = ""
		}
		if g, w := string(got.encode()), string(want.encode()); g != w {
			t.Errorf("%s: referential data differs:\n%s", p, unifiedDiff(p, w, g))
		}
	}
	if len(fresh.Warnings) != 0 {
		t.Errorf("warnings on the seed: %v", fresh.Warnings)
	}
}

// TestIdempotent imports the seed twice, the second time over the output
// of the first: nothing may change.
func TestIdempotent(t *testing.T) {
	first, err := Import("referentiel.txt", readSeed(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	second, err := Import("referentiel.txt", readSeed(t), mapFS(first.Files))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range second.Changes {
		if c.Kind != Unchanged {
			t.Errorf("%s: %s\n%s", c.Path, c.Kind, c.Diff)
		}
	}
}

func mapFS(files map[string][]byte) fstest.MapFS {
	m := fstest.MapFS{}
	for p, data := range files {
		m[p] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return m
}

// TestReimportKeepsHandWork imports a changed table over content people
// edited: their ids, labels, comments and extra keys stay, the table's
// changes land, and what the table dropped is reported.
func TestReimportKeepsHandWork(t *testing.T) {
	existing := fstest.MapFS{
		"blocs/b1.toml": {Data: []byte(`# Notre bloc 1.
# Deuxième ligne de commentaire.
id = "B1"
number = 1
title = "Ancien titre"
label = "Logiciel"
activities = ["Analyser les besoins"]
modalites = ["mise-en-situation"]
weight = 3

[[metiers]]
id = "archi"
title = "Architecte logiciel"
featured = true

[[metiers]]
id = "retire"
title = "Métier retiré"

[[competences]]
id = "B1.C1"
label = "Analyser"
text = "Ancien texte"
criteria = ["Ancien critère"]
summary = "Résumé écrit à la main"

[[competences]]
id = "B1.C2"
label = "Concevoir"
text = "Concevoir des solutions"
criteria = ["Qualité du code"]

[[competences]]
id = "B1.C3"
label = "En trop"
text = "Compétence que le tableau n'a plus"
criteria = ["Qualité"]
`)},
		"blocs/b2.toml": {Data: []byte(`id = "B2"
number = 2
title = "Autre"
label = "Autre"
activities = ["A"]
modalites = ["mise-en-situation"]

[[metiers]]
id = "dev-fs"
title = "Développeur Full-Stack"

[[competences]]
id = "B2.C1"
label = "C"
text = "C"
criteria = ["Q"]
`)},
		"modalites.toml": {Data: []byte(`# Nos modalités.

[[modalites]]
id = "mes"
name = "Mises en situation professionnelle"
detail = "ancien détail"
ects = 5

[[modalites]]
id = "oral"
name = "Oral"
detail = "devant un jury"
`)},
	}
	r, err := Import("ref.txt", tsv(small...), existing)
	if err != nil {
		t.Fatal(err)
	}
	b1 := string(r.Files["blocs/b1.toml"])
	for _, s := range []string{
		"# Notre bloc 1.\n# Deuxième ligne de commentaire.\nid = \"B1\"\n",
		`title = "Concevoir des logiciels"`, `label = "Logiciel"`, "weight = 3\n",
		"id = \"archi\"\ntitle = \"Architecte logiciel\"\nfeatured = true\n",
		"id = \"dev-fs\"\ntitle = \"Développeur Full-Stack\"\n", // moved from bloc 2: keeps its id
		`label = "Analyser"`, `text = "Analyser les besoins clients"`, `summary = "Résumé écrit à la main"`,
		`label = "Concevoir"`, `modalites = ["mes"]`,
	} {
		if !strings.Contains(b1, s) {
			t.Errorf("blocs/b1.toml lacks %q:\n%s", s, b1)
		}
	}
	for _, s := range []string{"retire", "En trop", "Ancien"} {
		if strings.Contains(b1, s) {
			t.Errorf("blocs/b1.toml still has %q", s)
		}
	}
	mods := string(r.Files[ModalitesPath])
	if !strings.HasPrefix(mods, "# Nos modalités.\n\n[[modalites]]\nid = \"mes\"\n") ||
		!strings.Contains(mods, "detail = \"projets, stages\"\nects = 5\n") || !strings.Contains(mods, `id = "oral"`) {
		t.Errorf("modalites.toml:\n%s", mods)
	}
	// What the import removes or leaves alone is said once, in the
	// report, with where existing content writes it; no warning repeats it.
	if len(r.Warnings) > 0 {
		t.Errorf("warnings: %v, want none: the report says it all", r.Warnings)
	}
	var at []string
	for _, it := range r.Report {
		if it.At.File != "" {
			at = append(at, it.At.String()+": "+it.Text(msg.FR))
		}
	}
	want := []string{
		"blocs/b1.toml:17:1: retrait      métier de B1 « Métier retiré »",
		"blocs/b1.toml:34:1: retrait      compétence B1.C3 « Compétence que le tableau n'a plus »",
		"modalites.toml:10:1: disque seul  modalité oral « Oral » : pas dans le tableau, gardée : supprimez-la si elle n'existe plus (--replace la retire)",
	}
	if !slices.Equal(at, want) {
		t.Errorf("report lines with a position:\n%s\nwant:\n%s", strings.Join(at, "\n"), strings.Join(want, "\n"))
	}
	if _, ok := r.Files["blocs/b2.toml"]; ok {
		t.Error("a bloc the table does not have must be left alone")
	}
	// The result is itself valid existing content: importing again is a no-op.
	again, err := Import("ref.txt", tsv(small...), overlay(existing, r.Files))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range again.Changes {
		if c.Kind != Unchanged {
			t.Errorf("second import: %s %s\n%s", c.Path, c.Kind, c.Diff)
		}
	}
}

func overlay(base fstest.MapFS, files map[string][]byte) fstest.MapFS {
	m := fstest.MapFS{}
	for p, f := range base {
		m[p] = f
	}
	for p, data := range files {
		m[p] = &fstest.MapFile{Data: data}
	}
	return m
}

func TestExistingContentErrors(t *testing.T) {
	tests := []struct {
		name, file, data, want string
	}{
		{"syntax", "blocs/b1.toml", "id = \"B1\"\nnumber = = 1\n", "blocs/b1.toml:2:"},
		{"type", "blocs/b1.toml", "id = \"B1\"\nlabel = 3\n", "blocs/b1.toml:2:1: contenu existant : label doit être un texte entre guillemets"},
		{"type in a table", "modalites.toml", "[[modalites]]\nid = \"a\"\n\n[[modalites]]\nid = 7\n", "modalites.toml:5:1: contenu existant : id doit être un texte entre guillemets"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Import("ref.txt", tsv(small...), fstest.MapFS{tt.file: {Data: []byte(tt.data)}})
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error = %v, want prefix %q", err, tt.want)
			}
		})
	}
}

// TestDryRun checks the change list a dry run prints.
func TestDryRun(t *testing.T) {
	first := mustImport(t, tsv(small...))
	changed := slices.Clone(small)
	changed[3] = "\tConcevoir des solutions\t\tQualité du code Exploitabilité des tests"
	existing := mapFS(first.Files)
	r, err := Import("ref.txt", tsv(append(changed,
		"Bloc 2 : Nouveau\t\t\t", header, "A Métiers : - M\tC\t"+mes+"\tQualité")...), existing)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, c := range r.Changes {
		kinds = append(kinds, c.Path+" "+c.Kind.String())
	}
	if want := []string{"blocs/b1.toml update", "blocs/b2.toml create", "modalites.toml unchanged"}; !slices.Equal(kinds, want) {
		t.Errorf("changes = %q, want %q", kinds, want)
	}
	wantDiff := `--- a/blocs/b1.toml
+++ b/blocs/b1.toml
@@ -28,3 +28,6 @@
 label = "Concevoir des solutions"
 text = "Concevoir des solutions"
-criteria = ["Qualité du code"]
+criteria = [
+  "Qualité du code",
+  "Exploitabilité des tests",
+]
`
	if r.Changes[0].Diff != wantDiff {
		t.Errorf("diff:\n%s\nwant:\n%s", r.Changes[0].Diff, wantDiff)
	}
	if len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0].Msg, "Exploitabilité") {
		t.Errorf("warnings = %v", r.Warnings)
	}
}
