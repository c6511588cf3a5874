package main

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestImportRefusesDevice: cursus import /dev/zero used to read until
// memory ran out; it is refused before reading, in French, with status 1.
func TestImportRefusesDevice(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	var out, errb bytes.Buffer
	code := run([]string{"import", "/dev/zero", "--dry-run"}, &out, &errb)
	want := "/dev/zero: c'est un périphérique, pas un fichier : donnez le chemin du tableau exporté en texte\n"
	if code != 1 || !strings.HasPrefix(errb.String(), want) {
		t.Errorf("exit %d, stderr %q; want 1 and %q", code, errb.String(), want)
	}
}

// imported imports the test table into a new site, and returns the site,
// its content directory and the table.
func imported(t *testing.T) (site, dir, table string) {
	t.Helper()
	site = t.TempDir()
	dir = filepath.Join(site, "content")
	table = "../../generator/importer/testdata/referentiel.txt"
	var out, errb bytes.Buffer
	if code := run([]string{"import", table, "-o", dir}, &out, &errb); code != 0 {
		t.Fatalf("first import: exit %d\n%s", code, errb.String())
	}
	return site, dir, table
}

// TestImportReplace: through the command, a re-import prints what it
// keeps and replaces in the site's language; --replace removes a bloc the
// table no longer has; an invalid table changes nothing, with --replace
// or not.
func TestImportReplace(t *testing.T) {
	site, dir, table := imported(t)
	var out, errb bytes.Buffer
	b9 := filepath.Join(dir, "blocs", "b9.toml")
	page := filepath.Join(dir, "index.md")
	for p, data := range map[string]string{
		b9:   "id = \"B9\"\nnumber = 9\ntitle = \"Ancien bloc\"\n",
		page: "+++\ntitle = \"Accueil\"\n+++\n",
	} {
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bad := filepath.Join(site, "bad.txt")
	if err := os.WriteFile(bad, []byte("pas un tableau\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	for _, args := range [][]string{{"import", bad, "-o", dir}, {"import", bad, "-o", dir, "--replace"}} {
		out.Reset()
		errb.Reset()
		if code := run(args, &out, &errb); code != 1 {
			t.Errorf("%q: exit %d, want 1", args, code)
		}
		if after := snapshot(t, dir); !maps.Equal(before, after) {
			t.Errorf("%q changed the content", args)
		}
	}

	out.Reset()
	if code := run([]string{"import", table, "-o", dir}, &out, &errb); code != 0 {
		t.Fatalf("re-import: exit %d\n%s", code, errb.String())
	}
	if want := "Ce que l'import garde, remplace, ajoute et retire :\n  garde        bloc B1 (blocs/b1.toml)\n"; !strings.HasPrefix(out.String(), want) {
		t.Errorf("report:\n%s\nwant it to start with:\n%s", out.String(), want)
	}
	if !strings.Contains(out.String(), "disque seul  bloc B9 (blocs/b9.toml)") {
		t.Errorf("report does not name the bloc on disk only:\n%s", out.String())
	}

	if err := os.WriteFile(filepath.Join(site, "config.toml"), []byte("title = \"T\"\nbaseURL = \"https://example.org/\"\nlanguageCode = \"en\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if code := run([]string{"import", table, "-o", dir, "--replace"}, &out, &errb); code != 0 {
		t.Fatalf("--replace: exit %d\n%s", code, errb.String())
	}
	for _, want := range []string{"What the import keeps, replaces, adds and removes:\n", "  remove       bloc B9 (blocs/b9.toml)\n", "remove    " + b9 + "\n"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if _, err := os.Stat(b9); err == nil {
		t.Error("--replace left blocs/b9.toml")
	}
	if _, err := os.Stat(page); err != nil {
		t.Errorf("--replace touched index.md: %v", err)
	}
}

// TestImportMessagesInSiteLanguage: the errors and warnings of reading a
// table are in the language of the config.toml above -o, French by
// default, English for languageCode = "en", at the same positions.
func TestImportMessagesInSiteLanguage(t *testing.T) {
	broken := "Bloc 1 : Concevoir\t\t\t\nA\tC\tOral\tQ\na\tb\nBloc 1 : Encore\t\t\t\n"
	noMetier := "Bloc 1 : Concevoir\t\t\t\n" +
		"Activités / Métiers\tCompétences\tModalités d'évaluation\tCritères d'évaluation\n" +
		"A\tC\tOral\tQualité\n"
	for _, tt := range []struct {
		code, count    string
		errors, warned []string
	}{
		{"fr", "cursus : 4 erreur(s)", []string{
			"ref.txt:2:1: bloc 1 : la ligne d'en-tête (Activités / Métiers, Compétences, Modalités d'évaluation, Critères d'évaluation) est attendue avant la première ligne",
			"ref.txt:3:1: la ligne a 2 colonnes séparées par des tabulations, 4 sont attendues (activités / métiers, compétence, modalités, critères)",
			"ref.txt:4:1: le bloc 1 apparaît deux fois (la première à la ligne 1)",
			"ref.txt:4:1: le bloc 1 n'a aucune compétence : des lignes sont attendues après sa ligne d'en-tête",
		}, []string{
			"avertissement : ref.txt:1:1: le bloc 1 ne nomme aucun métier (pas de liste « Métiers : » dans sa première colonne)",
		}},
		{"en", "cursus: 4 error(s)", []string{
			"ref.txt:2:1: bloc 1: expected the header row (Activités / Métiers, Compétences, Modalités d'évaluation, Critères d'évaluation) before the first row",
			"ref.txt:3:1: row has 2 tab-separated columns, want 4 (activités / métiers, compétence, modalités, critères)",
			"ref.txt:4:1: bloc 1 appears twice (first at line 1)",
			"ref.txt:4:1: bloc 1 has no compétences: expected rows after its header row",
		}, []string{
			`warning: ref.txt:1:1: bloc 1 names no métiers (no "Métiers :" list in its first column)`,
		}},
	} {
		t.Run(tt.code, func(t *testing.T) {
			site := t.TempDir()
			config := "title = \"T\"\nbaseURL = \"https://example.org/\"\nlanguageCode = \"" + tt.code + "\"\n"
			for name, data := range map[string]string{"config.toml": config, "ref.txt": broken, "ok.txt": noMetier} {
				if err := os.WriteFile(filepath.Join(site, name), []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			t.Chdir(site) // positions name the table as given: ref.txt
			var out, errb bytes.Buffer
			if code := run([]string{"import", "ref.txt", "-o", "content"}, &out, &errb); code != 1 {
				t.Fatalf("broken table: exit %d, want 1\n%s", code, errb.String())
			}
			// The count of errors after them is the command's, as for build.
			if got, want := errb.String(), strings.Join(tt.errors, "\n")+"\n"+tt.count+"\n"; got != want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, want)
			}
			errb.Reset()
			if code := run([]string{"import", "ok.txt", "-o", "content", "--dry-run"}, &out, &errb); code != 0 {
				t.Fatalf("table with a warning: exit %d\n%s", code, errb.String())
			}
			want := strings.ReplaceAll(strings.Join(tt.warned, "\n"), "ref.txt", "ok.txt") + "\n"
			if got := errb.String(); got != want {
				t.Errorf("warnings:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// TestImportSaysRemovalOnce: a compétence that existing content has and
// the table no longer does is said once, in the report, with where it is
// written; no warning repeats it.
func TestImportSaysRemovalOnce(t *testing.T) {
	_, dir, table := imported(t)
	var out, errb bytes.Buffer
	b1 := filepath.Join(dir, "blocs", "b1.toml")
	data, err := os.ReadFile(b1)
	if err != nil {
		t.Fatal(err)
	}
	extra := "\n[[competences]]\nid = \"B1.C9\"\ntext = \"Une compétence écrite à la main.\"\ncriteria = [\"Un critère\"]\n"
	if err := os.WriteFile(b1, append(data, extra...), 0o644); err != nil {
		t.Fatal(err)
	}
	line := strings.Count(string(data), "\n") + 3 // its id: after a blank line and [[competences]]
	out.Reset()
	errb.Reset()
	if code := run([]string{"import", table, "-o", dir, "--dry-run"}, &out, &errb); code != 0 {
		t.Fatalf("re-import: exit %d\n%s", code, errb.String())
	}
	want := "  retrait      compétence B1.C9 « Une compétence écrite à la main. » (" + filepath.Join(dir, "blocs", "b1.toml") + ":" + strconv.Itoa(line) + ":1)\n"
	if !strings.Contains(out.String(), want) {
		t.Errorf("report lacks %q:\n%s", want, out.String())
	}
	if strings.Contains(errb.String(), "B1.C9") {
		t.Errorf("a warning repeats the report: %s", errb.String())
	}
}
