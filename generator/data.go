package generator

import (
	"html/template"

	"cursus/generator/config"
	"cursus/generator/markdown"
)

// Data is what every layout of a theme receives. Exactly one of Bloc,
// Competence, Metier and Page is set on the pages of those kinds.
type Data struct {
	Site        *SiteData
	Kind        string  // home, certification, blocs, bloc, competences, competence, metiers, metier, modalites, matrice, recherche, page, 404
	Title       string  // with French typography
	Description string  // with French typography
	Path        string  // site path: "/blocs/b1/"
	URL         string  // Path under the base path
	Canonical   string  // absolute URL of the page
	Crumbs      []Crumb // the pages above this one, from home
	// Trail holds the same Crumbs, shared by every page with the same
	// parents: {{cached "trail" .Trail}} renders them once per build.
	Trail *Trail
	// Chrome keys the header and footer: {{cached "footer" .Chrome}}.
	Chrome     Chrome
	Bloc       *Bloc
	Competence *Competence
	Metier     *Metier
	Page       *Page
	Prose      template.HTML // rendered markdown of the page, or attached to the entity
	TOC        []markdown.Heading
	Matrix     *Matrix // correspondence pages only
	// Choices are the certifications' pages of a kind, on the pages that
	// keep a one-certification URL (/blocs/…) on a site with several.
	Choices []Crumb
	// Certification is the certification the page belongs to: every page
	// of a site with one, the pages under /<slug>/ of a site with several.
	Certification *Certification
	// JSONLD is the page's structured data, a schema.org JSON-LD graph
	// (jsonld.go): {{template "jsonld" .}} puts it in the head.
	JSONLD template.JS
}

// SiteData is shared by every page of a build.
type SiteData struct {
	Title   string // the site's title, with French typography
	Config  config.Config
	Content *View   // the whole model, as pages show it
	Nav     []Crumb // main navigation
	Pages   []Crumb // the markdown pages, for the footer
	// Declaration is the déclaration d'accessibilité page (config
	// accessibility.page), or nil when the site has none.
	Declaration *Crumb
	// Brand is the site's name and logo in the header.
	Brand Brand
	// SearchIndex is the URL of the search index, a JSON file named after
	// its content like the theme's assets.
	SearchIndex string
	// OGImage is the absolute URL of the image link previews show (the
	// theme's static/og.png), "" when the theme has none.
	OGImage string

	navigates map[string]bool // paths the header or footer links to
}

// Brand is what the header shows of the site: config.toml [brand].
type Brand struct {
	Name string // [brand] name, or the site's title
	Logo string // URL of the logo, "" for the theme's
}

// Trail is a list of breadcrumbs that many pages share: every compétence
// page of a bloc has the same.
type Trail struct {
	Crumbs []Crumb
}

// Crumb is a link: a breadcrumb or a navigation entry.
type Crumb struct {
	Title string
	Path  string // site path
	URL   string // Path under the base path
}

// Chrome is what the header and footer of a page depend on: the site, and
// the page's path when the navigation links to it ("" otherwise). Pages
// with the same Chrome share one rendering of them ({{cached "footer"
// .Chrome}}): on a site of thousands of compétences, all their pages
// share one header.
type Chrome struct {
	Site    *SiteData
	Current string
}

func (s *SiteData) chrome(path string) Chrome {
	if path == "/" || s.navigates[path] {
		return Chrome{s, path}
	}
	return Chrome{s, ""}
}
