package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cursus/generator"
)

// TestNewBuildCheck makes a new site with the embedded files, builds and
// checks it through the command, and checks every link of what it
// published.
func TestNewBuildCheck(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	var out, errb bytes.Buffer
	if code := run([]string{"new", dir}, &out, &errb); code != 0 {
		t.Fatalf("new: exit %d: %s", code, errb.String())
	}
	if code := run([]string{"check", "-s", dir}, &out, &errb); code != 0 {
		t.Fatalf("check: exit %d: %s", code, errb.String())
	}
	if got := out.String(); !strings.Contains(got, "1 blocs, 2 compétences, 4 critères, 1 métiers") {
		t.Errorf("check says %q", got)
	}
	if code := run([]string{"build", "-s", dir}, &out, &errb); code != 0 {
		t.Fatalf("build: exit %d: %s", code, errb.String())
	}
	files := map[string][]byte{}
	public := os.DirFS(filepath.Join(dir, "public"))
	err := fs.WalkDir(public, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files[p], err = fs.ReadFile(public, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"index.html", "404.html", "blocs/b1/index.html", "competences/b1-c2/index.html", "metiers/developpeur-logiciel/index.html", "presentation/index.html"} {
		if files[want] == nil {
			t.Errorf("published site lacks %s", want)
		}
	}
	if broken := generator.CheckLinks(files, "/"); len(broken) > 0 {
		t.Errorf("%d broken links:\n%s", len(broken), strings.Join(broken, "\n"))
	}
}

// TestNewRefusesNonEmpty checks that new writes into an empty directory
// but never into one that holds something.
func TestNewRefusesNonEmpty(t *testing.T) {
	empty := t.TempDir()
	var out, errb bytes.Buffer
	if code := run([]string{"new", empty}, &out, &errb); code != 0 {
		t.Fatalf("new into an empty directory: exit %d: %s", code, errb.String())
	}
	full := t.TempDir()
	notes := filepath.Join(full, "notes.txt")
	os.WriteFile(notes, []byte("mes notes"), 0o644)
	errb.Reset()
	if code := run([]string{"new", full}, &out, &errb); code != 1 {
		t.Fatalf("new into a non-empty directory: exit %d, want 1", code)
	}
	if !strings.Contains(errb.String(), "existe et n'est pas vide") {
		t.Errorf("stderr = %q", errb.String())
	}
	if data, _ := os.ReadFile(notes); string(data) != "mes notes" {
		t.Errorf("notes.txt changed: %q", data)
	}
	if _, err := os.Stat(filepath.Join(full, "config.toml")); err == nil {
		t.Error("new wrote config.toml into a non-empty directory")
	}
	if code := run([]string{"new"}, &out, &errb); code != 2 {
		t.Errorf("new without DIR: exit %d, want 2", code)
	}
}
