package markdown

import (
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
	if len(r.Links) != 2 || r.Links[0].Dest != "/metiers/" || r.Links[0].Line != 7 || r.Links[1].Line != 17 {
		t.Errorf("links = %+v", r.Links)
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
