package generator

import (
	"errors"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"cursus/generator/content"
	"cursus/generator/diag"
	"cursus/generator/msg"
)

// navBase is a base layout, the site's own, that shows the main navigation
// and the title of the page.
const navBase = `<!doctype html><html lang="{{.Site.Config.LanguageCode}}"><title>{{.Title}}</title><link rel="stylesheet" href="{{asset "style.css"}}"><body data-index="{{.Site.SearchIndex}}"><nav>{{range .Site.Nav}}<a href="{{.URL}}">{{.Title}}</a>{{end}}</nav><main>{{block "main" .}}{{end}}</main></body></html>`

func navOf(t *testing.T, out *Output) string {
	t.Helper()
	page := string(out.Files["index.html"])
	i, j := strings.Index(page, "<nav>"), strings.Index(page, "</nav>")
	if i < 0 || j < i {
		t.Fatalf("no <nav> in:\n%s", page)
	}
	return page[i+len("<nav>") : j]
}

func TestMenu(t *testing.T) {
	tests := []struct {
		name, config, want string
	}{
		{"default, as before", "",
			`<a href="/sub/metiers/">Métiers</a><a href="/sub/blocs/">Blocs</a><a href="/sub/competences/">Compétences</a><a href="/sub/modalites/">Évaluation</a><a href="/sub/matrice/">Correspondances</a>`},
		{"from config, in its order, with a page and an address elsewhere", `
[[menu]]
page = "evaluation"
[[menu]]
label = "Les métiers"
url = "/metiers/"
[[menu]]
label = "L'école"
url = "https://ecole.example/"
`,
			`<a href="/sub/evaluation/">Évaluation</a><a href="/sub/metiers/">Les métiers</a><a href="https://ecole.example/">L’école</a>`},
		{"a page relabelled", "[[menu]]\npage = \"evaluation\"\nlabel = \"Examens\"\n",
			`<a href="/sub/evaluation/">Examens</a>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := miniSite(t, map[string]string{"layouts/base.html": navBase})
			site["config.toml"].Data = append(site["config.toml"].Data, tt.config...)
			out, err := Build(site, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := navOf(t, out); got != tt.want {
				t.Errorf("nav:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestMenuErrors(t *testing.T) {
	tests := []struct {
		name, config string
		want         []string
	}{
		{"no such page", "\n[[menu]]\npage = \"evaluation\"\n[[menu]]\npage = \"nulle\"\n",
			[]string{`config.toml:8:1: [[menu]] page "nulle" : aucune page de ce slug dans content/ (le slug est le nom du fichier sans .md)`}},
		{"both page and url, a url without label, an odd url", "\n[[menu]]\npage = \"evaluation\"\nurl = \"/x/\"\n[[menu]]\nurl = \"/metiers/\"\n[[menu]]\nlabel = \"X\"\nurl = \"metiers\"\n",
			[]string{
				`config.toml:5:1: [[menu]] : donnez soit page (le slug d’une page), soit url, pas les deux`,
				`config.toml:9:1: [[menu]] : label manque, le texte du lien vers /metiers/`,
				`config.toml:12:1: [[menu]] url "metiers" : un chemin du site (/metiers/) ou une adresse complète (https://…) est attendu`,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := miniSite(t, nil)
			site["config.toml"].Data = append(site["config.toml"].Data, tt.config...)
			_, err := Build(site, Options{})
			var list diag.List
			if !errors.As(err, &list) {
				t.Fatalf("error %v, want a diag.List", err)
			}
			if got, want := strings.Join(list.Lines(), "\n"), strings.Join(tt.want, "\n"); got != want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// TestEnglishSite: languageCode "en" takes the theme's English words, and
// no French typography.
func TestEnglishSite(t *testing.T) {
	site := miniSite(t, map[string]string{"layouts/base.html": navBase})
	site["config.toml"].Data = []byte(strings.Replace(string(site["config.toml"].Data), `title = "Mini"`, "title = \"Mini\"\nlanguageCode = \"en-GB\"", 1))
	out, err := Build(site, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := `<a href="/sub/metiers/">Occupations</a><a href="/sub/blocs/">Units</a><a href="/sub/competences/">Competencies</a><a href="/sub/modalites/">Assessment</a><a href="/sub/matrice/">Mappings</a>`
	if got := navOf(t, out); got != want {
		t.Errorf("nav:\n%s\nwant:\n%s", got, want)
	}
	if page := string(out.Files["modalites/index.html"]); !strings.Contains(page, "<title>Assessment methods</title>") {
		t.Errorf("modalités page:\n%s", page)
	}
}

func TestUnknownLanguage(t *testing.T) {
	site := miniSite(t, nil)
	site["config.toml"].Data = append([]byte("languageCode = \"de\"\n"), site["config.toml"].Data...)
	_, err := Build(site, Options{})
	want := `config.toml:1:1: languageCode "de" : aucun thème n’a de traduction i18n/de.toml (cursus a fr et en)`
	if err == nil || err.Error() != want {
		t.Errorf("error:\n%v\nwant:\n%s", err, want)
	}
}

// TestWordsComplete: every key the Go code asks the theme for is in the
// default theme's fr.toml and en.toml, and the two have the same keys.
func TestWordsComplete(t *testing.T) {
	var used []string
	call := regexp.MustCompile(`\.T\("([a-z_]+)"`)
	for _, f := range []string{"plan.go", "view.go"} {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllStringSubmatch(string(src), -1) {
			used = append(used, m[1])
		}
	}
	if len(used) < 20 {
		t.Fatalf("found %d keys in the Go code: the pattern is stale", len(used))
	}
	keys := map[string][]string{}
	for _, lang := range []string{"fr", "en"} {
		file := "themes/default/i18n/" + lang + ".toml"
		src, err := os.ReadFile("../" + file)
		if err != nil {
			t.Fatal(err)
		}
		var words map[string]string
		if _, err := content.DecodeTOML(msg.FR, file, src, &words); err != nil {
			t.Fatal(err)
		}
		for k := range words {
			keys[lang] = append(keys[lang], k)
		}
		slices.Sort(keys[lang])
		for _, k := range used {
			if _, ok := words[k]; !ok {
				t.Errorf("%s: no key %q, which the Go code uses", file, k)
			}
		}
	}
	if !slices.Equal(keys["fr"], keys["en"]) {
		t.Errorf("fr.toml and en.toml have different keys:\n%v\n%v", keys["fr"], keys["en"])
	}
}
