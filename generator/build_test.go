package generator

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"

	"cursus/generator/markdown"
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
	if out.Pages != 1+1+len(p.Blocs)+1+len(p.Competences)+1+len(p.Metiers)+3+len(p.Pages)+1+1+1 { // +1: the booklet, +1: données ouvertes
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
	// A métier page links the pages of its blocs and compétences, which
	// carry the critères, rather than repeating them: on a site of many
	// certifications, a métier is shared by many blocs.
	for _, m := range p.Metiers {
		page := string(out.Files["metiers/"+m.Slug+"/index.html"])
		for _, b := range m.Blocs {
			if !strings.Contains(page, `href="/blocs/`+b.Slug+`/"`) {
				t.Errorf("métier page %s does not link bloc %s", m.ID, b.ID)
			}
		}
		for _, c := range m.Competences {
			if !strings.Contains(page, `href="/competences/`+c.Slug+`/"`) {
				t.Errorf("métier page %s does not link compétence %s", m.ID, c.ID)
			}
			for _, cr := range c.Criteria {
				if strings.Contains(page, "<li>"+esc(cr.Text)+"</li>") {
					t.Errorf("métier page %s repeats criterion %q of %s", m.ID, cr.Text, c.ID)
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

// TestViewPreparedForDisplay: before pages render, every entity of the
// view knows its URL under the base path and its texts carry French
// typography, unless the config keeps straight quotes; and the build leaves
// the content model as it was loaded.
func TestViewPreparedForDisplay(t *testing.T) {
	for _, keep := range []bool{false, true} {
		config := "title = \"Mini\"\nbaseURL = \"https://mini.example/sub/\"\ntheme = \"mini\"\n"
		if keep {
			config += "[markup]\nkeepStraightQuotes = true\n"
		}
		site := miniSite(t, map[string]string{"config.toml": config})
		raw, err := Load(site)
		if err != nil {
			t.Fatal(err)
		}
		in, pl, err := loadAndPlan(site, Options{}, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := renderSite(in, pl, Options{}, &memory{files: map[string][]byte{}}, nil); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(in.model, raw.Content) {
			t.Error("the build changed the content model")
		}
		v, rc := pl.site.Content, raw.Content
		for i, co := range v.Competences {
			if want := "/sub/competences/" + co.Slug + "/"; co.URL != want {
				t.Errorf("%s: URL %q, want %q", co.ID, co.URL, want)
			}
			for k, cr := range co.Criteria {
				want := markdown.French(rc.Competences[i].Criteria[k].Text)
				if keep {
					want = rc.Competences[i].Criteria[k].Text
				}
				if cr.Text != want {
					t.Errorf("keep=%v %s criterion %d: %q, want %q", keep, co.ID, k, cr.Text, want)
				}
			}
		}
		for _, m := range v.Metiers {
			if want := "/sub/metiers/" + m.Slug + "/"; m.URL != want {
				t.Errorf("%s: URL %q, want %q", m.ID, m.URL, want)
			}
		}
		if v.Blocs[0].URL != "/sub/blocs/"+v.Blocs[0].Slug+"/" || v.Modalites[0].URL != "/sub/modalites/#"+v.Modalites[0].Slug {
			t.Errorf("bloc URL %q, modalité URL %q", v.Blocs[0].URL, v.Modalites[0].URL)
		}
	}
}

// TestFrenchIsIdempotent: a theme calling fr on prepared text must not
// change it again.
func TestFrenchIsIdempotent(t *testing.T) {
	p, err := Load(os.DirFS(".."))
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{`"x" : y ; z ! ? « a » l'b`, p.Content.Certifications[0].Summary}
	for _, co := range p.Content.Competences {
		texts = append(texts, co.Label, co.Text)
		for _, cr := range co.Criteria {
			texts = append(texts, cr.Text)
		}
	}
	for _, s := range texts {
		once := markdown.French(s)
		if twice := markdown.French(once); twice != once {
			t.Errorf("French(French(%q)) = %q, want %q", s, twice, once)
		}
	}
}

// TestSiteWithoutCertification: content/certification.toml is optional.
// Without it the home page's heading falls back to the site's title and the
// footer does not begin with a stray full stop.
func TestSiteWithoutCertification(t *testing.T) {
	site := bundledFS(t, func(p string) bool {
		return p == "config.toml" || strings.HasPrefix(p, "themes/default/") || strings.HasPrefix(p, "content/") && p != "content/certification.toml"
	})
	out, err := Build(site, Options{})
	if err != nil {
		t.Fatal(err)
	}
	home := string(out.Files["index.html"])
	if want := `<h1 id="titre">` + out.Project.Config.Title + `</h1>`; !strings.Contains(home, want) {
		t.Errorf("home page lacks %s", want)
	}
	for name, page := range out.Files {
		if strings.HasSuffix(name, ".html") && bytes.Contains(page, []byte(`<p class="generator">`)) && !bytes.Contains(page, []byte(`<p class="generator">Site produit avec cursus.</p>`)) {
			t.Errorf("%s: footer is not %q", name, "Site produit avec cursus.")
		}
	}
	if !bytes.Contains(out.Files["404.html"], []byte(`<p class="generator">`)) {
		t.Error("404.html has no footer line to check")
	}
}

// TestBundledSitePublishesManual: the manual for content writers,
// docs/manuel.md, is a page of the bundled site (content/manuel.md links
// to it), linked from every page's footer.
func TestBundledSitePublishesManual(t *testing.T) {
	out := buildBundled(t, Options{})
	page := string(out.Files["manuel/index.html"])
	if !strings.Contains(page, "certification.toml</h2>") {
		t.Errorf("manuel/index.html lacks the certification.toml section:\n%.500s", page)
	}
	if home := string(out.Files["index.html"]); !strings.Contains(home, `href="/manuel/"`) {
		t.Error("the home page does not link the manual")
	}
}
