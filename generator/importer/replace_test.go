package importer

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"cursus/generator/msg"
)

// edited is content people wrote over an import of small: a label and a
// key of their own, a criterion and a bloc the table no longer has, a
// modalité of their own.
var edited = fstest.MapFS{
	"blocs/b1.toml": {Data: []byte(`# Notre bloc 1.
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

[[competences]]
id = "B1.C1"
label = "Analyser"
text = "Ancien texte"
criteria = ["Pertinence de l'analyse", "Ancien critère"]

[[competences]]
id = "B1.C2"
label = "Concevoir des solutions"
text = "Concevoir des solutions"
criteria = ["Qualité du code"]
`)},
	"blocs/b2.toml": {Data: []byte(`id = "B2"
number = 2
title = "Bloc retiré"
label = "Retiré"
activities = ["A"]
modalites = ["mise-en-situation"]

[[competences]]
id = "B2.C1"
label = "C"
text = "C"
criteria = ["Q"]
`)},
	"modalites.toml": {Data: []byte(`[[modalites]]
id = "mise-en-situation"
name = "Mises en situation professionnelle"
detail = "projets, stages"

[[modalites]]
id = "oral"
name = "Oral"
detail = "devant un jury"
`)},
}

func reportText(r *Result, l msg.Lang) []string {
	var out []string
	for _, it := range r.Report {
		out = append(out, it.Text(l))
	}
	return out
}

// TestReport: a re-import says what it keeps, replaces, adds and what
// exists on disk only, line by line, in both languages.
func TestReport(t *testing.T) {
	r, err := Import("ref.txt", tsv(small...), edited)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"garde        bloc B1 (blocs/b1.toml)",
		"remplacement titre de B1 : « Ancien titre » → « Concevoir des logiciels »",
		"garde        label de B1 « Logiciel » ; le tableau donnerait « Concevoir des logiciels »",
		"ajout        métier de B1 « Développeur Full-Stack »",
		"remplacement texte de B1.C1 : « Ancien texte » → « Analyser les besoins clients »",
		"garde        label de B1.C1 « Analyser » ; le tableau donnerait « Analyser les besoins clients »",
		"garde        critères de B1.C1 : 1",
		"ajout        critère de B1.C1 « Clarté de la documentation »",
		"retrait      critère de B1.C1 « Ancien critère »",
		"garde        compétence B1.C2",
		"garde        critères de B1.C2 : 1",
		"disque seul  bloc B2 (blocs/b2.toml) : pas dans le tableau, laissé tel quel (--replace le retire)",
		"disque seul  modalité oral « Oral » : pas dans le tableau, gardée : supprimez-la si elle n'existe plus (--replace la retire)",
	}
	if got := reportText(r, msg.FR); !slices.Equal(got, want) {
		t.Errorf("report:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	en := reportText(r, msg.EN)
	for i, w := range map[int]string{
		1:  "replace      title of B1: “Ancien titre” → “Concevoir des logiciels”",
		2:  "keep         label of B1 “Logiciel”; the table would give “Concevoir des logiciels”",
		11: "disk only    bloc B2 (blocs/b2.toml): not in the table, left as it is (--replace removes it)",
		12: "disk only    modalité oral “Oral”: not in the table, kept: remove it if it is gone (--replace removes it)",
	} {
		if en[i] != w {
			t.Errorf("English line %d = %q, want %q", i, en[i], w)
		}
	}
	if r.Remove != nil {
		t.Errorf("without --replace, Remove = %q", r.Remove)
	}
}

// TestReplace: --replace makes the référentiel the table's: B1.C1 gets
// the label of its new text, the key written by hand goes, the bloc the
// table no longer has and the modalité of its own are removed; métier ids
// stay.
func TestReplace(t *testing.T) {
	r, err := ImportWith("ref.txt", tsv(small...), edited, Options{Replace: true})
	if err != nil {
		t.Fatal(err)
	}
	fresh := mustImport(t, tsv(small...))
	b1 := string(r.Files["blocs/b1.toml"])
	for _, s := range []string{`label = "Analyser les besoins clients"`, `label = "Concevoir des logiciels"`, "id = \"archi\"\n"} {
		if !strings.Contains(b1, s) {
			t.Errorf("blocs/b1.toml lacks %q:\n%s", s, b1)
		}
	}
	for _, s := range []string{`"Analyser"`, "weight", "Notre bloc", "Logiciel\""} {
		if strings.Contains(b1, s) {
			t.Errorf("blocs/b1.toml still has %q:\n%s", s, b1)
		}
	}
	if got, want := string(r.Files[ModalitesPath]), string(fresh.Files[ModalitesPath]); got != want {
		t.Errorf("modalites.toml:\n%s\nwant:\n%s", got, want)
	}
	if !slices.Equal(r.Remove, []string{"blocs/b2.toml"}) {
		t.Errorf("Remove = %q", r.Remove)
	}
	got := reportText(r, msg.FR)
	for _, w := range []string{
		"remplacement label de B1.C1 : « Analyser » → « Analyser les besoins clients »",
		"retrait      clé weight de B1, écrite à la main",
		"retrait      bloc B2 (blocs/b2.toml)",
		"retrait      modalité oral « Oral »",
	} {
		if !slices.Contains(got, w) {
			t.Errorf("report lacks %q:\n%s", w, strings.Join(got, "\n"))
		}
	}
	var kinds []string
	for _, c := range r.Changes {
		kinds = append(kinds, c.Path+" "+c.Kind.String())
	}
	if want := []string{"blocs/b1.toml update", "blocs/b2.toml remove", "modalites.toml update"}; !slices.Equal(kinds, want) {
		t.Errorf("changes = %q, want %q", kinds, want)
	}
}

// writeTree writes fsys under dir and returns it read back, with the
// other files a site has beside its référentiel.
func writeTree(t *testing.T, dir string, fsys fstest.MapFS) map[string]string {
	t.Helper()
	all := maps.Clone(fsys)
	all["index.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Accueil\"\n+++\n")}
	all["blocs/notes.txt"] = &fstest.MapFile{Data: []byte("not the importer's")}
	all["autre/blocs/b2.toml"] = &fstest.MapFile{Data: []byte("id = \"X\"\n")}
	for p, f := range all {
		target := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(target, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return readTree(t, dir)
}

func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, err := os.ReadFile(filepath.Join(dir, p))
			out[p] = string(data)
			return err
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestWriteReplace: Write removes the bloc file the table no longer has,
// and nothing else: pages, other files of blocs/, other directories stay.
func TestWriteReplace(t *testing.T) {
	dir := t.TempDir()
	before := writeTree(t, dir, edited)
	r, err := ImportWith("ref.txt", tsv(small...), os.DirFS(dir), Options{Replace: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, r); err != nil {
		t.Fatal(err)
	}
	after := readTree(t, dir)
	if _, ok := after["blocs/b2.toml"]; ok {
		t.Error("blocs/b2.toml is still there")
	}
	for _, p := range []string{"index.md", "blocs/notes.txt", "autre/blocs/b2.toml"} {
		if after[p] != before[p] {
			t.Errorf("%s changed", p)
		}
	}
	if after["blocs/b1.toml"] != string(r.Files["blocs/b1.toml"]) {
		t.Error("blocs/b1.toml is not the table's")
	}
	assertNoTemp(t, dir)
}

// TestReplaceAllOrNothing: when any step of a --replace fails, the
// directory is exactly as it was, whichever step it is.
func TestReplaceAllOrNothing(t *testing.T) {
	for fail := range 3 { // r writes b1 and modalites.toml, removes b2
		t.Run("rename "+string(rune('1'+fail)), func(t *testing.T) {
			dir := t.TempDir()
			before := writeTree(t, dir, edited)
			r, err := ImportWith("ref.txt", tsv(small...), os.DirFS(dir), Options{Replace: true})
			if err != nil {
				t.Fatal(err)
			}
			calls := 0
			s := swapper{rename: func(a, b string) error {
				calls++
				if calls == fail+1 {
					return errors.New("disk full")
				}
				return os.Rename(a, b)
			}}
			if err := s.write(dir, r); err == nil || !strings.Contains(err.Error(), "disk full") {
				t.Fatalf("error = %v", err)
			}
			if after := readTree(t, dir); !maps.Equal(before, after) {
				t.Errorf("the directory changed:\nbefore %q\nafter  %q", slices.Sorted(maps.Keys(before)), slices.Sorted(maps.Keys(after)))
			}
		})
	}
	t.Run("blocked target", func(t *testing.T) {
		dir := t.TempDir()
		before := writeTree(t, dir, edited)
		r, err := ImportWith("ref.txt", tsv(small...), os.DirFS(dir), Options{Replace: true})
		if err != nil {
			t.Fatal(err)
		}
		r.Files["blocs/b3.toml"] = r.Files["blocs/b1.toml"]
		if err := os.Mkdir(filepath.Join(dir, "blocs/b3.toml"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := Write(dir, r); err == nil {
			t.Fatal("no error")
		}
		after := readTree(t, dir)
		if !maps.Equal(before, after) {
			t.Error("the directory changed")
		}
	})
	t.Run("removal outside the importer's files", func(t *testing.T) {
		for _, p := range []string{"index.md", "blocs/notes.txt", "autre/blocs/b2.toml", "../blocs/b2.toml"} {
			dir := t.TempDir()
			before := writeTree(t, dir, edited)
			r := mustImport(t, tsv(small...))
			r.Remove = []string{p}
			if err := Write(dir, r); err == nil || !strings.Contains(err.Error(), "may remove") {
				t.Errorf("%s: error = %v", p, err)
			}
			if !maps.Equal(before, readTree(t, dir)) {
				t.Errorf("%s: the directory changed", p)
			}
		}
	})
}
