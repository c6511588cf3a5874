package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cursus/internal/testsite"
)

// TestHostFiles builds the bundled site for every host under a sub-path
// and checks the files each host reads, and that without hosts there are
// none.
func TestHostFiles(t *testing.T) {
	dir := testsite.Bundled(t, "..")
	cfg := filepath.Join(dir, "config.toml")
	src, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	hosts := "\n[publish]\nhosts = [\"apache\", \"netlify\", \"cloudflare\", \"github\"]\n"
	if err := os.WriteFile(cfg, append(src, hosts...), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := Build(os.DirFS(dir), Options{BaseURL: "https://example.org/cursus/"})
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string][]string{
		"_headers":   {"/cursus/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n"},
		"_redirects": {"/cursus/*  /cursus/404.html  404\n"},
		".htaccess": {
			"ErrorDocument 404 /cursus/404.html\n",
			`Header set Cache-Control "no-cache"`,
			`Header set Cache-Control "public, max-age=31536000, immutable"`,
			"AddOutputFilterByType DEFLATE text/html text/css",
		},
		".nojekyll": nil,
	} {
		data, ok := out.Files[name]
		if !ok {
			t.Errorf("no %s", name)
		}
		for _, w := range want {
			if !strings.Contains(string(data), w) {
				t.Errorf("%s lacks %q:\n%s", name, w, data)
			}
		}
	}
	plain := buildBundled(t, Options{})
	for _, name := range []string{"_headers", "_redirects", ".htaccess", ".nojekyll"} {
		if _, ok := plain.Files[name]; ok {
			t.Errorf("%s written without [publish] hosts", name)
		}
	}
}
