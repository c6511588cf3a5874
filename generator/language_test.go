package generator

import (
	"html"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// TestMessagesInSiteLanguage builds broken sites whose config.toml says
// languageCode "en", then "fr": every error and warning comes in that
// language, still as file:line:col: message.
func TestMessagesInSiteLanguage(t *testing.T) {
	content := map[string]string{
		"content/blocs/b2.toml":      "",
		"content/evaluation.md":      "+++\ntitle = \"É\"\nauteur = \"x\"\n+++\n",
		"content/modalites.toml":     "[[modalites]]\nid = \"oral\"\nname = \"Oral\"\n\n[[modalites]]\nid = \"oral\"\nname = \"Encore\"\n",
		"content/certification.toml": "title = \"Mini\"\nlevel = 9\n",
	}
	links := map[string]string{
		"content/evaluation.md": "+++\ntitle = \"É\"\n+++\n[x](/nulle-part/) [y](/blocs/b1/#absent)\n",
	}
	warning := map[string]string{
		"content/certification.toml": "title = \"Mini\"\nactif = false\n",
	}
	tests := []struct {
		lang    string
		replace map[string]string
		want    []string
	}{
		{"en", content, []string{
			"content/blocs/b2.toml:1:1: empty file",
			"content/certification.toml:2:1: level 9: the level of a certification goes from 1 to 8",
			`content/evaluation.md:3:1: unknown key "auteur": a typo? (the manual gives the keys of each file)`,
			`content/modalites.toml:6:1: id "oral" twice: modalité already declared at modalites.toml:2:1`,
		}},
		{"fr", content, []string{
			"content/blocs/b2.toml:1:1: fichier vide",
			"content/certification.toml:2:1: niveau 9 : le niveau d'une certification va de 1 à 8",
			`content/evaluation.md:3:1: clé inconnue "auteur" : faute de frappe ? (le manuel donne les clés de chaque fichier)`,
			`content/modalites.toml:6:1: id "oral" en double : modalité déjà déclaré à modalites.toml:2:1`,
		}},
		{"en-GB", links, []string{
			`content/evaluation.md:4:1: broken link "/nulle-part/": no page at /nulle-part/`,
			`content/evaluation.md:4:19: broken link "/blocs/b1/#absent": page /blocs/b1/ has no anchor #absent`,
		}},
		{"fr-FR", links, []string{
			`content/evaluation.md:4:1: lien cassé "/nulle-part/" : aucune page à /nulle-part/`,
			`content/evaluation.md:4:19: lien cassé "/blocs/b1/#absent" : la page /blocs/b1/ n’a pas d’ancre #absent`,
		}},
		{"en", map[string]string{"config.toml": "title = \"\"\nbaseURL = \"https://mini.example/sub/\"\ntheme = \"mini\"\nlanguageCode = \"en\"\n"}, []string{
			"config.toml:1:1: title is empty: it is the name of the site, at the top of every page",
		}},
		{"en", map[string]string{"config.toml": "title = \"Mini\"\nlanguageCode = \"en\"\ntheme = = \"mini\"\n"}, []string{
			`config.toml:3:9: toml: expected value but found '=' instead (key "theme")`,
		}},
		// config.toml that does not decode: its languageCode line decides.
		{"fr", map[string]string{"config.toml": "title = \"Mini\"\ntheme = = \"mini\"\n"}, []string{
			`config.toml:2:9: toml : expected value but found '=' instead (clé "theme")`,
		}},
		{"en", warning, []string{"content/certification.toml:2:1: warning: the certification is not active (actif = false)"}},
		{"fr", warning, []string{"content/certification.toml:2:1: avertissement : la certification n'est pas active (actif = false)"}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			replace := map[string]string{"config.toml": "title = \"Mini\"\nbaseURL = \"https://mini.example/sub/\"\ntheme = \"mini\"\nlanguageCode = \"" + tt.lang + "\"\n"}
			for k, v := range tt.replace {
				replace[k] = v
			}
			out, err := Build(miniSite(t, replace), Options{})
			var got []string
			if err != nil {
				got = strings.Split(err.Error(), "\n")
			} else {
				got = out.Warnings.Lines()
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestEnglishSiteHasNoFrenchUI builds the bundled content and the site of
// three certifications (choice pages, options, the booklet, the catalogue)
// with languageCode "en": no page may show a French word of the theme's
// (every phrase of themes/default/i18n/fr.toml, and the labels Go code
// used to write), while the référentiel itself stays in French.
func TestEnglishSiteHasNoFrenchUI(t *testing.T) {
	var fr, en map[string]string
	for file, words := range map[string]*map[string]string{"fr.toml": &fr, "en.toml": &en} {
		if _, err := toml.DecodeFile("../themes/default/i18n/"+file, words); err != nil {
			t.Fatal(err)
		}
	}
	var french []string
	for key, v := range fr {
		if en[key] == v {
			continue // "Certification", "Type": the same in English
		}
		for part := range strings.SplitSeq(placeholder.ReplaceAllString(v, "\x00"), "\x00") {
			// Short pieces are words the content uses too.
			if part = strings.TrimSpace(part); utf8.RuneCountInString(part) >= 10 {
				french = append(french, part)
			}
		}
	}
	french = append(french, "Bloc 1", "Niveau 7", "bac+5", "Données ouvertes", "Livret du référentiel",
		"choisissez une certification", "Blocs 1 à", "octets", " Ko")
	bundled := bundledFS(t, func(p string) bool {
		return p == "config.toml" || strings.HasPrefix(p, "content/") || strings.HasPrefix(p, "themes/default/")
	})
	sites := map[string]fstest.MapFS{"bundled": bundled, "certs": certsSite(t)}
	for name, site := range sites {
		t.Run(name, func(t *testing.T) {
			cfg := string(site["config.toml"].Data)
			cfg = regexp.MustCompile(`(?m)^languageCode = .*$`).ReplaceAllString(cfg, "")
			site["config.toml"] = &fstest.MapFile{Data: []byte("languageCode = \"en\"\n" + cfg)}
			out, err := Build(site, Options{})
			if err != nil {
				t.Fatal(err)
			}
			// The référentiel, the pages and config.toml are French: a phrase they
			// hold is theirs to show.
			var content strings.Builder
			for p, f := range site {
				if strings.HasPrefix(p, "content/") || p == "config.toml" {
					content.Write(f.Data)
				}
			}
			found := map[string]string{}
			for file, data := range out.Files {
				if !strings.HasSuffix(file, ".html") || file == "manuel/index.html" {
					continue // the manual is content, written in French
				}
				text := html.UnescapeString(strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(string(data)))
				for _, f := range french {
					if strings.Contains(text, f) && !strings.Contains(content.String(), f) {
						found[f] = file
					}
				}
			}
			for f, file := range found {
				t.Errorf("%s shows the French %q", file, f)
			}
			home := string(out.Files["index.html"])
			for _, want := range []string{"Skip to content", "Accessibility: <a href=\"/accessibilite/\">non-compliant</a>"} {
				if !strings.Contains(home, want) {
					t.Errorf("index.html lacks %q", want)
				}
			}
		})
	}
}

var placeholder = regexp.MustCompile(`\{[a-z]+\}`)
