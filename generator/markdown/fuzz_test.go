package markdown

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzRender renders arbitrary markdown, seeded with the bundled pages:
// never a panic, and every link inside the page, at a line and column that
// exist.
func FuzzRender(f *testing.F) {
	pages, _ := filepath.Glob("../../content/*.md")
	for _, p := range pages {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src)
		}
	}
	for _, s := range []string{
		"Voir [les métiers](/metiers/) : c'est \"simple\" !\n\n![logo](img.png)\n",
		"| a | [b](/b/) |\n|---|---|\n| é | [d](/d/) |\n",
		"[f][ref]\n\n[ref]: /f/\n> [g](</g h/>)\n- [h](/h/ \"titre\")\n",
		"<b>x</b> `a ; b` [x](javascript:alert(1)) https://example.org\n",
		"# Modalités d'évaluation\n## Modalités d'évaluation\n",
	} {
		f.Add([]byte(s))
	}
	r := New(Options{BasePath: "/sub/"})
	f.Fuzz(func(t *testing.T, src []byte) {
		const first = 5
		out, err := r.Render(src, first)
		if err != nil {
			return
		}
		lines := bytes.Split(src, []byte("\n"))
		for _, l := range out.Links {
			i := l.Line - first
			if i < 0 || i >= len(lines) || l.Col < 1 || l.Col > len(lines[i])+1 {
				t.Fatalf("link %+v is outside the page (%d lines)", l, len(lines))
			}
		}
	})
}
