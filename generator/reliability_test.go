package generator

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"cursus/generator/diag"
	"cursus/internal/sitefs"
	"cursus/internal/testsite"
)

// errorLines builds the site and returns its error lines, failing when the
// build succeeds or its error is not a diag.List.
func errorLines(t *testing.T, build func() error) []string {
	t.Helper()
	err := build()
	var list diag.List
	if !errors.As(err, &list) {
		t.Fatalf("error %v (%T), want a diag.List", err, err)
	}
	return list.Lines()
}

func contains(lines []string, want string) bool {
	for _, l := range lines {
		if strings.Contains(l, want) {
			return true
		}
	}
	return false
}

// copySite copies testdata/site into a new directory and opens it as a
// build reads a site from disk.
func copySite(t *testing.T) (string, *sitefs.FS) {
	t.Helper()
	dir := t.TempDir()
	testsite.Copy(t, "testdata/site", dir)
	root, err := sitefs.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	return dir, root
}

// TestNamedPipeInContent: a named pipe in content/ is reported at its file,
// with every other error, and the build ends: opening it would wait for a
// writer for ever.
func TestNamedPipeInContent(t *testing.T) {
	dir, root := copySite(t)
	for _, name := range []string{"content/pipe.md", "content/blocs/pipe.toml", "themes/mini/static/pipe.css"} {
		if err := syscall.Mkfifo(filepath.Join(dir, filepath.FromSlash(name)), 0o644); err != nil {
			t.Skip("no named pipes here:", err)
		}
	}
	done := make(chan []string, 1)
	go func() {
		done <- errorLines(t, func() error { _, err := Build(root, Options{}); return err })
	}()
	select {
	case lines := <-done:
		for _, want := range []string{"content/pipe.md: n’est ni un fichier ni un dossier", "content/blocs/pipe.toml: n’est ni un fichier ni un dossier"} {
			if !contains(lines, want) {
				t.Errorf("errors %q lack %q", lines, want)
			}
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a named pipe in content/ hangs the build")
	}
	os.Remove(filepath.Join(dir, "content", "pipe.md"))
	os.Remove(filepath.Join(dir, "content", "blocs", "pipe.toml"))
	lines := errorLines(t, func() error { _, err := Build(root, Options{}); return err })
	if !contains(lines, "pipe.css") || !contains(lines, "n’est ni un fichier ni un dossier") {
		t.Errorf("a named pipe in static/: %q", lines)
	}
}

// TestLinksOutOfTheSite: a symbolic link that leaves the site's directory is
// never read, in static/ or in content/; a link to a directory is refused in
// both alike.
func TestLinksOutOfTheSite(t *testing.T) {
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret.txt"), []byte("root:x:0:0"), 0o644)
	os.WriteFile(filepath.Join(outside, "page.md"), []byte("+++\ntitle = \"Volé\"\n+++\n"), 0o644)
	for _, tt := range []struct{ link, target, want string }{
		{"themes/mini/static/passwd.txt", "secret.txt", "themes/mini/static/passwd.txt: est un lien symbolique qui sort du dossier du site"},
		{"content/vole.md", "page.md", "content/vole.md: est un lien symbolique qui sort du dossier du site"},
		{"content/ailleurs", "blocs", "content/ailleurs: est un lien symbolique vers un dossier"},
		{"themes/mini/static/ailleurs", "../layouts", "themes/mini/static/ailleurs: est un lien symbolique vers un dossier"},
	} {
		t.Run(tt.link, func(t *testing.T) {
			dir, root := copySite(t)
			target := filepath.Join(outside, tt.target)
			if !strings.Contains(tt.want, "sort du dossier") { // a directory inside the site
				target = tt.target
			}
			if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(tt.link))); err != nil {
				t.Skip("no symbolic links here:", err)
			}
			lines := errorLines(t, func() error { _, err := Build(root, Options{}); return err })
			if !contains(lines, tt.want) {
				t.Errorf("errors %q lack %q", lines, tt.want)
			}
		})
	}
	// An English site says it in English.
	t.Run("english", func(t *testing.T) {
		dir, root := copySite(t)
		cfg := filepath.Join(dir, "config.toml")
		data, _ := os.ReadFile(cfg)
		os.WriteFile(cfg, append([]byte("languageCode = \"en\"\n"), data...), 0o644)
		if err := os.Symlink(filepath.Join(outside, "page.md"), filepath.Join(dir, "content", "vole.md")); err != nil {
			t.Skip("no symbolic links here:", err)
		}
		lines := errorLines(t, func() error { _, err := Build(root, Options{}); return err })
		if want := "content/vole.md: is a symbolic link that leads out of the site's folder: cursus reads nothing outside the site"; !contains(lines, want) {
			t.Errorf("errors %q lack %q", lines, want)
		}
	})
	// A link to a file inside the site is read as the file.
	dir, root := copySite(t)
	os.Rename(filepath.Join(dir, "content", "dev.md"), filepath.Join(dir, "dev.md"))
	os.Symlink("../dev.md", filepath.Join(dir, "content", "dev.md"))
	if _, err := Build(root, Options{}); err != nil {
		t.Errorf("a link inside the site: %v", err)
	}
}

// TestCachedPartialCallingItself: a partial that renders itself through
// {{cached}}, directly or through another, is a template error at the call,
// not a stack overflow.
func TestCachedPartialCallingItself(t *testing.T) {
	for _, tt := range []struct {
		name    string
		partial string
		want    []string
	}{
		{"direct", "{{define \"criteria\"}}<ol>{{range .Criteria}}<li>{{.Text}}</li>{{end}}</ol>{{end}}\n{{define \"a\"}}<p>\n{{cached \"a\" .}}</p>{{end}}\n",
			[]string{`themes/mini/layouts/partials/list.html:3:10: cached "a" calls itself again (a → a)`}},
		{"through another", "{{define \"criteria\"}}<ol>{{range .Criteria}}<li>{{.Text}}</li>{{end}}</ol>{{end}}\n{{define \"a\"}}{{template \"b\" .}}{{end}}\n{{define \"b\"}}<p>{{cached \"a\" .}}</p>{{end}}\n",
			[]string{`themes/mini/layouts/partials/list.html:3:27: cached "a" calls itself again (b → a → b)`}},
	} {
		for _, minify := range []bool{false, true} {
			t.Run(tt.name, func(t *testing.T) {
				site := miniSite(t, map[string]string{"themes/mini/layouts/partials/list.html": tt.partial})
				lines := errorLines(t, func() error { _, err := Build(site, Options{Minify: minify}); return err })
				for _, want := range tt.want {
					if !contains(lines, want) {
						t.Errorf("minify=%v: errors %q lack %q", minify, lines, want)
					}
				}
			})
		}
	}
}

// TestLinksAreTags: a link is an href or src of a tag, not text that looks
// like one: an <img src=…> written in code is text, for build and check
// alike. A link to a missing page written in a template is an error at its
// line in the template, and so is a link written as text, which ignores
// the base path.
func TestLinksAreTags(t *testing.T) {
	eval, _ := os.ReadFile("testdata/site/content/evaluation.md")
	site := miniSite(t, map[string]string{"content/evaluation.md": string(eval) + "\nÉcrivez `<img src=logo.png>` et\n\n```html\n<a href=\"/nulle-part/\">x</a>\n```\n"})
	out, err := Build(site, Options{})
	if err != nil {
		t.Fatalf("escaped tags in code read as links: %v", err)
	}
	if broken := CheckLinks(out.Files, "/sub/"); len(broken) > 0 {
		t.Errorf("CheckLinks reads escaped tags as links: %q", broken)
	}
	for _, minify := range []bool{false, true} {
		site = miniSite(t, map[string]string{"themes/mini/layouts/page.html": "{{define \"main\"}}<a href=\"{{url \"/nulle-part/\"}}\">x</a>{{end}}"})
		lines := errorLines(t, func() error { _, err := Build(site, Options{Minify: minify}); return err })
		if want := `themes/mini/layouts/page.html:1:33: lien cassé "/nulle-part/" : aucune page à /nulle-part/`; !contains(lines, want) {
			t.Errorf("minify=%v: errors %q lack %q", minify, lines, want)
		}
		site = miniSite(t, map[string]string{"themes/mini/layouts/page.html": "{{define \"main\"}}\n<p>\n  <a href=\"/blocs/b1/\">x</a>{{.Prose}}</p>{{end}}"})
		lines = errorLines(t, func() error { _, err := Build(site, Options{Minify: minify}); return err })
		if want := `themes/mini/layouts/page.html:3:12: lien "/blocs/b1/" écrit en dur : il ignore le chemin de base /sub/ ; écrivez {{url "/blocs/b1/"}}`; !contains(lines, want) {
			t.Errorf("minify=%v: errors %q lack %q", minify, lines, want)
		}
	}
}

// TestLongIDs: an id too long to be a file name is an error at the id, in
// every command, rather than a failure to write.
func TestLongIDs(t *testing.T) {
	long := strings.Repeat("c", 5000)
	site := miniSite(t, map[string]string{"content/blocs/b2.toml": "id = \"B2\"\nnumber = 2\ntitle = \"Auditer\"\nmodalites = [\"oral\"]\n\n[[competences]]\nid = \"B2." + long + "\"\nlabel = \"Auditer\"\ntext = \"Auditer.\"\ncriteria = [\"Rigueur.\"]\n"})
	lines := errorLines(t, func() error { _, err := Build(site, Options{}); return err })
	if !contains(lines, "content/blocs/b2.toml:7:1: slug trop long") {
		t.Errorf("errors %q lack the long id", lines)
	}
}

// TestLeftoverStagesRemoved: a build killed while publishing leaves its
// staging directory beside the output; the next build removes it.
func TestLeftoverStagesRemoved(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	left := filepath.Join(parent, ".public.new-4242-0")
	os.MkdirAll(filepath.Join(left, "blocs"), 0o755)
	os.WriteFile(filepath.Join(left, "index.html"), []byte("half"), 0o644)
	other := filepath.Join(parent, ".other.new-1")
	os.MkdirAll(other, 0o755)
	if _, err := BuildTo(miniSite(t, nil), Options{}, dest); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(left); err == nil {
		t.Error("the leftover staging directory is still there")
	}
	if _, err := os.Stat(other); err != nil {
		t.Error("a directory that is not this output's stage was removed")
	}
}
