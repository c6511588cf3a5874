package generator

import (
	"bytes"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"cursus/generator/diag"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGoldenSite builds testdata/site, a small site with its own minimal
// theme, and compares every output file with testdata/golden. Run
// go test ./generator -run TestGolden -update after a reviewed change.
func TestGoldenSite(t *testing.T) {
	out, err := Build(os.DirFS("testdata/site"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	compareGolden(t, out, "testdata/golden")
	if broken := CheckLinks(out.Files, "/sub/"); len(broken) > 0 {
		t.Errorf("broken links in golden site:\n%s", strings.Join(broken, "\n"))
	}
}

// TestGoldenDefaultTheme builds the bundled content with the default theme,
// as cursus serve shows it (not minified), and compares every output file
// with testdata/golden-default: a change to the theme or to what pages
// show comes with its reviewed diff.
func TestGoldenDefaultTheme(t *testing.T) {
	site := bundledFS(t, func(p string) bool {
		return p == "config.toml" || strings.HasPrefix(p, "content/") || strings.HasPrefix(p, "themes/default/")
	})
	out, err := Build(site, Options{})
	if err != nil {
		t.Fatal(err)
	}
	compareGolden(t, out, "testdata/golden-default")
}

// TestGoldenCertifications builds testdata/certs, a site of three
// certifications sharing métiers and modalités, with the default theme, and
// compares every output file with testdata/golden-certs.
func TestGoldenCertifications(t *testing.T) {
	out, err := Build(certsSite(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	compareGolden(t, out, "testdata/golden-certs")
	// A modalité without detail (bachelor-cyber's "dossier") is written
	// without empty parentheses.
	for name, b := range out.Files {
		if strings.HasSuffix(name, ".html") && (bytes.Contains(b, []byte("()")) || bytes.Contains(b, []byte("(</span>"))) {
			t.Errorf("%s: empty parentheses", name)
		}
	}
	want := []string{
		"content/certifications/tp-ais/blocs/b1.toml:15:1: avertissement : la compétence B1.C1 n'a pas de critères d'évaluation : sa page dira qu'ils ne sont pas publiés sur ce site",
		"content/certifications/tp-ais/blocs/b1.toml:20:1: avertissement : la compétence B1.C2 n'a pas de critères d'évaluation : sa page dira qu'ils ne sont pas publiés sur ce site",
		"content/certifications/tp-ais/blocs/b3.toml:18:1: avertissement : la compétence B3.C1 n'a pas de critères d'évaluation : sa page dira qu'ils ne sont pas publiés sur ce site",
		"content/certifications/tp-ais/certification.toml:9:1: avertissement : la certification n'est plus enregistrée au RNCP depuis le 01/09/2026 (date_fin)",
		`content/metiers/technicien-support.md:1:1: avertissement : aucun bloc ne mène au métier "technicien-support"`,
	}
	if got := out.Warnings.Lines(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// certsSite is testdata/certs with the default theme.
func certsSite(t testing.TB) fstest.MapFS {
	t.Helper()
	site := bundledFS(t, func(p string) bool { return strings.HasPrefix(p, "themes/default/") })
	err := fs.WalkDir(os.DirFS("testdata/certs"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join("testdata/certs", filepath.FromSlash(p)))
		site[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return site
}

// compareGolden compares the files of a build with those under dir, or
// rewrites dir with -update.
func compareGolden(t *testing.T, out *Output, golden string) {
	t.Helper()
	if *update {
		os.RemoveAll(golden)
		if err := Write(out, golden); err != nil {
			t.Fatal(err)
		}
		return
	}
	var want []string
	filepath.WalkDir(golden, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(golden, p)
			want = append(want, filepath.ToSlash(rel))
		}
		return nil
	})
	var got []string
	for name := range out.Files {
		got = append(got, name)
	}
	sort.Strings(got)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("files:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, name := range got {
		data, _ := os.ReadFile(filepath.Join(golden, filepath.FromSlash(name)))
		if !bytes.Equal(out.Files[name], data) {
			t.Errorf("%s differs from the golden file %s/%s", name, golden, name)
		}
	}
}

// miniSite returns testdata/site as a MapFS with some files replaced.
func miniSite(t *testing.T, replace map[string]string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	root := os.DirFS("testdata/site")
	fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := fs.ReadFile(root, p)
			fsys[p] = &fstest.MapFile{Data: data}
		}
		return nil
	})
	for name, data := range replace {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

func TestBuildErrors(t *testing.T) {
	tests := []struct {
		name    string
		replace map[string]string
		opts    Options
		want    []string
	}{
		{"broken markdown links",
			map[string]string{"content/evaluation.md": "+++\ntitle = \"É\"\n+++\nLigne.\n\n[x](/nulle-part/) et [y](/blocs/b1/#absent)\n"},
			Options{},
			[]string{
				`content/evaluation.md:6:1: lien cassé "/nulle-part/" : aucune page à /nulle-part/`,
				`content/evaluation.md:6:22: lien cassé "/blocs/b1/#absent" : la page /blocs/b1/ n’a pas d’ancre #absent`,
			}},
		{"template execution error chained to the content file",
			map[string]string{"themes/mini/layouts/competence.html": "{{define \"main\"}}\n<h1>{{.Competence.Nope}}</h1>{{end}}\n"},
			Options{Minify: true},
			[]string{
				`content/blocs/b1.toml:11:1: themes/mini/layouts/competence.html:2:17: executing "main" at <.Competence.Nope>: can't evaluate field Nope in type *generator.Competence`,
				`content/blocs/b1.toml:17:1: themes/mini/layouts/competence.html:2:17: executing "main" at <.Competence.Nope>: can't evaluate field Nope in type *generator.Competence`,
				`content/blocs/b2.toml:13:1: themes/mini/layouts/competence.html:2:17: executing "main" at <.Competence.Nope>: can't evaluate field Nope in type *generator.Competence`,
			}},
		{"template syntax error",
			map[string]string{"themes/mini/layouts/bloc.html": "{{define \"main\"}}\n{{if}}\n{{end}}\n"},
			Options{Minify: true},
			[]string{`themes/mini/layouts/bloc.html:2:1: missing value for if`}},
		{"an overriding template's error names the site's file",
			map[string]string{"layouts/bloc.html": "{{define \"main\"}}\n{{if}}\n{{end}}\n"},
			Options{Minify: true},
			[]string{`layouts/bloc.html:2:1: missing value for if`}},
		{"content errors come before theme errors, though both load at once",
			map[string]string{
				"content/blocs/b2.toml":         "id = \"B2\"\nnumber = = 2\n",
				"themes/mini/layouts/bloc.html": "{{define \"main\"}}\n{{if}}\n{{end}}\n",
			},
			Options{Minify: true},
			[]string{`content/blocs/b2.toml:2:10: toml : expected value but found '=' instead (clé "number")`}},
		{"missing layout",
			map[string]string{"content/x.md": "+++\ntitle = \"X\"\nlayout = \"nulle\"\n+++\n"},
			Options{},
			[]string{`content/x.md:1:1: theme themes/mini has no layout "nulle" (add themes/mini/layouts/nulle.html)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Build(miniSite(t, tt.replace), tt.opts)
			var list diag.List
			if !errors.As(err, &list) {
				t.Fatalf("error %v (%T), want a diag.List", err, err)
			}
			if got, want := strings.Join(list.Lines(), "\n"), strings.Join(tt.want, "\n"); got != want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// TestFailedBuildKeepsPreviousOutput publishes a site, then builds a broken
// one into the same place: the old site must be there, whole, untouched.
func TestFailedBuildKeepsPreviousOutput(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := BuildTo(miniSite(t, nil), Options{}, dest); err != nil {
		t.Fatal(err)
	}
	before := tree(t, dest)
	broken := miniSite(t, map[string]string{"content/blocs/b2.toml": "id = \"B2\"\nnumber = = 2\n"})
	if _, err := BuildTo(broken, Options{}, dest); err == nil {
		t.Fatal("broken site built")
	}
	badTheme := miniSite(t, map[string]string{"themes/mini/layouts/metier.html": "{{define \"main\"}}{{.Metier.Nope}}{{end}}"})
	if _, err := BuildTo(badTheme, Options{}, dest); err == nil {
		t.Fatal("site with a failing template built")
	}
	if len(before) == 0 {
		t.Fatal("nothing published")
	}
	diffTrees(t, tree(t, dest), before)
	assertNothingBeside(t, dest)
}

func TestOutputPathsNeverLeaveDestination(t *testing.T) {
	for _, name := range []string{"../x.html", "/etc/passwd", "a/../../b", "a//b", "", "a/./b", `a\..\b`} {
		if safePath(name) {
			t.Errorf("safePath(%q) = true", name)
		}
		err := Write(&Output{Files: map[string][]byte{name: []byte("x")}}, filepath.Join(t.TempDir(), "out"))
		if err == nil {
			t.Errorf("Write accepted %q", name)
		}
	}
	// A slug that tries to climb out is folded into a safe segment by the loader.
	out, err := Build(miniSite(t, map[string]string{"content/evil.md": "+++\ntitle = \"E\"\nslug = \"../../etc/x\"\n+++\n"}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := out.Files["etc/x/index.html"]; !ok {
		t.Errorf("slug ../../etc/x should publish at etc/x/index.html")
	}
}

// TestFailedFirstBuildLeavesNothing: a first build that fails while pages
// render, after its directories were made ahead, leaves no trace.
func TestFailedFirstBuildLeavesNothing(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	badTheme := miniSite(t, map[string]string{"themes/mini/layouts/metier.html": "{{define \"main\"}}{{.Metier.Nope}}{{end}}"})
	if _, err := BuildTo(badTheme, Options{}, dest); err == nil {
		t.Fatal("site with a failing template built")
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Errorf("left after a failed first build: %v", entries)
	}
	if _, err := BuildTo(miniSite(t, nil), Options{}, dest); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dest, "metiers")); err != nil {
		t.Errorf("first build: %v", err)
	}
}
