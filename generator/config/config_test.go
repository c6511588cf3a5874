package config

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"cursus/generator/diag"
	"cursus/generator/msg"
)

func TestDefaults(t *testing.T) {
	cfg, err := Load(site("# les réglages par défaut\n"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Theme != "default" || cfg.PublishDir != "public" || cfg.LanguageCode != "fr" || cfg.Markup.Unsafe {
		t.Errorf("bad defaults: %+v", cfg)
	}
}

// site is a site root holding config.toml with src, and the default theme.
func site(src string) fstest.MapFS {
	return fstest.MapFS{
		File:                               {Data: []byte(src)},
		"themes/default/layouts/base.html": {Data: []byte("<!doctype html>")},
		"themes/autre/layouts/base.html":   {Data: []byte("<!doctype html>")},
		"themes/fichier":                   {Data: []byte("pas un dossier")},
	}
}

func TestLoad(t *testing.T) {
	src := "title = \"T\"\nbaseURL = \"https://ex.org/cursus\"\ntheme = \"autre\"\n[markup]\nunsafe = true\n[params]\nx = \"y\"\n"
	cfg, err := Load(site(src))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Title != "T" || !cfg.Markup.Unsafe || cfg.Params["x"] != "y" || cfg.BasePath() != "/cursus/" || cfg.Theme != "autre" {
		t.Errorf("got %+v", cfg)
	}
}

// TestErrors: every error names the line and column of its key, all of
// them at once.
func TestErrors(t *testing.T) {
	tests := []struct {
		src  string
		want []string
	}{
		{"titel = \"x\"\n", []string{`config.toml:1:1: clé inconnue "titel" : faute de frappe ? (le manuel donne les clés de chaque fichier)`}},
		{"[markup]\nunsafe = true\nunsave = 1\n", []string{`config.toml:3:1: clé inconnue "markup.unsave" : faute de frappe ? (le manuel donne les clés de chaque fichier)`}},
		{"title = \n", []string{`config.toml:1:9: toml : expected value but found '\n' instead (clé "title")`}},
		{"[markup]\nunsafe = \"oui\"\n", []string{`config.toml:2:1: toml : il faut true ou false, pas un texte entre guillemets (clé "markup.unsafe")`}},
		{"title = \"T\"\nbaseURL = \"example.org\"\n", []string{`config.toml:2:1: baseURL "example.org" : une adresse complète est attendue, comme https://example.org/`}},
		{"title = \"T\"\n  publishDir = \"../out\"\n", []string{`config.toml:2:3: publishDir "../out" : un chemin relatif, dans le dossier du site, est attendu`}},
		{"title = \"\"\n", []string{`config.toml:1:1: title est vide : c’est le nom du site, en tête de chaque page`}},
		{"title = \"T\"\ntheme = \"absent\"\n", []string{`config.toml:2:1: theme "absent" : pas de dossier themes/absent`}},
		{"theme = \"fichier\"\n", []string{`config.toml:1:1: theme "fichier" : pas de dossier themes/fichier`}},
		{"theme = \"../x\"\n", []string{`config.toml:1:1: theme "../x" : un chemin relatif, dans le dossier du site, est attendu`}},
		{"title = \"  \"\nbaseURL = \"/\"\ncontentDir = \"/c\"\n", []string{
			`config.toml:1:1: title est vide : c’est le nom du site, en tête de chaque page`,
			`config.toml:2:1: baseURL "/" : une adresse complète est attendue, comme https://example.org/`,
			`config.toml:3:1: contentDir "/c" : un chemin relatif, dans le dossier du site, est attendu`,
		}},
	}
	for _, tt := range tests {
		_, err := Load(site(tt.src))
		var got []string
		var list diag.List
		if errors.As(err, &list) {
			got = list.Lines()
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("Load(%q) errors:\n%s\nwant:\n%s", tt.src, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}

// TestMissing: without config.toml a site would publish addresses on
// localhost; Load says so and how to start, as it does for an empty file.
func TestMissing(t *testing.T) {
	for name, fsys := range map[string]fstest.MapFS{
		"missing": {},
		"empty":   {File: {Data: []byte(" \n")}},
	} {
		_, err := Load(fsys)
		want := map[string]string{
			"missing": "config.toml: pas de config.toml ici : lancez cursus dans le dossier du site ou donnez ce dossier avec -s (cursus new DOSSIER commence un site)",
			"empty":   "config.toml:1:1: fichier vide",
		}[name]
		if err == nil || err.Error() != want {
			t.Errorf("%s: error %v, want %q", name, err, want)
		}
	}
}

func TestUnknownHost(t *testing.T) {
	_, err := Load(fstest.MapFS{File: {Data: []byte("[publish]\nhosts = [\"apache\", \"netlfy\"]\n")}, "themes/default/layouts/base.html": {}})
	want := `config.toml:2:1: [publish] hosts: hôte "netlfy" inconnu ; cursus connaît apache, cloudflare, github, netlify`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}

// TestLang: the language of a site's messages is its config.toml's, when
// the file does not decode too; French without one.
func TestLang(t *testing.T) {
	for _, tt := range []struct {
		name string
		fsys fstest.MapFS
		want msg.Lang
	}{
		{"no config.toml", fstest.MapFS{}, msg.FR},
		{"English", fstest.MapFS{File: {Data: []byte("languageCode = \"en\"\ntitle = \"A\"\n")}}, msg.EN},
		{"English, broken", fstest.MapFS{File: {Data: []byte("languageCode = 'en'\ntitle = \n")}}, msg.EN},
		{"English, the key quoted", fstest.MapFS{File: {Data: []byte("\"languageCode\" = \"en\"\n")}}, msg.EN},
		{"no language", fstest.MapFS{File: {Data: []byte("title = \"A\"\n")}}, msg.FR},
	} {
		if got := Lang(tt.fsys); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}
