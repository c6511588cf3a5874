package generator

import (
	"strings"
	"testing"
)

// TestSiteOverridesTheme: a site's own layouts/ and static/ win over the
// theme's file by file, the others staying the theme's; a new static file
// (a logo) is published with the theme's.
func TestSiteOverridesTheme(t *testing.T) {
	site := miniSite(t, map[string]string{
		"layouts/bloc.html": "{{define \"main\"}}<h1 class=\"faculte\">{{.Title}}</h1>{{range .Bloc.Competences}}<h2 id=\"{{.Slug}}\">{{.ID}}</h2>{{end}}{{end}}\n",
		"static/style.css":  "body{color:red}",
		"static/logo.svg":   "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
	})
	out, err := Build(site, Options{})
	if err != nil {
		t.Fatal(err)
	}
	bloc := string(out.Files["blocs/b1/index.html"])
	if !strings.Contains(bloc, `<h1 class="faculte">`) {
		t.Errorf("the site's layouts/bloc.html is not used:\n%s", bloc)
	}
	for f, data := range out.Files {
		if strings.HasPrefix(f, "competences/") && strings.Contains(string(data), "faculte") {
			t.Errorf("%s is not rendered by the theme's competence.html:\n%s", f, data)
		}
	}
	var css, logo bool
	for f, data := range out.Files {
		switch {
		case strings.HasPrefix(f, "assets/style.") && strings.HasSuffix(f, ".css"):
			css = string(data) == "body{color:red}"
			if !css {
				t.Errorf("%s = %q, want the site's style.css", f, data)
			}
		case strings.HasPrefix(f, "assets/logo.") && strings.HasSuffix(f, ".svg"):
			logo = true
		}
	}
	if !css || !logo {
		t.Errorf("style.css from the site: %v, logo.svg published: %v", css, logo)
	}
}
