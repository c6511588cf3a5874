package rncp

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"cursus/generator/diag"
	"cursus/generator/msg"
)

// FuzzCompetences: whatever HTML a fiche holds, the compétences are
// trimmed, non-empty, single-line texts, and a numbered one has its number.
func FuzzCompetences(f *testing.F) {
	for _, s := range []string{
		"<p>Compétences du bloc :</p><ul><li>Appliquer</li><li>Administrer</li></ul>",
		"<p>- Installer</p><p>- Configurer l&#39;accès</p>",
		"Réparer<br>Entretenir<br />Nettoyer",
		"<p>C1.1 – Analyser</p><p>C4.2.1 – Concevoir</p><p>suite</p><p>C.2.3 – Évaluer</p>",
		"<p>Répondre en < 10 min<!-- x</p>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range Competences(s) {
			if c.Text == "" || c.Text != strings.TrimSpace(c.Text) || strings.ContainsAny(c.Text, "\n\r") {
				t.Fatalf("Competences(%q): bad text %q", s, c.Text)
			}
			if c.Number != "" && !strings.HasPrefix(c.Number, "C") {
				t.Fatalf("Competences(%q): bad number %q", s, c.Number)
			}
		}
		md := Markdown(s)
		if utf8.ValidString(s) && !utf8.ValidString(md) {
			t.Fatalf("Markdown(%q) is not UTF-8: %q", s, md)
		}
	})
}

// FuzzRead: a malformed export is an error with a line and a column, never
// a panic or a fiche with another number than asked.
func FuzzRead(f *testing.F) {
	seed, err := os.ReadFile("testdata/variants.xml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add(seed[:len(seed)/2])
	f.Add([]byte("<FICHES><FICHE><NUMERO_FICHE>RNCP10001</NUMERO_FICHE></FICHE></FICHES>"))
	f.Fuzz(func(t *testing.T, src []byte) {
		got, err := Read(msg.FR, "f.xml", bytes.NewReader(src), []string{"RNCP10001", "RNCP10002"})
		if err != nil {
			var list diag.List
			if !errors.As(err, &list) || list.Len() == 0 {
				t.Fatalf("error is not a diag.List: %v", err)
			}
			for _, e := range list {
				if e.Pos.File != "f.xml" || e.Pos.Line < 1 || e.Pos.Col < 1 {
					t.Fatalf("error without position: %v", e)
				}
			}
			return
		}
		for n, fi := range got {
			if n != fi.Numero || n != "RNCP10001" && n != "RNCP10002" {
				t.Fatalf("fiche %q under %q", fi.Numero, n)
			}
		}
	})
}
