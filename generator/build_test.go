package generator

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func buildBundled(t testing.TB, opts Options) *Output {
	t.Helper()
	out, err := Build(os.DirFS(".."), opts)
	if err != nil {
		t.Fatalf("bundled site does not build:\n%v", err)
	}
	return out
}

func TestBundledSiteLinks(t *testing.T) {
	for _, minify := range []bool{false, true} {
		out := buildBundled(t, Options{Minify: minify})
		if broken := CheckLinks(out.Files, "/"); len(broken) > 0 {
			t.Errorf("minify=%v: %d broken links:\n%s", minify, len(broken), strings.Join(broken, "\n"))
		}
	}
}

// TestBundledPagesShowCriteria checks what a student needs without a click:
// every compétence page shows all its criteria, every métier page reaches
// each of its compétences and shows their criteria.
func TestBundledPagesShowCriteria(t *testing.T) {
	out := buildBundled(t, Options{})
	p := out.Project.Content
	if out.Pages != 1+1+len(p.Blocs)+1+len(p.Competences)+1+len(p.Metiers)+3+len(p.Pages)+1 {
		t.Errorf("pages = %d", out.Pages)
	}
	esc := func(s string) string {
		s = strings.ReplaceAll(s, "'", "’")
		return strings.NewReplacer(" ;", "\u202f;", " :", "\u00a0:").Replace(s)
	}
	for _, c := range p.Competences {
		page := string(out.Files["competences/"+c.Slug+"/index.html"])
		for _, cr := range c.Criteria {
			if !strings.Contains(page, "<li>"+esc(cr.Text)+"</li>") {
				t.Errorf("compétence page %s lacks criterion %q", c.ID, cr.Text)
			}
		}
		if !strings.Contains(page, `href="/blocs/`+c.Bloc.Slug+`/"`) {
			t.Errorf("compétence page %s does not link its bloc", c.ID)
		}
	}
	for _, m := range p.Metiers {
		page := string(out.Files["metiers/"+m.Slug+"/index.html"])
		for _, c := range m.Competences {
			if !strings.Contains(page, `href="/competences/`+c.Slug+`/"`) {
				t.Errorf("métier page %s does not link compétence %s", m.ID, c.ID)
			}
			for _, cr := range c.Criteria {
				if !strings.Contains(page, esc(cr.Text)) {
					t.Errorf("métier page %s lacks criterion %q of %s", m.ID, cr.Text, c.ID)
				}
			}
		}
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	a := buildBundled(t, Options{Minify: true})
	b := buildBundled(t, Options{Minify: true})
	if len(a.Files) != len(b.Files) {
		t.Fatalf("file counts differ: %d, %d", len(a.Files), len(b.Files))
	}
	for name, data := range a.Files {
		if !bytes.Equal(data, b.Files[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}
