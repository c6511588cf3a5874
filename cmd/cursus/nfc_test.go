package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/unicode/norm"

	"cursus/internal/testsite"
)

// TestDecomposedSourcesBuildTheSameSite: macOS tools save é as e and a
// combining accent (NFD), in names and text. The bundled site with its
// content, config.toml and a page's name decomposed builds the same files,
// byte for byte, as the site as typed: every page in normal form C, no
// second métier, no de-veloppeur.
func TestDecomposedSourcesBuildTheSameSite(t *testing.T) {
	page := "+++\ntitle = \"Équipe pédagogique\"\n+++\n\nL’équipe présente [les métiers](/metiers/).\n"
	typed := testsite.Bundled(t, "../..")
	os.WriteFile(filepath.Join(typed, "content", "équipe.md"), []byte(page), 0o644)
	saved := testsite.Bundled(t, "../..")
	os.WriteFile(filepath.Join(saved, "content", norm.NFD.String("équipe.md")), []byte(page), 0o644)
	decompose := func(p string) error {
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(p, norm.NFD.Bytes(data), 0o644)
	}
	err := filepath.WalkDir(filepath.Join(saved, "content"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		return decompose(p)
	})
	if err == nil {
		err = decompose(filepath.Join(saved, "config.toml"))
	}
	if err != nil {
		t.Fatal(err)
	}
	build := func(site string) map[string][]byte {
		t.Helper()
		dest := filepath.Join(t.TempDir(), "public")
		var out, errb bytes.Buffer
		if code := run([]string{"build", "-s", site, "-d", dest}, &out, &errb); code != 0 {
			t.Fatalf("build %s: exit %d: %s", site, code, errb.String())
		}
		files := map[string][]byte{}
		filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				rel, _ := filepath.Rel(dest, p)
				files[rel], _ = os.ReadFile(p)
			}
			return nil
		})
		return files
	}
	want, got := build(typed), build(saved)
	if _, ok := want[filepath.Join("equipe", "index.html")]; !ok {
		t.Fatal("the page équipe.md is not published at equipe/")
	}
	for name, data := range got {
		if !norm.NFC.IsNormal(data) {
			t.Errorf("%s is not in normal form C", name)
		}
		if !bytes.Equal(data, want[name]) {
			t.Errorf("%s differs from the site as typed", name)
		}
	}
	for name := range want {
		if _, ok := got[name]; !ok {
			t.Errorf("%s is missing from the site saved decomposed", name)
		}
	}
}
