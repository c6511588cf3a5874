package content

import "strings"

// Site paths of the pages the site makes of the model, relative to the base
// path, with a trailing slash for directories. The content package owns
// them, so that URLs derive from ids and slugs in one place: the generator
// puts them under the base path, the loader checks that no two pages claim
// one.
const (
	PathBlocs       = "/blocs/"
	PathCompetences = "/competences/"
	PathMetiers     = "/metiers/"
	PathModalites   = "/modalites/"
	PathMatrix      = "/matrice/"
	PathSearch      = "/recherche/"
	PathAssets      = "/assets/"
)

// Reserved are the first URL segments of the site's own pages and files: a
// page slug may not start with one.
var Reserved = []string{"blocs", "competences", "metiers", "modalites", "matrice", "recherche", "assets", "404.html", "sitemap.xml", "robots.txt"}

// maxSegment is the longest slug segment, in bytes: a segment is a
// directory name of the published site, and file systems refuse names over
// 255 bytes.
const maxSegment = 200

// Path returns the site path of the bloc's page.
func (b *Bloc) Path() string { return PathBlocs + b.Slug + "/" }

// Path returns the site path of the compétence's page.
func (c *Competence) Path() string { return PathCompetences + c.Slug + "/" }

// Path returns the site path of the métier's page.
func (m *Metier) Path() string { return PathMetiers + m.Slug + "/" }

// Path returns the site path of the modalité: an anchor of the page of
// modalités.
func (m *Modalite) Path() string { return PathModalites + "#" + m.Slug }

// SitePath returns the site path of the page: "/" for the home page.
func (p *Page) SitePath() string {
	if p.Slug == "" {
		return "/"
	}
	return "/" + p.Slug + "/"
}

// longSegment returns the first segment of a slash path longer than the
// file systems allow, or "".
func longSegment(p string) string {
	for _, seg := range strings.Split(p, "/") {
		if len(seg) > maxSegment {
			return seg
		}
	}
	return ""
}

// FileOf maps a site path to the file of the published site that serves
// it: "/blocs/b1/" → "blocs/b1/index.html". The generator writes pages
// there and the dev server finds them there.
func FileOf(p string) string {
	p = strings.TrimPrefix(p, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}

// PathOfFile is the inverse of FileOf: the site path a browser shows for a
// published file, "blocs/b1/index.html" → "/blocs/b1/".
func PathOfFile(file string) string {
	if file == "index.html" {
		return "/"
	}
	if strings.HasSuffix(file, "/index.html") {
		return "/" + strings.TrimSuffix(file, "index.html")
	}
	return "/" + file
}
