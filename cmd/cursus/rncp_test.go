package main

import (
	"bytes"
	"cursus/internal/testsite"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const sharedFiche = "../../generator/rncp/testdata/variants.xml"

// realFiche is the shared fiche of the issue (open data, Licence Ouverte).
const realFiche = "../../generator/rncp/testdata/export-RNCP37680.xml"

// Import into an empty site, check against the export, edit one
// compétence's wording by hand: check fails at its line.
func TestImportThenCheckAgainst(t *testing.T) {
	export, numero := realFiche, "RNCP37680"
	site := t.TempDir()
	content := filepath.Join(site, "content")
	var out, errOut bytes.Buffer
	if code := run([]string{"import", export, "-o", content, "--fiche", numero}, &out, &errOut); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out.String(), errOut.String())
	}
	out.Reset()
	errOut.Reset()
	if code := run([]string{"check", "-s", site, "--against", export}, &out, &errOut); code != 0 {
		t.Fatalf("check --against: exit %d\n%s", code, errOut.String())
	}
	b1 := filepath.Join(content, "blocs", "b1.toml")
	data, err := os.ReadFile(b1)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	n := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "text = ") {
			n = i
			lines[i] = `text = "Reformulé à la main"`
			break
		}
	}
	os.WriteFile(b1, []byte(strings.Join(lines, "\n")), 0o644)
	errOut.Reset()
	if code := run([]string{"check", "-s", site, "--against", export}, &out, &errOut); code != 1 {
		t.Fatalf("check --against after an edit: exit %d, want 1\n%s", code, errOut.String())
	}
	want := filepath.Join("content", "blocs", "b1.toml") + ":" + strconv.Itoa(n+1) + ":1: la compétence B1.C1 est formulée autrement que dans la fiche"
	if !strings.Contains(errOut.String(), want) {
		t.Errorf("stderr\n%s\nlacks %s", errOut.String(), want)
	}
}

func TestImportFicheErrors(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	importFails(t, dir, []importCase{
		{[]string{"import", sharedFiche, "-o", dir, "--fiche", "RNCP404"}, 1,
			sharedFiche + ": la fiche RNCP404 n'est pas dans l'export\n"},
		{[]string{"import", sharedFiche, "-o", dir, "--fiche", "RNCP10003"}, 1,
			sharedFiche + `:40:1: la fiche RNCP10003 n'est pas active (ACTIF : "INACTIVE") : elle n'est pas importée` + "\n"},
		{[]string{"import", sharedFiche, "-o", dir}, 2, "cursus import: un export RNCP demande au moins une --fiche RNCP…\n"},
	})
}

// TestImportFicheErrorsInEnglish: a site whose languageCode is English
// reads the errors of a fiche import in English, at the same positions.
func TestImportFicheErrorsInEnglish(t *testing.T) {
	site := t.TempDir()
	if err := os.WriteFile(filepath.Join(site, "config.toml"), []byte("title = \"T\"\nbaseURL = \"https://example.org/\"\nlanguageCode = \"en\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(site, "content")
	importFails(t, dir, []importCase{
		{[]string{"import", sharedFiche, "-o", dir, "--fiche", "RNCP404"}, 1,
			sharedFiche + ": the fiche RNCP404 is not in the export\n"},
		{[]string{"import", sharedFiche, "-o", dir, "--fiche", "RNCP10003"}, 1,
			sharedFiche + `:40:1: the fiche RNCP10003 is not active (ACTIF: "INACTIVE"): it is not imported` + "\n"},
		{[]string{"import", sharedFiche, "-o", dir}, 2, "cursus import: an RNCP export needs at least one --fiche RNCP…\n"},
		{[]string{"import", sharedFiche, "-o", dir, "--replace", "--fiche", "RNCP10002"}, 2, "cursus import: --replace is for a référentiel table, not for an RNCP export\n"},
	})
}

// importCase is a cursus import that fails: its exit status and the start
// of its stderr.
type importCase struct {
	args []string
	code int
	want string
}

// importFails runs each case and checks that it failed as said, writing
// nothing into dir.
func importFails(t *testing.T, dir string, cases []importCase) {
	t.Helper()
	for _, c := range cases {
		var out, errOut bytes.Buffer
		code := run(c.args, &out, &errOut)
		if code != c.code || !strings.HasPrefix(errOut.String(), c.want) {
			t.Errorf("%v: exit %d, stderr\n%s\nwant exit %d and\n%s", c.args, code, errOut.String(), c.code, c.want)
		}
		if _, err := os.Stat(dir); err == nil {
			t.Errorf("%v: %s written", c.args, dir)
		}
	}
}

// TestImportedSitesBuild: the shared fiche imported into an empty site and
// into the bundled site, beside the seed référentiel, gives sites that
// build with no error (warnings only: the fiche has no critères and has
// ended) and agree with the fiche.
func TestImportedSitesBuild(t *testing.T) {
	empty := t.TempDir()
	os.WriteFile(filepath.Join(empty, "config.toml"), []byte("title = \"Titres professionnels\"\nbaseURL = \"https://example.org/\"\n"), 0o644)
	testsite.Copy(t, "../../themes", filepath.Join(empty, "themes"))
	for name, site := range map[string]string{"empty": empty, "bundled": testsite.Bundled(t, "../..")} {
		t.Run(name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if code := run([]string{"import", realFiche, "-o", filepath.Join(site, "content"), "--fiche", "RNCP37680"}, &out, &errOut); code != 0 {
				t.Fatalf("import: exit %d\n%s%s", code, out.String(), errOut.String())
			}
			for _, args := range [][]string{
				{"build", "-s", site, "-d", filepath.Join(t.TempDir(), "public")},
				{"check", "-s", site},
				{"check", "-s", site, "--against", realFiche},
			} {
				out.Reset()
				errOut.Reset()
				if code := run(args, &out, &errOut); code != 0 {
					t.Errorf("%s: exit %d\n%s", strings.Join(args[:1], " "), code, errOut.String())
				}
			}
		})
	}
}
