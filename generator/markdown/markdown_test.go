package markdown

import (
	"fmt"
	"strings"
	"testing"
)

func TestRender(t *testing.T) {
	src := "## Modalités d'évaluation\n\nVoir [les métiers](/metiers/) : c'est \"simple\" !\n\n## Modalités d'évaluation\n\n<b>x</b> `a ; b`\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n![logo](img.png)\n"
	r, err := New(Options{BasePath: "/sub/"}).Render([]byte(src), 5)
	if err != nil {
		t.Fatal(err)
	}
	h := string(r.HTML)
	for _, want := range []string{
		`<h2 id="modalites-d-evaluation">Modalités d’évaluation</h2>`,
		`<h2 id="modalites-d-evaluation-1">`,
		`<a href="/sub/metiers/">les métiers</a>` + "\u00a0: c’est «\u00a0simple\u00a0»\u202f!",
		"<code>a ; b</code>",
		"<table>",
		"<!-- raw HTML omitted -->",
	} {
		if !strings.Contains(h, want) {
			t.Errorf("HTML lacks %q:\n%s", want, h)
		}
	}
	want := []Link{{Dest: "/metiers/", Line: 7, Col: 6}, {Dest: "img.png", Line: 17, Col: 1}}
	if fmt.Sprint(r.Links) != fmt.Sprint(want) {
		t.Errorf("links = %+v, want %+v", r.Links, want)
	}
	if len(r.Anchors) != 2 || r.TOC[0].Text != "Modalités d'évaluation" && r.TOC[0].Text != "Modalités d’évaluation" {
		t.Errorf("anchors = %v toc = %+v", r.Anchors, r.TOC)
	}
}

func TestUnsafe(t *testing.T) {
	r, _ := New(Options{Unsafe: true}).Render([]byte("<b>x</b>\n"), 1)
	if !strings.Contains(string(r.HTML), "<b>x</b>") {
		t.Errorf("raw HTML dropped with Unsafe: %s", r.HTML)
	}
}

func TestFrench(t *testing.T) {
	tests := map[string]string{
		"l'équipe ; ok : oui ? non !": "l’équipe\u202f; ok\u00a0: oui\u202f? non\u202f!",
		`dit "bonjour"`:               "dit «\u00a0bonjour\u00a0»",
		"commit ; qualité":            "commit\u202f; qualité",
		"rien":                        "rien",
	}
	for in, want := range tests {
		if got := French(in); got != want {
			t.Errorf("French(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLinkPositions: each link is at the line and byte column of its
// opening bracket, in lists, tables, quotes and after accented text.
func TestLinkPositions(t *testing.T) {
	src := "Été : [a](/a/) puis [b](/b/).\n\n- élément [c](/c/)\n\n| x | y |\n|---|---|\n| é | [d](/d/) |\n\n> cité ![e](e.png)\n\n[f][ref]\n\n[ref]: /f/\n"
	r, err := New(Options{}).Render([]byte(src), 10)
	if err != nil {
		t.Fatal(err)
	}
	want := []Link{
		{Dest: "/a/", Line: 10, Col: 9},
		{Dest: "/b/", Line: 10, Col: 23},
		{Dest: "/c/", Line: 12, Col: 13},
		{Dest: "/d/", Line: 16, Col: 8},
		{Dest: "e.png", Line: 18, Col: 9},
		{Dest: "/f/", Line: 20, Col: 1},
	}
	if fmt.Sprint(r.Links) != fmt.Sprint(want) {
		t.Errorf("links:\n%+v\nwant:\n%+v", r.Links, want)
	}
}

// BenchmarkFrench sets in French typography the texts of a référentiel,
// most of which need nothing.
func BenchmarkFrench(b *testing.B) {
	texts := []string{
		"Analyser, formaliser et synthétiser avec esprit critique les besoins clients en matière de développement logiciel",
		"Clarté et précision de la documentation des besoins et solutions",
		"Degré d'impact environnemental et sociétal",
		"Concevoir, développer, déployer et maintenir des solutions logicielles",
		"Les modalités : une « mise en situation » professionnelle !",
	}
	for b.Loop() {
		for _, s := range texts {
			French(s)
		}
	}
}
