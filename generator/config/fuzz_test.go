package config

import (
	"errors"
	"strings"
	"testing"

	"cursus/generator/diag"
)

// FuzzLoad feeds arbitrary bytes as config.toml: Load reports errors in
// config.toml, never panics, and a configuration it accepts is usable.
func FuzzLoad(f *testing.F) {
	for _, s := range []string{
		"title = \"T\"\nbaseURL = \"https://ex.org/cursus\"\n[markup]\nunsafe = true\n[params]\nx = \"y\"\n",
		"# Configuration\ntitle = \"Référentiel\"\ntheme = \"autre\"\npublishDir = \"public\"\n[minify]\ndisable = true\n[accessibility]\nstatus = \"non conforme\"\n",
		"title = \"\"\nbaseURL = \"/\"\n",
		"[markup]\nunsafe = \"oui\"\n",
		"theme = \"../x\"\ncontentDir = \"/c\"\n",
		"params = 3\n[params]\n",
		"\xef\xbb\xbftitle = \"T\"\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		cfg, err := Load(site(string(src)))
		if err != nil {
			var list diag.List
			if !errors.As(err, &list) {
				t.Fatalf("error %v (%T), want a diag.List", err, err)
			}
			for _, e := range list {
				if e.Pos.File != File {
					t.Fatalf("error %q not in %s", e, File)
				}
			}
			return
		}
		if !strings.HasSuffix(cfg.BaseURL, "/") || !strings.HasPrefix(cfg.BasePath(), "/") || !strings.HasSuffix(cfg.BasePath(), "/") {
			t.Fatalf("baseURL %q, base path %q", cfg.BaseURL, cfg.BasePath())
		}
		for _, dir := range []string{cfg.PublishDir, cfg.ContentDir, cfg.ThemeDir()} {
			if !inside(dir) {
				t.Fatalf("accepted %q, outside the site", dir)
			}
		}
	})
}
