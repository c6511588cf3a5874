package generator

import (
	"strconv"

	"cursus/generator/content"
	"cursus/generator/diag"
	"cursus/internal/par"
)

// siteData builds what every page shares.
func (b *builder) siteData() *SiteData {
	s := &SiteData{Config: b.cfg, Content: b.p.Content}
	s.Nav = []Crumb{
		{Title: "Métiers", Path: pathMetiers},
		{Title: "Blocs", Path: pathBlocs},
		{Title: "Compétences", Path: pathCompetences},
		{Title: "Évaluation", Path: pathModalites},
		{Title: "Correspondances", Path: pathMatrix},
	}
	for _, p := range b.p.Content.Pages {
		c := Crumb{Title: p.Title, Path: "/" + p.Slug + "/"}
		s.Pages = append(s.Pages, c)
		if p.Slug == b.cfg.Accessibility.Page {
			s.Declaration = &c
		}
	}
	s.navigates = map[string]bool{}
	for _, c := range append(append([]Crumb{}, s.Nav...), s.Pages...) {
		s.navigates[c.Path] = true
	}
	return s
}

// plan lists every HTML page of the site, in a fixed order.
func (b *builder) plan() {
	c := b.p.Content
	dir := b.cfg.ContentDir + "/"
	home := Crumb{Title: "Accueil", Path: "/"}
	blocs := Crumb{Title: "Blocs de compétences", Path: pathBlocs}
	metiers := Crumb{Title: "Métiers", Path: pathMetiers}
	add := func(j *job) {
		j.data.Site = b.site
		b.jobs = append(b.jobs, j)
	}
	// index adds one of the site's own pages that lists the whole model,
	// one level below home.
	index := func(kind, title, description, path, source string, sources ...string) {
		add(&job{layout: kind, source: source, sources: sources, data: &Data{Kind: kind, Title: title,
			Description: description, Path: path, Crumbs: []Crumb{home}}})
	}
	// entity adds the page of a bloc, compétence or métier declared at pos,
	// with the prose attached to it. Its sources default to the file
	// declaring it.
	entity := func(v any, pos diag.Pos, sources []string, prose *content.Page, d *Data) {
		if sources == nil {
			sources = []string{dir + pos.File}
		}
		d.Path = mustPath(v)
		j := &job{layout: d.Kind, source: dir + pos.File, pos: pos, sources: sources, data: d}
		b.attach(j, prose)
		add(j)
	}
	homeJob := &job{layout: "home", source: dir + "index.md", data: &Data{Kind: "home", Title: b.cfg.Title, Description: b.cfg.Description, Path: "/"}}
	if c.Home != nil {
		homeJob.body, homeJob.data.Page = c.Home, c.Home
		homeJob.sources = []string{dir + c.Home.Path}
		if c.Home.Description != "" {
			homeJob.data.Description = c.Home.Description
		}
	}
	add(homeJob)
	index("blocs", "Blocs de compétences",
		"Les blocs de compétences du référentiel, leurs compétences et les métiers auxquels ils mènent.",
		pathBlocs, dir+content.BlocsDir)
	for _, bl := range c.Blocs {
		entity(bl, bl.Pos, nil, bl.Prose, &Data{Kind: "bloc", Bloc: bl,
			Title:       "Bloc " + strconv.Itoa(bl.Number) + " : " + bl.Title,
			Description: "Bloc " + strconv.Itoa(bl.Number) + " du référentiel : " + bl.Title + ". Compétences, critères d'évaluation et métiers visés.",
			Crumbs:      []Crumb{home, blocs}})
	}
	index("competences", "Toutes les compétences",
		"Les compétences du référentiel, bloc par bloc, avec leurs critères d'évaluation.",
		pathCompetences, dir+content.BlocsDir)
	for _, co := range c.Competences {
		entity(co, co.Pos, nil, co.Prose, &Data{Kind: "competence", Competence: co, Bloc: co.Bloc,
			Title:       co.ID + " : " + co.Label,
			Description: co.Text,
			Crumbs:      []Crumb{home, blocs, {Title: "Bloc " + strconv.Itoa(co.Bloc.Number), Path: mustPath(co.Bloc)}}})
	}
	index("metiers", "Les métiers visés",
		"Les métiers auxquels mène la formation, et pour chacun les blocs de compétences qui y préparent.",
		pathMetiers, dir+content.BlocsDir)
	for _, m := range c.Metiers {
		var srcs []string
		for _, bl := range m.Blocs {
			srcs = append(srcs, dir+bl.Pos.File)
		}
		entity(m, m.Pos, srcs, m.Prose, &Data{Kind: "metier", Metier: m,
			Title:       m.Title,
			Description: "Le métier " + m.Title + " : les blocs de compétences, les compétences et les critères d'évaluation qui y préparent.",
			Crumbs:      []Crumb{home, metiers}})
	}
	index("modalites", "Modalités d'évaluation",
		"Comment les compétences sont évaluées : les modalités d'évaluation et les compétences concernées.",
		pathModalites, dir+content.ModalitesFile, dir+content.ModalitesFile)
	for _, m := range matrices(c.Blocs, b.url) {
		title := "Correspondances métiers, blocs et compétences"
		crumbs := []Crumb{home}
		if m.Groups != nil && m.Group > 1 {
			title += " (blocs " + strconv.Itoa(m.FirstNumber) + " à " + strconv.Itoa(m.LastNumber) + ")"
			crumbs = append(crumbs, Crumb{Title: "Correspondances", Path: pathMatrix})
		}
		add(&job{layout: "matrice", source: dir + content.BlocsDir, data: &Data{Kind: "matrice", Title: title, Matrix: m,
			Description: "Tableaux de correspondance entre les métiers visés, les blocs de compétences et les compétences.",
			Path:        matrixPath(m.Group), Crumbs: crumbs}})
	}
	index("recherche", "Rechercher",
		"Rechercher un métier, un bloc, une compétence ou un critère d'évaluation.",
		pathSearch, dir)
	for _, p := range c.Pages {
		layout := "page"
		if p.Layout != "" {
			layout = p.Layout
		}
		j := &job{layout: layout, source: dir + p.Path, pos: p.Pos, sources: []string{dir + p.Path}, body: p, data: &Data{Kind: "page", Page: p,
			Title: p.Title, Description: p.Description, Path: mustPath(p), Crumbs: []Crumb{home}}}
		add(j)
	}
	add(&job{layout: "404", source: b.theme.Dir + "/layouts/404.html", data: &Data{Kind: "404", Title: "Page introuvable", Path: "/404.html"}})
}

// finishData fills in what every page shows and the templates would
// otherwise compute with function calls on every page: the title and
// description with French typography, the page's absolute URL and the URLs
// of its breadcrumbs and of the navigation.
func (b *builder) finishData() {
	link := func(cs []Crumb) {
		for i := range cs {
			cs[i].URL = b.url(cs[i].Path)
		}
	}
	b.site.Title = b.french(b.cfg.Title)
	link(b.site.Nav)
	link(b.site.Pages)
	if d := b.site.Declaration; d != nil {
		d.URL = b.url(d.Path)
	}
	// Pages with the same crumbs share one Trail; a key of the crumbs
	// themselves costs no string building.
	type trailKey struct {
		n      int
		crumbs [4]Crumb
	}
	trails := map[trailKey]*Trail{}
	for _, j := range b.jobs {
		d := j.data
		if len(d.Crumbs) == 0 {
			continue
		}
		k := trailKey{n: len(d.Crumbs)}
		if copy(k.crumbs[:], d.Crumbs) < len(d.Crumbs) {
			d.Trail = &Trail{Crumbs: d.Crumbs} // deeper than any page cursus makes
			continue
		}
		if d.Trail = trails[k]; d.Trail == nil {
			d.Trail = &Trail{Crumbs: d.Crumbs}
			trails[k] = d.Trail
		}
	}
	par.ForEach(len(b.jobs), func(i int) {
		d := b.jobs[i].data
		d.Title = b.french(d.Title)
		d.Description = b.french(d.Description)
		d.URL = b.url(d.Path)
		d.Canonical = b.abs(d.Path)
		d.Chrome = b.site.chrome(d)
		link(d.Crumbs)
	})
}

// attach renders prose written for an entity on the entity's page.
func (b *builder) attach(j *job, p *content.Page) {
	if p == nil {
		return
	}
	j.body = p
	j.data.Page = p
	j.sources = append(j.sources, b.cfg.ContentDir+"/"+p.Path)
}

func mustPath(v any) string {
	p, err := pathOf(v)
	if err != nil {
		panic(err) // only called with entity types pathOf knows
	}
	return p
}
