package serve

import (
	"testing"

	"cursus/generator/config"
)

func TestRelevant(t *testing.T) {
	cfg := config.Default()
	t1 := targetsOf(cfg)
	cfg.PublishDir = "content/public"
	nested := targetsOf(cfg)
	tests := []struct {
		t    targets
		rel  string
		want bool
	}{
		{t1, "config.toml", true},
		{t1, "content/blocs/b1.toml", true},
		{t1, "content/nouveau/page.md", true},
		{t1, "content", true},
		{t1, "themes/default/layouts/bloc.html", true},
		{t1, "themes/default/static/style.css", true},
		{t1, "themes/other/layouts/bloc.html", false}, // not the active theme
		// The site's own overrides.
		{t1, "layouts/partials/chrome.html", true},
		{t1, "static/logo.svg", true},
		{t1, "i18n/fr.toml", true},
		{t1, "i18n/.fr.toml.swp", false},
		{t1, "layouts/.chrome.html.swp", false},
		{t1, "themes", false},
		{t1, "public/index.html", false},
		{t1, "README.md", false},
		{t1, "config.toml~", false},
		{t1, "contentious/x.md", false},
		// Editors' artefacts.
		{t1, "content/blocs/.b1.toml.swp", false},
		{t1, "content/blocs/b1.toml.swp", false},
		{t1, "content/blocs/b1.toml~", false},
		{t1, "content/blocs/4913", false},
		{t1, "content/blocs/.#b1.toml", false},
		{t1, "content/blocs/b1.toml.bck", false},
		{t1, "content/blocs/b1.toml.tmp", false},
		{t1, "content/blocs/b1.toml___jb_tmp___", false},
		{t1, "content/blocs/#b1.toml#", false},
		{t1, "content/.git/index", false},
		{t1, "themes/default/.idea/workspace.xml", false},
		// Output nested in the content directory.
		{nested, "content/public/index.html", false},
		{nested, "content/public", false},
		{nested, "content/publication.md", true},
	}
	for _, tt := range tests {
		if got := tt.t.relevant(tt.rel); got != tt.want {
			t.Errorf("relevant(%q) = %v, want %v (targets %+v)", tt.rel, got, tt.want, tt.t)
		}
	}
}

func TestOnPath(t *testing.T) {
	tr := targetsOf(config.Default())
	tests := []struct {
		rel  string
		want bool
	}{
		{".", true},
		{"themes", true},
		{"themes/default", false}, // a tree, not on the way to one
		{"content", false},
		{"public", false},
	}
	for _, tt := range tests {
		if got := tr.onPath(tt.rel); got != tt.want {
			t.Errorf("onPath(%q) = %v, want %v", tt.rel, got, tt.want)
		}
	}
}

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"content", "content"},
		{"./content/", "content"},
		{"../x", "x"},
		{`a\b`, "a/b"},
	}
	for _, tt := range tests {
		if got := clean(tt.in); got != tt.want {
			t.Errorf("clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
