package generator

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"cursus/generator/content"
	"cursus/generator/diag"
	"cursus/generator/markdown"
	"cursus/generator/search"
	"cursus/internal/par"
)

// plan is the second stage of a build: every page of the site with the data
// its layout receives, and the search index. It is a function of the loaded
// site alone, and writes nothing that it did not make.
type plan struct {
	site   *SiteData
	pages  []*page
	search []byte // the search index, JSON
	// searchFile is where the search index is published.
	searchFile string
}

// page is one HTML page to render.
type page struct {
	data    *Data
	layout  string
	source  string   // file the page comes from, for error chains
	pos     diag.Pos // where in source, when the page is an entity
	sources []string // every file the page is made from, for the dev server
	body    *content.Page
	md      *markdown.Rendered // body rendered, when there is one
}

// file is the published file of the page.
func (p *page) file() string { return fileOf(p.data.Path) }

// at is the position errors of the page are chained to.
func (p *page) at() diag.Pos {
	if p.pos.Line > 0 {
		return diag.Pos{File: p.source, Line: p.pos.Line, Col: p.pos.Col}
	}
	return diag.Pos{File: p.source}
}

// makePlan plans the pages of a loaded site.
func makePlan(in *loaded) (*plan, error) {
	u := in.urls
	fr := in.french
	view := newView(in.model, u.url, fr)
	site := siteData(in, view)
	pl := &plan{site: site, pages: pagesOf(in, view)}
	for _, p := range pl.pages {
		p.data.Site = site
	}
	if errs := renderMarkdown(in, pl.pages); len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	if err := pl.addSearchIndex(in); err != nil {
		return nil, err
	}
	finishData(u, fr, site, pl.pages)
	return pl, nil
}

// siteData builds what every page shares.
func siteData(in *loaded, view *View) *SiteData {
	s := &SiteData{Title: in.french(in.cfg.Title), Config: in.cfg, Content: view}
	s.Nav = []Crumb{
		{Title: "Métiers", Path: content.PathMetiers},
		{Title: "Blocs", Path: content.PathBlocs},
		{Title: "Compétences", Path: content.PathCompetences},
		{Title: "Évaluation", Path: content.PathModalites},
		{Title: "Correspondances", Path: content.PathMatrix},
	}
	for _, p := range in.model.Pages {
		c := Crumb{Title: p.Title, Path: p.SitePath()}
		s.Pages = append(s.Pages, c)
		if p.Slug == in.cfg.Accessibility.Page {
			s.Declaration = &c
		}
	}
	s.navigates = map[string]bool{}
	for _, c := range append(append([]Crumb{}, s.Nav...), s.Pages...) {
		s.navigates[c.Path] = true
	}
	return s
}

// pagesOf lists every HTML page of the site, in a fixed order.
func pagesOf(in *loaded, v *View) []*page {
	c := in.model
	dir := in.cfg.ContentDir + "/"
	home := Crumb{Title: "Accueil", Path: "/"}
	blocs := Crumb{Title: "Blocs de compétences", Path: content.PathBlocs}
	metiers := Crumb{Title: "Métiers", Path: content.PathMetiers}
	var pages []*page
	// index adds one of the site's own pages that lists the whole model,
	// one level below home.
	index := func(kind, title, description, path, source string, sources ...string) {
		pages = append(pages, &page{layout: kind, source: source, sources: sources, data: &Data{Kind: kind, Title: title,
			Description: description, Path: path, Crumbs: []Crumb{home}}})
	}
	// entity adds the page of a bloc, compétence or métier declared at pos,
	// with the prose attached to it. Its sources default to the file
	// declaring it.
	entity := func(path string, pos diag.Pos, sources []string, prose *content.Page, d *Data) {
		if sources == nil {
			sources = []string{dir + pos.File}
		}
		d.Path = path
		p := &page{layout: d.Kind, source: dir + pos.File, pos: pos, sources: sources, data: d}
		if prose != nil {
			p.body = prose
			p.sources = append(p.sources, dir+prose.Path)
		}
		pages = append(pages, p)
	}
	homePage := &page{layout: "home", source: dir + "index.md", data: &Data{Kind: "home", Title: in.cfg.Title, Description: in.cfg.Description, Path: "/", Page: v.Home}}
	if c.Home != nil {
		homePage.body = c.Home
		homePage.sources = []string{dir + c.Home.Path}
		if c.Home.Description != "" {
			homePage.data.Description = c.Home.Description
		}
	}
	pages = append(pages, homePage)
	index("blocs", "Blocs de compétences",
		"Les blocs de compétences du référentiel, leurs compétences et les métiers auxquels ils mènent.",
		content.PathBlocs, dir+content.BlocsDir)
	for i, bl := range c.Blocs {
		entity(bl.Path(), bl.Pos, nil, bl.Prose, &Data{Kind: "bloc", Bloc: v.Blocs[i],
			Title:       "Bloc " + strconv.Itoa(bl.Number) + " : " + bl.Title,
			Description: "Bloc " + strconv.Itoa(bl.Number) + " du référentiel : " + bl.Title + ". Compétences, critères d'évaluation et métiers visés.",
			Crumbs:      []Crumb{home, blocs}})
	}
	index("competences", "Toutes les compétences",
		"Les compétences du référentiel, bloc par bloc, avec leurs critères d'évaluation.",
		content.PathCompetences, dir+content.BlocsDir)
	for i, co := range c.Competences {
		vc := v.Competences[i]
		entity(co.Path(), co.Pos, nil, co.Prose, &Data{Kind: "competence", Competence: vc, Bloc: vc.Bloc,
			Title:       co.ID + " : " + co.Label,
			Description: co.Text,
			Crumbs:      []Crumb{home, blocs, {Title: "Bloc " + strconv.Itoa(co.Bloc.Number), Path: co.Bloc.Path()}}})
	}
	index("metiers", "Les métiers visés",
		"Les métiers auxquels mène la formation, et pour chacun les blocs de compétences qui y préparent.",
		content.PathMetiers, dir+content.BlocsDir)
	for i, m := range c.Metiers {
		var srcs []string
		for _, bl := range m.Blocs {
			srcs = append(srcs, dir+bl.Pos.File)
		}
		entity(m.Path(), m.Pos, srcs, m.Prose, &Data{Kind: "metier", Metier: v.Metiers[i],
			Title:       m.Title,
			Description: "Le métier " + m.Title + " : les blocs de compétences, les compétences et les critères d'évaluation qui y préparent.",
			Crumbs:      []Crumb{home, metiers}})
	}
	index("modalites", "Modalités d'évaluation",
		"Comment les compétences sont évaluées : les modalités d'évaluation et les compétences concernées.",
		content.PathModalites, dir+content.ModalitesFile, dir+content.ModalitesFile)
	for _, m := range matrices(v.Blocs, in.urls.url) {
		title := "Correspondances métiers, blocs et compétences"
		crumbs := []Crumb{home}
		if m.Groups != nil && m.Group > 1 {
			title += " (blocs " + strconv.Itoa(m.FirstNumber) + " à " + strconv.Itoa(m.LastNumber) + ")"
			crumbs = append(crumbs, Crumb{Title: "Correspondances", Path: content.PathMatrix})
		}
		pages = append(pages, &page{layout: "matrice", source: dir + content.BlocsDir, data: &Data{Kind: "matrice", Title: title, Matrix: m,
			Description: "Tableaux de correspondance entre les métiers visés, les blocs de compétences et les compétences.",
			Path:        matrixPath(m.Group), Crumbs: crumbs}})
	}
	index("recherche", "Rechercher",
		"Rechercher un métier, un bloc, une compétence ou un critère d'évaluation.",
		content.PathSearch, dir)
	for i, p := range c.Pages {
		layout := "page"
		if p.Layout != "" {
			layout = p.Layout
		}
		pages = append(pages, &page{layout: layout, source: dir + p.Path, pos: p.Pos, sources: []string{dir + p.Path}, body: p,
			data: &Data{Kind: "page", Page: v.Pages[i], Title: p.Title, Description: p.Description, Path: p.SitePath(), Crumbs: []Crumb{home}}})
	}
	pages = append(pages, &page{layout: "404", source: in.theme.Dir + "/layouts/404.html", data: &Data{Kind: "404", Title: "Page introuvable", Path: "/404.html"}})
	return pages
}

// renderMarkdown renders the markdown of every page: the search index and
// the link check need it before the pages render.
func renderMarkdown(in *loaded, pages []*page) diag.List {
	md := markdown.New(markdown.Options{
		Unsafe:             in.cfg.Markup.Unsafe,
		KeepStraightQuotes: in.cfg.Markup.KeepStraightQuotes,
		BasePath:           in.urls.base,
	})
	errs := make([]error, len(pages))
	par.ForEach(len(pages), func(i int) {
		p := pages[i]
		if p.body == nil {
			return
		}
		r, err := md.Render(p.body.Body, p.body.BodyLine)
		if err != nil {
			errs[i] = diag.Prefix(diag.Pos{File: p.source, Line: p.body.BodyLine}, err)
			return
		}
		p.md = r
		p.data.Prose = template.HTML(r.HTML)
		p.data.TOC = r.TOC
	})
	return collect(pages, errs)
}

// addSearchIndex makes the search index from the model and the pages'
// markdown.
func (pl *plan) addSearchIndex(in *loaded) error {
	mdOf := map[*content.Page]*markdown.Rendered{}
	for _, p := range pl.pages {
		if p.body != nil {
			mdOf[p.body] = p.md
		}
	}
	ix, err := search.Build(in.model, search.Options{
		URL: func(v any) string {
			p, _ := pathOf(v) // never fails for entities
			return in.urls.url(p)
		},
		French: in.french,
		PageText: func(p *content.Page) (string, error) {
			if md := mdOf[p]; md != nil {
				return search.PlainText(md.HTML), nil
			}
			return "", nil
		},
	})
	if err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	data, err := ix.JSON() // compact already: no minifier pass
	if err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	pl.search = data
	pl.searchFile = fingerprint("assets/search-index.json", data)
	pl.site.SearchIndex = in.urls.url("/" + pl.searchFile)
	return nil
}

// finishData fills in what every page shows and the templates would
// otherwise compute with function calls on every page: the title and
// description with French typography, the page's absolute URL and the URLs
// of its breadcrumbs and of the navigation.
func finishData(u urls, fr func(string) string, site *SiteData, pages []*page) {
	link := func(cs []Crumb) {
		for i := range cs {
			cs[i].URL = u.url(cs[i].Path)
		}
	}
	link(site.Nav)
	link(site.Pages)
	if d := site.Declaration; d != nil {
		d.URL = u.url(d.Path)
	}
	// Pages with the same crumbs share one Trail.
	trails := map[string]*Trail{}
	for _, p := range pages {
		d := p.data
		if len(d.Crumbs) == 0 {
			continue
		}
		var key strings.Builder
		for _, c := range d.Crumbs {
			key.WriteString(c.Path)
			key.WriteByte(0)
			key.WriteString(c.Title)
			key.WriteByte(0)
		}
		if d.Trail = trails[key.String()]; d.Trail == nil {
			d.Trail = &Trail{Crumbs: d.Crumbs}
			trails[key.String()] = d.Trail
		}
	}
	par.ForEach(len(pages), func(i int) {
		d := pages[i].data
		d.Title = fr(d.Title)
		d.Description = fr(d.Description)
		d.URL = u.url(d.Path)
		d.Canonical = u.abs(d.Path)
		d.Chrome = site.chrome(d.Path)
		link(d.Crumbs)
	})
}

func collect(pages []*page, errs []error) diag.List {
	var list diag.List
	for i, err := range errs {
		if err != nil {
			list.AddErr(pages[i].at(), err)
		}
	}
	return list
}
