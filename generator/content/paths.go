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
	PathBooklet     = "/livret/"
	PathAssets      = "/assets/"
)

// Reserved are the first URL segments of the site's own pages and files: a
// page slug may not start with one.
var Reserved = []string{"blocs", "competences", "metiers", "modalites", "matrice", "recherche", "livret", "assets", "certifications", "donnees", "404.html", "sitemap.xml", "robots.txt"}

// maxSegment is the longest slug segment, in bytes: a segment is a
// directory name of the published site, and file systems refuse names over
// 255 bytes.
const maxSegment = 200

// Path returns the site path of the certification's home page: "/" when
// the site has one certification, "/<slug>/" when it has several.
func (c *Certification) Path() string { return c.Prefix() + "/" }

// Prefix is what the site paths of the certification's pages start with:
// "" when the site has one certification, "/<slug>" when it has several.
func (c *Certification) Prefix() string {
	if c.Slug == "" {
		return ""
	}
	return "/" + c.Slug
}

// ModalitesPath returns the site path of the certification's page of
// modalités d'évaluation.
func (c *Certification) ModalitesPath() string { return c.Prefix() + PathModalites }

// MatrixPath returns the site path of the certification's first
// correspondence page.
func (c *Certification) MatrixPath() string { return c.Prefix() + PathMatrix }

// BookletPath returns the site path of the certification's booklet: the
// whole référentiel on one page, to print.
func (c *Certification) BookletPath() string { return c.Prefix() + PathBooklet }

// BlocsPath returns the site path of the certification's index of blocs.
func (c *Certification) BlocsPath() string { return c.Prefix() + PathBlocs }

// CompetencesPath returns the site path of the certification's index of
// compétences.
func (c *Certification) CompetencesPath() string { return c.Prefix() + PathCompetences }

// Path returns the site path of the bloc's page.
func (b *Bloc) Path() string { return b.Cert.Prefix() + PathBlocs + b.Slug + "/" }

// Path returns the site path of the compétence's page.
func (c *Competence) Path() string { return c.Bloc.Cert.Prefix() + PathCompetences + c.Slug + "/" }

// Path returns the site path of the métier's page.
func (m *Metier) Path() string { return PathMetiers + m.Slug + "/" }

// PathIn returns the site path of the modalité as certification c shows
// it: an anchor of c's page of modalités. A shared modalité has one in
// every certification that cites it.
func (m *Modalite) PathIn(c *Certification) string { return c.ModalitesPath() + "#" + m.Slug }

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
