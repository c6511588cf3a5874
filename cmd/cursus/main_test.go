package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
	write := func(name, data string) {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/modalites.toml", "[[modalites]]\nid = \"m\"\nname = \"M\"\n")
	write("content/blocs/b1.toml", "id = \"B1\"\nnumber = 1\ntitle = \"T\"\nmodalites = [\"m\"]\n[[competences]]\nid = \"B1.C1\"\ntext = \"x\"\ncriteria = []\n")
	write("content/p.md", "+++\ntitle = \"x\"\n")
	var out, errb bytes.Buffer
	code := run([]string{"check", "-s", dir}, &out, &errb)
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	for _, line := range []string{
		"content/blocs/b1.toml:5:1: compétence B1.C1 has no criteria",
		"content/p.md:1:1: front matter: no closing +++ line",
	} {
		if !strings.Contains(errb.String(), line+"\n") {
			t.Errorf("stderr lacks %q:\n%s", line, errb.String())
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
}
