package quality

import (
	"fmt"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"cursus/generator"
)

// root is the repository root, seen from this package's directory.
const root = "../.."

// site is the bundled site, built once for every test of the package.
var site struct {
	out *generator.Output
	dir string // where it is written, as `cursus build -d` would
}

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	out, err := generator.Build(os.DirFS(root), generator.Options{Minify: true})
	if err != nil {
		fmt.Fprintf(os.Stderr, "bundled site does not build:\n%v\n", err)
		return 1
	}
	dir, err := os.MkdirTemp("", "cursus-quality-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	site.dir = filepath.Join(dir, "public")
	if err := generator.Write(out, site.dir); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	site.out = out
	return m.Run()
}

// pageKind is one kind of page and the file of one page of that kind.
type pageKind struct {
	kind string
	file string // slash path in the output
}

// url is the page's path on the server.
func (p pageKind) url() string {
	return "/" + strings.TrimSuffix(p.file, "index.html")
}

// pageKinds lists one page of every kind the site has, chosen from the
// model so that renaming content does not break the gates.
func pageKinds(t testing.TB) []pageKind {
	t.Helper()
	c := site.out.Project.Content
	if len(c.Blocs) == 0 || len(c.Competences) == 0 || len(c.Metiers) == 0 {
		t.Fatal("bundled site has no bloc, compétence or métier")
	}
	decl := site.out.Project.Config.Accessibility.Page
	kinds := []pageKind{
		{"home", "index.html"},
		{"bloc", "blocs/" + c.Blocs[0].Slug + "/index.html"},
		{"compétence", "competences/" + c.Competences[0].Slug + "/index.html"},
		{"métier", "metiers/" + c.Metiers[0].Slug + "/index.html"},
		{"index des blocs", "blocs/index.html"},
		{"index des compétences", "competences/index.html"},
		{"index des métiers", "metiers/index.html"},
		{"matrice", "matrice/index.html"},
		{"modalités", "modalites/index.html"},
		{"recherche", "recherche/index.html"},
	}
	for _, p := range c.Pages {
		if p.Slug != "" && p.Slug != decl && p.Attach == "" {
			kinds = append(kinds, pageKind{"page markdown", p.Slug + "/index.html"})
			break
		}
	}
	kinds = append(kinds,
		pageKind{"déclaration d’accessibilité", decl + "/index.html"},
		pageKind{"404", "404.html"})
	for _, k := range kinds {
		if _, ok := site.out.Files[k.file]; !ok {
			t.Errorf("page kind %s: %s is not in the build", k.kind, k.file)
		}
	}
	return kinds
}

// htmlFiles returns the output's HTML pages, sorted.
func htmlFiles() []string {
	var names []string
	for name := range site.out.Files {
		if strings.HasSuffix(name, ".html") {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

// serve serves the built site from memory like a static host: directory
// URLs get their index.html, unknown paths the 404 page.
func serve(t testing.TB) *httptest.Server {
	t.Helper()
	files := site.out.Files
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		if name == "" || strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		status := http.StatusOK
		body, ok := files[name]
		if !ok {
			name, status, body = "404.html", http.StatusNotFound, files["404.html"]
		}
		ct := mime.TypeByExtension(path.Ext(name))
		if ct == "" {
			ct = "application/octet-stream"
		}
		w.Header().Set("Content-Type", ct)
		w.WriteHeader(status)
		w.Write(body)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// need stops a test whose tool is missing: a skip saying how to get it, or
// under CI=true (where .ci/run installs everything) a failure.
func need(t testing.TB, ok bool, what, how string) {
	t.Helper()
	if ok {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is missing; %s", what, how)
	}
	t.Skipf("skipped: %s is missing; run bash .ci/run (or %s) to run this check", what, how)
}
