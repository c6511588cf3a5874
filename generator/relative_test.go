package generator

import (
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"cursus/generator/search"
	"cursus/internal/testsite"
)

func TestRelativize(t *testing.T) {
	tests := []struct {
		name, file, base, in, want string
	}{
		{"home from a bloc", "blocs/b1/index.html", "/", `<a href="/">x</a>`, `<a href="../../index.html">x</a>`},
		{"sibling directory", "blocs/b1/index.html", "/", `<a href="/blocs/b2/">`, `<a href="../b2/index.html">`},
		{"parent directory", "blocs/b1/index.html", "/", `<a href="/blocs/">`, `<a href="../index.html">`},
		{"the page itself", "blocs/b1/index.html", "/", `<a href="/blocs/b1/#c1">`, `<a href="index.html#c1">`},
		{"from the root", "index.html", "/", `<link href="/assets/style.1a2b.css" rel=stylesheet>`, `<link href="assets/style.1a2b.css" rel="stylesheet">`},
		{"404 at the root", "404.html", "/sub/", `<a href="/sub/metiers/">`, `<a href="metiers/index.html">`},
		{"under a sub-path", "blocs/b1/index.html", "/sub/", `<img src="/sub/assets/a.png" alt="">`, `<img src="../../assets/a.png" alt="">`},
		{"outside the base path", "blocs/b1/index.html", "/sub/", `<a href="/other/">`, `<a href="/other/">`},
		{"query kept", "index.html", "/", `<form action="/recherche/?q=x" method=get>`, `<form action="recherche/index.html?q=x" method="get">`},
		{"script index", "a/index.html", "/", `<script src="/assets/s.js" data-index="/assets/i.json" defer></script>`, `<script src="../assets/s.js" data-index="../assets/i.json" defer=""></script>`},
		{"srcset", "a/index.html", "/", `<img srcset="/x.png 1x, /y.png 2x">`, `<img srcset="../x.png 1x, ../y.png 2x">`},
		{"external and protocol-relative", "a/index.html", "/", `<a href="https://e.org/x/"><a href="//e.org/">`, `<a href="https://e.org/x/"><a href="//e.org/">`},
		{"relative and anchors untouched", "a/index.html", "/", `<a href="../b/"><a href="#top">`, `<a href="../b/"><a href="#top">`},
		{"a colon in the first segment", "index.html", "/", `<a href="/a:b/">`, `<a href="./a:b/index.html">`},
		{"text that looks like a tag", "a/index.html", "/", `<pre>&lt;a href="/x/"&gt;</pre><script>var s = '<a href="/x/">';</script>`, `<pre>&lt;a href="/x/"&gt;</pre><script>var s = '<a href="/x/">';</script>`},
		{"other attributes untouched", "a/index.html", "/", `<a title="/x/" href="/y">`, `<a title="/x/" href="../y">`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := string(relativize([]byte(tc.in), tc.file, tc.base)); got != tc.want {
				t.Errorf("relativize(%q, %s, %s)\n got %s\nwant %s", tc.in, tc.file, tc.base, got, tc.want)
			}
		})
	}
}

// relativeSite copies the bundled site with relativeURLs = true in its
// config.toml.
func relativeSite(t testing.TB) string {
	t.Helper()
	dir := testsite.Bundled(t, "..")
	cfg := filepath.Join(dir, "config.toml")
	src, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, append([]byte("relativeURLs = true\n"), src...), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestRelativeURLsBuild builds the bundled site under a sub-path with
// relativeURLs: no page keeps a URL under the base path, every link leads
// to a file of the site, and the search index's URLs resolve from it.
func TestRelativeURLsBuild(t *testing.T) {
	const base = "/cursus/"
	out, err := Build(os.DirFS(relativeSite(t)), Options{Minify: true, BaseURL: "https://example.org" + base})
	if err != nil {
		t.Fatal(err)
	}
	pages := 0
	for name, data := range out.Files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		for _, l := range scanHTML(data).links {
			if strings.Contains(l, "://") {
				continue // the canonical URL stays absolute
			}
			if strings.HasPrefix(l, "/") {
				t.Errorf("%s: link %s is not relative", name, l)
			}
			if strings.HasSuffix(l, "/") {
				t.Errorf("%s: link %s to a directory does not name its index.html", name, l)
			}
		}
	}
	if pages != out.Pages {
		t.Errorf("%d HTML files, %d pages", pages, out.Pages)
	}
	if broken := CheckLinks(out.Files, base); len(broken) > 0 {
		t.Errorf("%d broken links:\n%s", len(broken), strings.Join(broken, "\n"))
	}
	var indexFile string
	for _, a := range out.Assets {
		if strings.HasPrefix(a, "assets/search-index.") {
			indexFile = a
		}
	}
	var ix search.Index
	if err := json.Unmarshal(out.Files[indexFile], &ix); err != nil || len(ix.Docs) == 0 {
		t.Fatalf("search index %s: %v, %d docs", indexFile, err, len(ix.Docs))
	}
	for _, d := range ix.Docs {
		file := path.Join(path.Dir(indexFile), d.URL)
		if _, ok := out.Files[strings.SplitN(file, "#", 2)[0]]; !ok {
			t.Errorf("search index: %s leads to no file (%s)", d.URL, file)
		}
	}
}
