package generator

import (
	"errors"
	"strings"
	"testing"

	"cursus/generator/diag"
)

func TestBrand(t *testing.T) {
	site := miniSite(t, map[string]string{
		"layouts/base.html": strings.Replace(navBase, "<nav>", `<header>{{with .Site.Brand.Logo}}<img src="{{.}}">{{end}}{{.Site.Brand.Name}}</header><nav>`, 1),
		"static/logo.png":   "\x89PNG",
	})
	site["config.toml"].Data = append(site["config.toml"].Data, "[brand]\nname = \"Faculté d'ici\"\nlogo = \"logo.png\"\naccent = \"#8a1538\"\naccentDark = \"#ffb3c6\"\nblocs = [\"#00594f\"]\n"...)
	out, err := Build(site, Options{})
	if err != nil {
		t.Fatal(err)
	}
	page := string(out.Files["index.html"])
	if !strings.Contains(page, `<header><img src="/sub/assets/logo.`) || !strings.Contains(page, `Faculté d’ici</header>`) {
		t.Errorf("header:\n%s", page)
	}
	var css string
	for f, data := range out.Files {
		if strings.HasPrefix(f, "assets/style.") {
			css = string(data)
		}
	}
	for _, want := range []string{
		":root{--brand:#8a1538;--link:#8a1538;--b1:#00594f;}\n",
		"@media (prefers-color-scheme: dark){:root{--brand:#ffb3c6;--link:#ffb3c6;}}\n",
	} {
		if !strings.HasSuffix(css, want) && !strings.Contains(css, want) {
			t.Errorf("style.css lacks %q; ends with:\n%s", want, css[max(0, len(css)-300):])
		}
	}
}

func TestBrandErrors(t *testing.T) {
	site := miniSite(t, nil)
	site["config.toml"].Data = append(site["config.toml"].Data, "[brand]\nlogo = \"logo.gif\"\naccent = \"#ffcc00\"\naccentDark = \"#222222\"\nblocs = [\"#00594f\", \"bleu\"]\n"...)
	_, err := Build(site, Options{})
	var list diag.List
	if !errors.As(err, &list) {
		t.Fatalf("error %v, want a diag.List", err)
	}
	want := []string{
		`config.toml:5:1: [brand] logo "logo.gif" : une image SVG ou PNG est attendue`,
		`config.toml:6:1: [brand] accent "#ffcc00" : contraste 1.41:1 sur le fond clair du thème (#f7f7f4), 4,5:1 au moins pour se lire (WCAG AA)`,
		`config.toml:7:1: [brand] accentDark "#222222" : contraste 1.16:1 sur le fond sombre du thème (#121418), 4,5:1 au moins pour se lire (WCAG AA)`,
		`config.toml:8:21: [brand] blocs[1] "bleu" : une couleur #rrggbb est attendue`,
	}
	if got := strings.Join(list.Lines(), "\n"); got != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

// TestBlocColoursBeyondEight: every bloc past the theme's eight gets its
// own colour, readable on every background of the theme.
func TestBlocColoursBeyondEight(t *testing.T) {
	bg := themeColours{Light: []string{"#f7f7f4", "#ffffff", "#f0f1f3"}, Dark: []string{"#121418", "#1a1d23", "#20242b"}}
	seen := map[string]bool{}
	for n := 9; n <= 40; n++ {
		for _, dark := range []bool{false, true} {
			c := generated(n, bg.Light, false)
			on := bg.Light
			if dark {
				c, on = generated(n, bg.Dark, true), bg.Dark
			}
			rgb, _ := parseHex(c)
			for _, h := range on {
				b, _ := parseHex(h)
				if r := contrast(rgb, b); r < minContrast {
					t.Errorf("bloc %d (dark %v): %s on %s is %.2f:1", n, dark, c, h, r)
				}
			}
			if !dark {
				if seen[c] {
					t.Errorf("bloc %d: %s already given to another bloc", n, c)
				}
				seen[c] = true
			}
		}
	}
}
