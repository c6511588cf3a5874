package main

import (
	"bytes"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"cursus/generator/serve"
	"cursus/internal/sitefs"
	"cursus/internal/testsite"
)

func TestCheckBundled(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"check", "-s", "../.."}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if got := out.String(); !strings.HasPrefix(got, "8 blocs, 37 compétences, 105 critères, 36 métiers") {
		t.Errorf("summary = %q", got)
	}
}

func TestCheckReportsEveryErrorAndExits1(t *testing.T) {
	dir := t.TempDir()
	write := writer(t, dir)
	write("config.toml", "title = \"T\"\n")
	testsite.Copy(t, "../../themes", filepath.Join(dir, "themes"))
	write("content/modalites.toml", "[[modalites]]\nid = \"m\"\nname = \"M\"\n")
	write("content/blocs/b1.toml", "id = \"B1\"\nnumber = 1\ntitle = \"T\"\nmodalites = [\"x\"]\n[[competences]]\nid = \"B1.C1\"\ntext = \"x\"\ncriteria = []\n")
	write("content/p.md", "+++\ntitle = \"x\"\n")
	var out, errb bytes.Buffer
	code := run([]string{"check", "-s", dir}, &out, &errb)
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	for _, line := range []string{
		`content/blocs/b1.toml:4:14: modalité "x" inconnue : déclarez-la dans modalites.toml`,
		"content/p.md:1:1: en-tête : la ligne +++ qui le ferme manque",
	} {
		if !strings.Contains(errb.String(), line+"\n") {
			t.Errorf("stderr lacks %q:\n%s", line, errb.String())
		}
	}
}

// TestCheckStrict prints warnings and exits 0, or 1 with --strict.
func TestCheckStrict(t *testing.T) {
	dir := t.TempDir()
	write := writer(t, dir)
	write("config.toml", "title = \"T\"\nbaseURL = \"https://example.org/\"\n")
	write("content/certification.toml", "title = \"T\"\n")
	write("content/blocs/b1.toml", "id = \"B1\"\nnumber = 1\ntitle = \"T\"\nevaluation = \"Un oral.\"\n[[competences]]\nid = \"B1.C1\"\ntext = \"x\"\n")
	testsite.Copy(t, "../../themes", filepath.Join(dir, "themes"))
	const line = "content/blocs/b1.toml:6:1: avertissement : la compétence B1.C1 n'a pas de critères d'évaluation : sa page dira qu'ils ne sont pas publiés sur ce site\n"
	for _, tt := range []struct {
		args []string
		code int
	}{{[]string{"check", "-s", dir}, 0}, {[]string{"check", "--strict", "-s", dir}, 1}} {
		var out, errb bytes.Buffer
		if code := run(tt.args, &out, &errb); code != tt.code {
			t.Errorf("%v: exit %d, want %d\n%s", tt.args, code, tt.code, errb.String())
		}
		if !strings.HasPrefix(errb.String(), line) {
			t.Errorf("%v: stderr is\n%s\nwant it to start with\n%s", tt.args, errb.String(), line)
		}
	}
}

// writer returns a function writing a file under dir.
func writer(t *testing.T, dir string) func(name, data string) {
	return func(name, data string) {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestUsage(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"frobnicate"}, &out, &errb); code != 2 {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
	if code := run(nil, &out, &errb); code != 2 {
		t.Errorf("no command: exit %d, want 2", code)
	}
	errb.Reset()
	if code := run([]string{"build", "--baseURL", "example.org"}, &out, &errb); code != 2 || !strings.HasPrefix(errb.String(), `cursus build : --baseURL "example.org" doit être une URL absolue`) {
		t.Errorf("build --baseURL example.org: exit %d, %q", code, errb.String())
	}
	for _, cmd := range []string{"build", "check"} {
		errb.Reset()
		code := run([]string{cmd, "-s", ".", "public"}, &out, &errb)
		if want := `cursus ` + cmd + `: unexpected argument "public"`; code != 2 || !strings.Contains(errb.String(), want) {
			t.Errorf("%s with an argument: exit %d, %q, want 2 and %q", cmd, code, errb.String(), want)
		}
	}
}

func TestImportSeedIsANoOpOnBundledContent(t *testing.T) {
	dir := t.TempDir()
	testsite.Copy(t, "../../content", dir)
	var out, errb bytes.Buffer
	code := run([]string{"import", "../../generator/importer/testdata/referentiel.txt", "-o", dir, "--dry-run"}, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if strings.Contains(out.String(), "modifié ") || strings.Contains(out.String(), "créé ") || errb.Len() > 0 {
		t.Errorf("importing the seed over the bundled content should change nothing:\n%s\n%s", out.String(), errb.String())
	}
	if !strings.Contains(out.String(), "8 blocs, 37 compétences, 105 critères, 36 métiers") {
		t.Errorf("summary missing:\n%s", out.String())
	}
}

func TestImportIntoEmptyDirThenCheck(t *testing.T) {
	site := t.TempDir()
	var out, errb bytes.Buffer
	if code := run([]string{"import", "../../generator/importer/testdata/referentiel.txt", "-o", filepath.Join(site, "content")}, &out, &errb); code != 0 {
		t.Fatalf("import exit %d: %s", code, errb.String())
	}
	out.Reset()
	if code := run([]string{"check", "-s", site}, &out, &errb); code != 1 || !strings.HasPrefix(errb.String(), noConfig+"\n") {
		t.Fatalf("check without config.toml: exit %d, %s", code, errb.String())
	}
	errb.Reset()
	os.WriteFile(filepath.Join(site, "config.toml"), []byte("title = \"Mon référentiel\"\n"), 0o644)
	if code := run([]string{"check", "-s", site}, &out, &errb); code != 1 || !strings.Contains(errb.String(), `config.toml: theme "default" : pas de dossier themes/default`) {
		t.Fatalf("check without a theme: exit %d, %s", code, errb.String())
	}
	errb.Reset()
	testsite.Copy(t, "../../themes", filepath.Join(site, "themes"))
	if code := run([]string{"check", "-s", site}, &out, &errb); code != 0 {
		t.Fatalf("check of imported content: exit %d: %s", code, errb.String())
	}
	if !strings.HasPrefix(out.String(), "8 blocs, 37 compétences, 105 critères, 36 métiers") {
		t.Errorf("summary = %q", out.String())
	}
}

func TestImportNotATable(t *testing.T) {
	f := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(f, []byte("Bonjour,\nceci n'est pas un référentiel.\n"), 0o644)
	dir := filepath.Join(t.TempDir(), "content")
	var out, errb bytes.Buffer
	if code := run([]string{"import", f, "-o", dir}, &out, &errb); code != 1 {
		t.Fatalf("exit %d, want 1; stderr %s", code, errb.String())
	}
	if !strings.HasPrefix(errb.String(), f+":1:") {
		t.Errorf("error should name the file and line: %q", errb.String())
	}
	if _, err := os.Stat(dir); err == nil {
		t.Error("a failed import wrote the content directory")
	}
}

// TestBuildMinifySwitch: minified by default, off when config.toml says so,
// and the flag wins over the config.
func TestBuildMinifySwitch(t *testing.T) {
	site := testsite.Bundled(t, "../..")
	dest := filepath.Join(t.TempDir(), "out")
	minified := func(args ...string) bool {
		t.Helper()
		var out, errb bytes.Buffer
		if code := run(append([]string{"build", "-s", site, "-d", dest}, args...), &out, &errb); code != 0 {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		page, err := os.ReadFile(filepath.Join(dest, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		return !strings.Contains(string(page), "\n<meta charset")
	}
	if !minified() {
		t.Error("build is not minified by default")
	}
	cfg := filepath.Join(site, "config.toml")
	data, _ := os.ReadFile(cfg)
	os.WriteFile(cfg, append(data, "\n[minify]\ndisable = true\n"...), 0o644)
	if minified() {
		t.Error("[minify] disable = true in config.toml is ignored")
	}
	if !minified("--minify=true") {
		t.Error("--minify=true does not override the config")
	}
}

// TestBuildNeverPublishesOverSources: publishing removes what the site does
// not produce, so a destination that is, holds or lies inside what the site
// is read from is refused before anything is written, even when it looks
// like an output (an index.html in content/), and whether it comes from -d
// or from publishDir.
func TestBuildNeverPublishesOverSources(t *testing.T) {
	site := testsite.Bundled(t, "../..")
	os.WriteFile(filepath.Join(site, "content", "index.html"), nil, 0o644)
	before := snapshot(t, site)
	for _, dest := range []string{site, filepath.Dir(site), filepath.Join(site, "."),
		filepath.Join(site, "content"), filepath.Join(site, "content", "blocs"), filepath.Join(site, "themes", "default"),
		filepath.Join(site, "themes"), filepath.Join(site, "config.toml")} {
		var out, errb bytes.Buffer
		code := run([]string{"build", "-s", site, "-d", dest}, &out, &errb)
		if code != 1 || !strings.Contains(errb.String(), "refusing to publish into") {
			t.Errorf("-d %s: exit %d, %q", dest, code, errb.String())
		}
	}
	cfg := filepath.Join(site, "config.toml")
	data, _ := os.ReadFile(cfg)
	os.WriteFile(cfg, regexp.MustCompile(`(?m)^publishDir = .*$`).ReplaceAll(data, []byte(`publishDir = "content"`)), 0o644)
	var out, errb bytes.Buffer
	if code := run([]string{"build", "-s", site}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "refusing to publish into") {
		t.Errorf("publishDir = content: exit %d, %q", code, errb.String())
	}
	os.WriteFile(cfg, data, 0o644)
	// Any refused destination is the same kind of error: a file here.
	file := filepath.Join(t.TempDir(), "f")
	os.WriteFile(file, nil, 0o644)
	out.Reset()
	errb.Reset()
	if code := run([]string{"build", "-s", site, "-d", file}, &out, &errb); code != 1 || !strings.HasPrefix(errb.String(), "cursus: write: "+file+" ") {
		t.Errorf("-d FILE: exit %d, %q", code, errb.String())
	}
	if after := snapshot(t, site); !maps.Equal(before, after) {
		t.Fatalf("sources touched")
	}
	out.Reset()
	errb.Reset()
	if code := run([]string{"build", "-s", site}, &out, &errb); code != 0 {
		t.Errorf("default destination inside the site: exit %d, %s", code, errb.String())
	}
}

// snapshot maps every file under dir to its content.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(p)
			files[p] = string(data)
		}
		return nil
	})
	return files
}

func TestBuildOutsideASite(t *testing.T) {
	dir := t.TempDir()
	var out, errb bytes.Buffer
	code := run([]string{"build", "-s", dir}, &out, &errb)
	if code != 1 || !strings.HasPrefix(errb.String(), noConfig+"\n") {
		t.Errorf("exit %d, %q", code, errb.String())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("wrote %v into a folder that is not a site", entries)
	}
	os.WriteFile(filepath.Join(dir, "config.toml"), []byte("title = \"T\"\n"), 0o644)
	testsite.Copy(t, "../../themes", filepath.Join(dir, "themes"))
	errb.Reset()
	code = run([]string{"build", "-s", dir}, &out, &errb)
	if code != 1 || !strings.Contains(errb.String(), "content: pas de dossier de contenu ici") {
		t.Errorf("with a config.toml: exit %d, %q", code, errb.String())
	}
}

const noConfig = "config.toml: pas de config.toml ici : lancez cursus dans le dossier du site ou donnez ce dossier avec -s (cursus new DOSSIER commence un site)"

// TestNoConfig: a site without config.toml would publish its addresses on
// localhost, so build and check refuse it, as they refuse an empty one;
// serve previews it with the defaults.
func TestNoConfig(t *testing.T) {
	site := testsite.Bundled(t, "../..")
	os.Remove(filepath.Join(site, "config.toml"))
	for _, args := range [][]string{
		{"build", "-s", site, "-d", filepath.Join(t.TempDir(), "out")},
		{"check", "-s", site},
	} {
		var out, errb bytes.Buffer
		code := run(args, &out, &errb)
		if want := noConfig + "\ncursus : 1 erreur(s)\n"; code != 1 || errb.String() != want {
			t.Errorf("%s: exit %d, stderr %q, want 1 and %q", args[0], code, errb.String(), want)
		}
	}
	root, err := sitefs.Open(site)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	site2, err := buildFor(false)(root, serve.BuildOptions{BaseURL: "http://127.0.0.1:1313/"})
	if err != nil {
		t.Fatalf("serve's build without config.toml: %v", err)
	}
	if !strings.Contains(string(site2.Files["index.html"]), "Référentiel de compétences") {
		t.Error("serve's build without config.toml does not use the default title")
	}
}

// TestHelp: --help and -h print the command's usage on stdout and exit 0,
// as cursus help does; each default is said once.
func TestHelp(t *testing.T) {
	for _, cmd := range []string{"build", "serve", "check", "import"} {
		for _, flag := range []string{"--help", "-h"} {
			var out, errb bytes.Buffer
			if code := run([]string{cmd, flag}, &out, &errb); code != 0 || errb.Len() > 0 {
				t.Errorf("%s %s: exit %d, stderr %q, want 0 and nothing", cmd, flag, code, errb.String())
			}
			if want := "usage: cursus " + cmd + " "; !strings.HasPrefix(out.String(), want) {
				t.Errorf("%s %s: stdout %q, want it to start with %q", cmd, flag, out.String(), want)
			}
			for _, line := range strings.Split(out.String(), "\n") {
				if strings.Count(line, "(default") > 1 {
					t.Errorf("%s %s: default said twice: %q", cmd, flag, line)
				}
			}
		}
	}
	var out, errb bytes.Buffer
	if code := run([]string{"help"}, &out, &errb); code != 0 || !strings.Contains(out.String(), "FILE [-o DIR] [--dry-run]") {
		t.Errorf("help: exit %d, usage lacks import --dry-run:\n%s", code, out.String())
	}
	errb.Reset()
	if code := run([]string{"build", "--frobnicate"}, &out, &errb); code != 2 || !strings.Contains(errb.String(), "usage: cursus build ") {
		t.Errorf("unknown flag: exit %d, stderr %q, want 2 and the usage", code, errb.String())
	}
}
