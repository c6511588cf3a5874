package main

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
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

// TestImportReplace: through the command, a re-import prints what it
// keeps and replaces in the site's language; --replace removes a bloc the
// table no longer has; an invalid table changes nothing, with --replace
// or not.
func TestImportReplace(t *testing.T) {
	site := t.TempDir()
	dir := filepath.Join(site, "content")
	table := "../../generator/importer/testdata/referentiel.txt"
	var out, errb bytes.Buffer
	if code := run([]string{"import", table, "-o", dir}, &out, &errb); code != 0 {
		t.Fatalf("first import: exit %d\n%s", code, errb.String())
	}
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
