package quality

import (
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"cursus/generator"
	"cursus/generator/content"
)

// root is the repository root, seen from this package's directory.
const root = "../.."

// built is a site built once for every test of the package.
type built struct {
	name string
	out  *generator.Output
	dir  string // where it is written, as `cursus build -d` would
}

// sites are the bundled site (one certification) and the golden site of
// three certifications sharing métiers: every gate runs on both.
var sites []*built

// eachSite runs f on every site, each as a subtest named after it.
func eachSite(t *testing.T, f func(t *testing.T, site *built)) {
	for _, s := range sites {
		t.Run(s.name, func(t *testing.T) { f(t, s) })
	}
}

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	dir, err := os.MkdirTemp("", "cursus-quality-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	certs, err := certsSite()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	for _, s := range []struct {
		name string
		fsys fs.FS
	}{{"bundled", os.DirFS(root)}, {"certifications", certs}} {
		out, err := generator.Build(s.fsys, generator.Options{Minify: true})
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s site does not build:\n%v\n", s.name, err)
			return 1
		}
		b := &built{name: s.name, out: out, dir: filepath.Join(dir, s.name, "public")}
		if err := generator.Write(out, b.dir); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		sites = append(sites, b)
	}
	return m.Run()
}

// certsSite is generator/testdata/certs with the default theme.
func certsSite() (fs.FS, error) {
	fsys := fstest.MapFS{}
	add := func(dir, under string) error {
		return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(dir, p)
			data, err := os.ReadFile(p)
			fsys[path.Join(under, filepath.ToSlash(rel))] = &fstest.MapFile{Data: data}
			return err
		})
	}
	if err := add(filepath.Join(root, "generator/testdata/certs"), "."); err != nil {
		return nil, err
	}
	return fsys, add(filepath.Join(root, "themes/default"), "themes/default")
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
func pageKinds(t testing.TB, site *built) []pageKind {
	t.Helper()
	c := site.out.Project.Content
	if len(c.Blocs) == 0 || len(c.Competences) == 0 || len(c.Metiers) == 0 {
		t.Fatalf("%s site has no bloc, compétence or métier", site.name)
	}
	decl := site.out.Project.Config.Accessibility.Page
	// The certification with the most to show: a fiche, options, blocs
	// without critères.
	cert := c.Certifications[0]
	for _, x := range c.Certifications {
		if x.RNCP != "" {
			cert = x
		}
	}
	file := content.FileOf
	kinds := []pageKind{
		{"home", "index.html"},
		{"bloc", file(cert.Blocs[0].Path())},
		{"compétence", file(cert.Competences[0].Path())},
		{"métier", file(c.Metiers[0].Path())},
		{"index des blocs", file(cert.BlocsPath())},
		{"index des compétences", file(cert.CompetencesPath())},
		{"index des métiers", "metiers/index.html"},
		{"matrice", file(cert.MatrixPath())},
		{"modalités", file(cert.ModalitesPath())},
		{"recherche", "recherche/index.html"},
		{"livret", file(cert.BookletPath())},
	}
	if c.Several {
		kinds = append(kinds, pageKind{"certification", file(cert.Path())},
			pageKind{"choix de certification", file(content.PathBlocs)})
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
func htmlFiles(site *built) []string {
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
func serve(t testing.TB, site *built) *httptest.Server {
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
