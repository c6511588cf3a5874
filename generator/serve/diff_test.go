package serve

import (
	"reflect"
	"strings"
	"testing"
)

// fakeSite renders a tiny site the way cursus does: every page links the
// fingerprinted stylesheet and search index, and carries the build's script.
type fakeSite struct {
	css, index string // fingerprints
	pages      map[string]string
	extra      map[string]string // other assets: name → fingerprint
}

func (f fakeSite) snapshot(build int64) *snapshot {
	site := &Site{Files: map[string][]byte{}, Sources: map[string][]string{
		"content/blocs/b1.toml": {"/blocs/b1/", "/competences/b1-c1/", "/competences/b1-c2/", "/metiers/dev/"},
		"content/index.md":      {"/"},
	}}
	head := `<link rel="stylesheet" href="/assets/style.` + f.css + `.css"><script src="/assets/search.js" data-index="/assets/search-index.` + f.index + `.json"></script>`
	for name, fp := range f.extra {
		head += `<img src="/assets/` + name + "." + fp + `.svg">`
		site.Assets = append(site.Assets, "assets/"+name+"."+fp+".svg")
		site.Files["assets/"+name+"."+fp+".svg"] = []byte("<svg/>" + fp)
	}
	for file, body := range f.pages {
		nav, main, _ := strings.Cut(body, "|") // "nav|main": what is outside <main>, and in it
		site.Files[file] = []byte("<html>" + head + "<body><nav>" + nav + "</nav><main>" + main + "</main></body></html>")
	}
	site.Files["assets/style."+f.css+".css"] = []byte("body{}" + f.css)
	site.Files["assets/search-index."+f.index+".json"] = []byte("{}" + f.index)
	site.Files["sitemap.xml"] = []byte("<urlset/>" + f.index)
	site.Assets = append(site.Assets, "assets/style."+f.css+".css", "assets/search-index."+f.index+".json")
	return newSnapshot(site, build)
}

func pagesOf(kv ...string) map[string]string {
	m := map[string]string{}
	for i := 0; i < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return m
}

func TestChanges(t *testing.T) {
	base := fakeSite{css: "aaaa1111", index: "bbbb2222", pages: pagesOf(
		"index.html", "menu|home",
		"blocs/b1/index.html", "menu|bloc 1",
		"competences/b1-c1/index.html", "menu|critère A",
		"metiers/dev/index.html", "menu|dev: critère A",
		"blocs/b2/index.html", "menu|bloc 2",
		"competences/b1-c2/index.html", "menu|critère C",
		"competences/b2-c1/index.html", "menu|critère D",
		"presentation/index.html", "menu|prose",
	), extra: map[string]string{"favicon": "cccc3333"}}
	edit := func(f func(*fakeSite)) fakeSite {
		c := base
		c.pages = map[string]string{}
		for k, v := range base.pages {
			c.pages[k] = v
		}
		c.extra = map[string]string{}
		for k, v := range base.extra {
			c.extra[k] = v
		}
		f(&c)
		return c
	}
	tests := []struct {
		name     string
		prev     *snapshot
		next     fakeSite
		sources  []string
		navigate bool
		want     message
	}{
		{"first build", nil, base, nil, false, message{All: true}},
		{"nothing changed but the build number", base.snapshot(1), base, []string{"content/index.md"}, false, message{}},
		{"a criterion: its pages, not the index rename", base.snapshot(1), edit(func(f *fakeSite) {
			f.index = "dddd4444"
			f.pages["competences/b1-c1/index.html"] = "menu|critère B"
			f.pages["metiers/dev/index.html"] = "menu|dev: critère B"
		}), []string{"content/blocs/b1.toml"}, false,
			message{Pages: []string{"/competences/b1-c1/", "/metiers/dev/"}, Main: []string{"/competences/b1-c1/", "/metiers/dev/"}}},
		{"a change outside <main>", base.snapshot(1), edit(func(f *fakeSite) {
			f.pages["competences/b1-c1/index.html"] = "menu bis|critère B"
			f.pages["metiers/dev/index.html"] = "menu|dev: critère B"
		}), []string{"content/blocs/b1.toml"}, false,
			message{Pages: []string{"/competences/b1-c1/", "/metiers/dev/"}, Main: []string{"/metiers/dev/"}}},
		{"navigate to the most specific page", base.snapshot(1), edit(func(f *fakeSite) {
			f.pages["competences/b1-c1/index.html"] = "menu|critère B"
			f.pages["metiers/dev/index.html"] = "menu|dev: critère B"
			f.pages["blocs/b1/index.html"] = "menu|bloc 1: critère B"
		}), []string{"content/blocs/b1.toml"}, true,
			message{
				Pages: []string{"/blocs/b1/", "/competences/b1-c1/", "/metiers/dev/"},
				Main:  []string{"/blocs/b1/", "/competences/b1-c1/", "/metiers/dev/"},
				Goto:  "/competences/b1-c1/", Fed: []string{"/competences/b1-c1/", "/blocs/b1/", "/metiers/dev/"},
			}},
		{"navigate to the bloc when all its pages change", base.snapshot(1), edit(func(f *fakeSite) {
			f.pages["competences/b1-c1/index.html"] += " (bloc 1 bis)"
			f.pages["competences/b1-c2/index.html"] += " (bloc 1 bis)"
			f.pages["blocs/b1/index.html"] = "menu|bloc 1 bis"
		}), []string{"content/blocs/b1.toml"}, true,
			message{
				Pages: []string{"/blocs/b1/", "/competences/b1-c1/", "/competences/b1-c2/"},
				Main:  []string{"/blocs/b1/", "/competences/b1-c1/", "/competences/b1-c2/"},
				Goto:  "/blocs/b1/", Fed: []string{"/blocs/b1/", "/competences/b1-c1/", "/competences/b1-c2/"},
			}},
		{"stylesheet only", base.snapshot(1), edit(func(f *fakeSite) { f.css = "eeee5555" }),
			[]string{"themes/default/static/style.css"}, false,
			message{CSS: map[string]string{"/assets/style.aaaa1111.css": "/assets/style.eeee5555.css"}}},
		{"stylesheet and a page", base.snapshot(1), edit(func(f *fakeSite) {
			f.css = "eeee5555"
			f.pages["presentation/index.html"] = "menu|new prose"
		}), nil, false,
			message{Pages: []string{"/presentation/"}, Main: []string{"/presentation/"}, CSS: map[string]string{"/assets/style.aaaa1111.css": "/assets/style.eeee5555.css"}}},
		{"an image reloads every page", base.snapshot(1), edit(func(f *fakeSite) { f.extra["favicon"] = "ffff6666" }), nil, false,
			message{All: true}},
		{"a new page", base.snapshot(1), edit(func(f *fakeSite) { f.pages["nouveau/page/index.html"] = "menu|new" }), nil, false,
			message{Pages: []string{"/nouveau/page/"}}},
		{"a removed page", base.snapshot(1), edit(func(f *fakeSite) { delete(f.pages, "presentation/index.html") }), nil, false,
			message{Pages: []string{"/presentation/"}}},
		{"after a failed first build", &snapshot{build: 1, errors: []string{"x"}}, base, nil, false, message{All: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := changes(tt.prev, tt.next.snapshot(2), tt.sources, tt.navigate)
			tt.want.Build, tt.want.Errors = 2, []string{}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("changes() =\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}

// TestWithScript: a page is served with its build's live script before its
// last </body>; other files as built.
func TestWithScript(t *testing.T) {
	page := []byte("<p>a</body> in a text</p></body></html>")
	got := string(withScript("x/index.html", page, 7))
	if want := "<p>a</body> in a text</p>" + snippet(7) + "</body></html>"; got != want {
		t.Errorf("withScript = %q, want %q", got, want)
	}
	if string(page) != "<p>a</body> in a text</p></body></html>" {
		t.Error("withScript wrote into the built page")
	}
	if got := string(withScript("a.html", []byte("<p>"), 7)); got != "<p>"+snippet(7) {
		t.Errorf("no </body>: %q", got)
	}
	if got := string(withScript("assets/a.css", []byte("</body>"), 7)); got != "</body>" {
		t.Errorf("a stylesheet got the script: %q", got)
	}
}

func TestUnfingerprint(t *testing.T) {
	tests := []struct{ in, want string }{
		{"assets/style.3f9a1c2b.css", "assets/style.css"},
		{"assets/search-index.0011aabb.json", "assets/search-index.json"},
		{"assets/style.css", "assets/style.css"},
		{"assets.v2/style", "assets.v2/style"},
	}
	for _, tt := range tests {
		if got := unfingerprint(tt.in); got != tt.want {
			t.Errorf("unfingerprint(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPagePath(t *testing.T) {
	tests := []struct{ in, want string }{
		{"index.html", "/"},
		{"blocs/b1/index.html", "/blocs/b1/"},
		{"404.html", "/404.html"},
	}
	for _, tt := range tests {
		if got := pagePath(tt.in); got != tt.want {
			t.Errorf("pagePath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEqualExcept(t *testing.T) {
	pairs := []pair{{[]byte("a.1.css"), []byte("a.22.css")}, {[]byte("?b=9"), []byte("?b=10")}}
	tests := []struct {
		a, b string
		want bool
	}{
		{"", "", true},
		{"x", "x", true},
		{"x", "y", false},
		{"<link a.1.css><p>t</p><script ?b=9>", "<link a.22.css><p>t</p><script ?b=10>", true},
		{"<link a.1.css><p>t</p><script ?b=9>", "<link a.22.css><p>u</p><script ?b=10>", false},
		{"<link a.1.css>", "<link a.1.css>", false}, // the old name where the new one should be
		{"a.1.css a.1.css", "a.22.css a.22.css", true},
		{"a.1.css a.1.css", "a.22.css a.22.cs", false},
		{"<p>t</p>", "<p>t</p>x", false},
	}
	for _, tt := range tests {
		if got := equalExcept([]byte(tt.a), []byte(tt.b), pairs); got != tt.want {
			t.Errorf("equalExcept(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestChangesCarryWarnings: the warnings of a build that succeeded reach
// the browsers with what changed, and nothing else in the message changes.
func TestChangesCarryWarnings(t *testing.T) {
	site := fakeSite{css: "a", index: "b", pages: pagesOf("index.html", "n|m")}
	prev, next := site.snapshot(1), site.snapshot(2)
	next.site.Warnings = []string{"content/blocs/b1.toml:6:1: avertissement : la compétence B1.C1 n'a pas de critères d'évaluation"}
	got := changes(prev, next, nil, false)
	if !reflect.DeepEqual(got.Warnings, next.site.Warnings) || len(got.Errors) != 0 || len(got.Pages) != 0 {
		t.Errorf("changes() = %+v, want the warnings alone", got)
	}
}
