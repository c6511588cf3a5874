package config

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestDefaults(t *testing.T) {
	cfg, err := Load(fstest.MapFS{})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Theme != "default" || cfg.PublishDir != "public" || cfg.LanguageCode != "fr" || cfg.Markup.Unsafe {
		t.Errorf("bad defaults: %+v", cfg)
	}
}

func TestLoad(t *testing.T) {
	src := "title = \"T\"\nbaseURL = \"https://ex.org/cursus\"\n[markup]\nunsafe = true\n[params]\nx = \"y\"\n"
	cfg, err := Load(fstest.MapFS{File: {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Title != "T" || !cfg.Markup.Unsafe || cfg.Params["x"] != "y" || cfg.BasePath() != "/cursus/" || cfg.Theme != "default" {
		t.Errorf("got %+v", cfg)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"titel = \"x\"\n", `config.toml:1:1: unknown key "titel"`},
		{"[markup]\nunsafe = true\nunsave = 1\n", `config.toml:3:1: unknown key "markup.unsave"`},
		{"title = \n", "config.toml:1:9"},
		{"baseURL = \"example.org\"\n", `config.toml: baseURL "example.org" must be an absolute URL`},
		{"publishDir = \"../out\"\n", `config.toml: publishDir "../out" must be a relative path inside the site`},
	}
	for _, tt := range tests {
		_, err := Load(fstest.MapFS{File: {Data: []byte(tt.src)}})
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("Load(%q) error = %v, want prefix %q", tt.src, err, tt.want)
		}
	}
}

func TestUnknownHost(t *testing.T) {
	_, err := Load(fstest.MapFS{File: {Data: []byte("[publish]\nhosts = [\"apache\", \"netlfy\"]\n")}})
	want := `config.toml: [publish] hosts: hôte "netlfy" inconnu ; cursus connaît apache, cloudflare, github, netlify`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}
