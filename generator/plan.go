package generator

import (
	"cmp"
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"cursus/generator/content"
	"cursus/generator/diag"
	"cursus/generator/markdown"
	"cursus/generator/msg"
	"cursus/generator/opendata"
	"cursus/generator/render"
	"cursus/generator/search"
	"cursus/internal/par"
)

// plan is the second stage of a build: every page of the site with the data
// its layout receives, and the search index. It is a function of the loaded
// site alone, and writes nothing that it did not make.
type plan struct {
	site  *SiteData
	pages []*page
	// search returns the search index, JSON. A preview's is made when
	// first asked for (Output.Later).
	search func() ([]byte, error)
	// searchFile is where the search index is published.
	searchFile string
	downloads  []download  // open data files (downloads.go)
	ld         *structured // makes the JSON-LD of each page (jsonld.go)

	// While the plan is made (planSite, planPages):
	view     *View
	md       *markdown.Renderer
	errs     diag.List // of the view's texts, reported with the pages'
	made     chan struct{}
	files    [][]opendata.File // open data files, by certification, once made is closed
	filesErr error
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

// planSite plans what every page shares: the view of the model, the
// site's data with the URLs of its navigation, the texts of the view, and
// what makes the structured data of each page as it renders (jsonld.go).
// Meanwhile the open data files are made from the model on a goroutine of
// their own (planPages lists them). The errors of the view's texts wait
// for those of the pages' markdown: planPages reports them all at once.
func planSite(in *loaded) (*plan, error) {
	u := in.urls
	pl := &plan{made: make(chan struct{})}
	go func() {
		defer close(pl.made)
		pl.files, pl.filesErr = openDataFiles(in)
	}()
	pl.view = newView(in.model, u.url, in.french, in.theme.Words)
	site, errs := siteData(in, pl.view)
	if len(errs) > 0 {
		<-pl.made // it keeps its files for the next build: never left running
		errs.Sort()
		return nil, errs
	}
	pl.site = site
	pl.md = markdown.New(markdown.Options{
		Unsafe:             in.cfg.Markup.Unsafe,
		KeepStraightQuotes: in.cfg.Markup.KeepStraightQuotes,
		BasePath:           in.urls.base,
	})
	pl.errs = renderTexts(pl.md, in, pl.view)
	linkSite(u, site)
	// opendata: the og:image, and the structured data.
	if img := in.theme.Assets.Get("og.png"); img != nil {
		site.OGImage = u.abs("/" + img.Path)
	}
	var err error
	if pl.ld, err = newStructured(u, site); err != nil {
		<-pl.made
		return nil, err
	}
	// A preview's search index keeps one name: it is made when a browser
	// asks for it. That of a full build is named after its content
	// (planPages).
	if in.preview {
		pl.searchFile = "assets/search-index.json"
		site.SearchIndex = u.url("/" + pl.searchFile)
	}
	return pl, nil
}

// planPages plans every page: its data and markdown, the open data files
// listed where pages show them, and the search index.
func (pl *plan) planPages(in *loaded) error {
	u, site := in.urls, pl.site
	pl.pages = pagesOf(in, pl.view, nil)
	for _, p := range pl.pages {
		p.data.Site = site
	}
	errs := append(renderMarkdown(pl.md, pl.pages), pl.errs...)
	<-pl.made
	if len(errs) > 0 {
		errs.Sort()
		return errs
	}
	if pl.filesErr != nil {
		return pl.filesErr
	}
	// opendata: the downloads, listed before the pages that show them.
	pl.downloads = listDownloads(in, pl.view, pl.files)
	// The search index names the file of a full build, which every page
	// links to: it is made before they render.
	if in.preview {
		pages := pl.pages
		pl.search = func() ([]byte, error) { return searchIndex(in, pages) }
	} else {
		data, err := searchIndex(in, pl.pages)
		if err != nil {
			return err
		}
		pl.search = func() ([]byte, error) { return data, nil }
		pl.searchFile = fingerprint("assets/search-index.json", data)
		site.SearchIndex = u.url("/" + pl.searchFile)
	}
	finishData(u, in.french, site, pl.pages)
	return nil
}

// downloadsShown are the kinds of page whose bundled layout shows the
// sizes of the open data files.
var downloadsShown = map[string]bool{"certification": true, "home": true, "donnees": true}

// firstPages plans the pages of files alone, as planPages will, before it:
// the pages open in a browser, which the dev server shows first
// (Incremental.BuildFirst). It makes the pages of the certifications they
// are in only, and waits for the open data files only when a page may
// show their sizes: one whose layout is not the bundled theme's
// (keyedLayouts), or of downloadsShown. A page whose markdown fails is
// left out: planPages reports it.
func (pl *plan) firstPages(in *loaded, files []string) []*page {
	want := map[string]bool{}
	for _, f := range files {
		want[f] = true
	}
	holds := func(c *content.Certification) bool {
		for _, f := range files {
			if strings.HasPrefix("/"+f, c.Prefix()+"/") {
				return true
			}
		}
		return false
	}
	var pages []*page
	for _, p := range pagesOf(in, pl.view, holds) {
		if want[p.file()] {
			p.data.Site = pl.site
			pages = append(pages, p)
		}
	}
	renderMarkdown(pl.md, pages) // its errors: planPages reports them
	pages = slices.DeleteFunc(pages, func(p *page) bool { return p.body != nil && p.md == nil })
	layouts := keyedLayouts(in.theme)
	if slices.ContainsFunc(pages, func(p *page) bool {
		return !layouts[p.layout] || p.layout != p.data.Kind || downloadsShown[p.data.Kind]
	}) {
		<-pl.made
		if pl.filesErr != nil {
			return nil
		}
		listDownloads(in, pl.view, pl.files)
	}
	finishData(in.urls, in.french, pl.site, pages)
	return pages
}

// siteData builds what every page shares. The menu of config.toml may
// name a page that does not exist: the error is at its line.
func siteData(in *loaded, view *View) (*SiteData, diag.List) {
	w := in.theme.Words
	s := &SiteData{Title: in.french(in.cfg.Title), Config: in.cfg, Content: view}
	s.Brand.Name = in.french(cmp.Or(in.cfg.Brand.Name, in.cfg.Title))
	if logo := in.cfg.Brand.Logo; logo != "" {
		s.Brand.Logo = in.urls.url("/" + in.theme.Assets.Get(logo).Path)
	}
	var errs diag.List
	switch {
	case len(in.cfg.Menu) > 0:
		s.Nav, errs = configNav(in)
	case view.Several:
		s.Nav = []Crumb{
			{Title: w.T("nav_certifications"), Path: "/"},
			{Title: w.T("nav_metiers"), Path: content.PathMetiers},
		}
	default:
		s.Nav = certNav(in.model.Certifications[0], w)
		s.Nav = append([]Crumb{{Title: w.T("nav_metiers"), Path: content.PathMetiers}}, s.Nav...)
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
		if c.Path != "" {
			s.navigates[c.Path] = true
		}
	}
	return s, errs
}

// configNav is the menu config.toml writes: pages by slug, URLs of the
// site or elsewhere. An address elsewhere has no site path, only a URL.
func configNav(in *loaded) ([]Crumb, diag.List) {
	var nav []Crumb
	var errs diag.List
	for i, m := range in.cfg.Menu {
		if m.URL != "" {
			c := Crumb{Title: in.french(m.Label), Path: m.URL}
			if !strings.HasPrefix(m.URL, "/") {
				c = Crumb{Title: c.Title, URL: m.URL}
			}
			nav = append(nav, c)
			continue
		}
		j := slices.IndexFunc(in.model.Pages, func(p *content.Page) bool { return p.Slug == m.Page })
		if j < 0 {
			errs.Add(in.cfg.Pos("menu["+strconv.Itoa(i)+"].page"), "%s", msg.Of(in.cfg.LanguageCode).F(msg.MenuPage, m.Page, in.cfg.ContentDir))
			continue
		}
		p := in.model.Pages[j]
		nav = append(nav, Crumb{Title: in.french(cmp.Or(m.Label, p.Title)), Path: p.SitePath()})
	}
	return nav, errs
}

// certNav is the navigation among the pages of a certification.
func certNav(c *content.Certification, w *render.Words) []Crumb {
	return []Crumb{
		{Title: w.T("nav_blocs"), Path: c.BlocsPath()},
		{Title: w.T("nav_competences"), Path: c.CompetencesPath()},
		{Title: w.T("nav_evaluation"), Path: c.ModalitesPath()},
		{Title: w.T("nav_correspondances"), Path: c.MatrixPath()},
	}
}

// pagesOf lists every HTML page of the site, in a fixed order; of the
// certifications, only those only keeps, when it is not nil.
func pagesOf(in *loaded, v *View, only func(*content.Certification) bool) []*page {
	c := in.model
	dir := in.cfg.ContentDir + "/"
	w := in.theme.Words
	home := Crumb{Title: w.T("home"), Path: "/"}
	if c.Several {
		home.Title = w.T("nav_certifications")
	}
	metiers := Crumb{Title: w.T("nav_metiers"), Path: content.PathMetiers}
	var pages []*page
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
	homePage := &page{layout: "home", source: dir + "index.md", data: &Data{Kind: "home", Title: in.cfg.Title, Description: in.cfg.Description, Path: "/", Page: v.Home, Certification: v.Certification}}
	if c.Home != nil {
		homePage.body = c.Home
		homePage.sources = []string{dir + c.Home.Path}
		if c.Home.Description != "" {
			homePage.data.Description = c.Home.Description
		}
	}
	if !c.Several {
		homePage.sources = append(homePage.sources, dir+content.CertificationFile)
	}
	pages = append(pages, homePage)
	certs := make([][]*page, len(c.Certifications))
	par.ForEach(len(certs), func(i int) {
		if only == nil || only(c.Certifications[i]) {
			certs[i] = certPages(in, v, c.Certifications[i], v.Certifications[i], home)
		}
	})
	for _, list := range certs {
		pages = append(pages, list...)
	}
	if c.Several {
		pages = append(pages, choicePages(in, home)...)
	}
	pages = append(pages, &page{layout: "metiers", source: dir + content.BlocsDir, sources: []string{dir + content.BlocsDir}, data: &Data{Kind: "metiers",
		Title:       w.T("metiers_title"),
		Description: w.T("metiers_description"),
		Path:        content.PathMetiers, Crumbs: []Crumb{home}}})
	for i, m := range c.Metiers {
		var srcs []string
		for _, bl := range m.Blocs {
			srcs = append(srcs, dir+bl.Pos.File)
		}
		if m.Prose != nil && len(srcs) == 0 {
			srcs = []string{dir + m.Prose.Path}
		}
		entity(m.Path(), m.Pos, srcs, m.Prose, &Data{Kind: "metier", Metier: v.Metiers[i],
			Title:       m.Title,
			Description: w.T("metier_description", "title", m.Title),
			Crumbs:      []Crumb{home, metiers}})
	}
	pages = append(pages, &page{layout: "recherche", source: dir, sources: []string{dir}, data: &Data{Kind: "recherche", Title: w.T("search_title"),
		Description: w.T("search_description"),
		Path:        content.PathSearch, Crumbs: []Crumb{home}}})
	for i, p := range c.Pages {
		layout := "page"
		if p.Layout != "" {
			layout = p.Layout
		}
		pages = append(pages, &page{layout: layout, source: dir + p.Path, pos: p.Pos, sources: []string{dir + p.Path}, body: p,
			data: &Data{Kind: "page", Page: v.Pages[i], Title: p.Title, Description: p.Description, Path: p.SitePath(), Crumbs: []Crumb{home}}})
	}
	if p := openDataPage(in, home); p != nil { // opendata
		pages = append(pages, p)
	}
	pages = append(pages, &page{layout: "404", source: in.theme.File("404"), data: &Data{Kind: "404", Title: w.T("notfound_title"), Path: "/404.html"}})
	return pages
}

// choicePages keeps the URLs of a site with one certification (/blocs/,
// /competences/, /modalites/, /matrice/) on a site with several: each
// lists the certifications' pages of its kind. Links written for one
// certification, and bookmarks, still lead somewhere when a second one is
// added.
func choicePages(in *loaded, home Crumb) []*page {
	dir := in.cfg.ContentDir + "/"
	w := in.theme.Words
	kinds := []struct {
		title, path string
		of          func(*content.Certification) string
	}{
		{w.T("blocs_title"), content.PathBlocs, (*content.Certification).BlocsPath},
		{w.T("nav_competences"), content.PathCompetences, (*content.Certification).CompetencesPath},
		{w.T("modalites_title"), content.PathModalites, (*content.Certification).ModalitesPath},
		{w.T("matrice_title"), content.PathMatrix, (*content.Certification).MatrixPath},
	}
	var pages []*page
	for _, k := range kinds {
		d := &Data{Kind: "choix", Title: k.title, Path: k.path, Crumbs: []Crumb{home},
			Description: w.T("choice_description", "title", k.title)}
		for _, ce := range in.model.Certifications {
			d.Choices = append(d.Choices, Crumb{Title: in.french(ce.Title), Path: k.of(ce)})
		}
		pages = append(pages, &page{layout: "choix", source: dir + content.CertificationsDir, sources: []string{dir + content.CertificationsDir}, data: d})
	}
	return pages
}

// certPages lists the pages of one certification: its home when the site
// has several, its blocs, compétences, modalités and correspondences.
func certPages(in *loaded, v *View, ce *content.Certification, vc *Certification, home Crumb) []*page {
	dir := in.cfg.ContentDir + "/"
	certDir := dir + ce.Dir
	if ce.Dir != "" {
		certDir += "/"
	}
	w := in.theme.Words
	var pages []*page
	top := []Crumb{home}
	if ce.Slug != "" {
		top = append(top, Crumb{Title: vc.Name, Path: ce.Path()})
		p := &page{layout: "certification", source: ce.Pos.File, sources: []string{dir + ce.Pos.File}, data: &Data{Kind: "certification",
			Title: ce.Title, Description: ce.Summary, Path: ce.Path(), Crumbs: []Crumb{home}}}
		if p.data.Description == "" {
			p.data.Description = w.T("certification_description", "title", ce.Title)
		}
		p.source = dir + ce.Pos.File
		if ce.Home != nil {
			p.body = ce.Home
			p.sources = append(p.sources, dir+ce.Home.Path)
		}
		pages = append(pages, p)
	}
	index := func(kind, title, description, path, source string, sources ...string) {
		pages = append(pages, &page{layout: kind, source: source, sources: sources, data: &Data{Kind: kind, Title: title,
			Description: description, Path: path, Crumbs: slices.Clone(top)}}) // finishData writes each page's crumbs in parallel
	}
	entity := func(path string, pos diag.Pos, prose *content.Page, d *Data) {
		d.Path = path
		p := &page{layout: d.Kind, source: dir + pos.File, pos: pos, sources: []string{dir + pos.File}, data: d}
		if prose != nil {
			p.body = prose
			p.sources = append(p.sources, dir+prose.Path)
		}
		pages = append(pages, p)
	}
	blocs := Crumb{Title: w.T("blocs_title"), Path: ce.BlocsPath()}
	index("blocs", w.T("blocs_title"), w.T("blocs_description"),
		ce.BlocsPath(), certDir+content.BlocsDir)
	for i, bl := range ce.Blocs {
		entity(bl.Path(), bl.Pos, bl.Prose, &Data{Kind: "bloc", Bloc: vc.Blocs[i],
			Title:       w.T("bloc_title", "number", strconv.Itoa(bl.Number), "title", bl.Title),
			Description: w.T("bloc_description", "number", strconv.Itoa(bl.Number), "title", bl.Title),
			Crumbs:      append(slices.Clip(top), blocs)})
	}
	index("competences", w.T("competences_title"), w.T("competences_description"),
		ce.CompetencesPath(), certDir+content.BlocsDir)
	for i, co := range ce.Competences {
		x := vc.Competences[i]
		entity(co.Path(), co.Pos, co.Prose, &Data{Kind: "competence", Competence: x, Bloc: x.Bloc,
			Title:       w.T("competence_title", "id", co.ID, "label", co.Label),
			Description: co.Text,
			Crumbs:      append(slices.Clip(top), blocs, Crumb{Title: w.T("bloc_crumb", "number", strconv.Itoa(co.Bloc.Number)), Path: co.Bloc.Path()})})
	}
	modSrc := certDir + content.ModalitesFile
	if ce.Dir != "" && !slices.ContainsFunc(ce.Modalites, func(m *content.Modalite) bool { return m.Cert == ce }) {
		modSrc = dir + content.ModalitesFile
	}
	index("modalites", w.T("modalites_title"), w.T("modalites_description"),
		ce.ModalitesPath(), modSrc, modSrc)
	for _, m := range matrices(vc.Blocs, ce.Prefix(), in.urls.url, w) {
		title := w.T("matrice_title")
		crumbs := top
		if m.Groups != nil && m.Group > 1 {
			title = w.T("matrice_part_title", "title", title, "first", strconv.Itoa(m.FirstNumber), "last", strconv.Itoa(m.LastNumber))
			crumbs = append(slices.Clip(top), Crumb{Title: w.T("nav_correspondances"), Path: ce.MatrixPath()})
		}
		pages = append(pages, &page{layout: "matrice", source: certDir + content.BlocsDir, data: &Data{Kind: "matrice", Title: title, Matrix: m,
			Description: w.T("matrice_description"),
			Path:        matrixPath(ce.Prefix(), m.Group), Crumbs: crumbs}})
	}
	// The booklet: the whole référentiel on one page, to print. A theme
	// without its layout makes none.
	if booklet := certDir + content.BlocsDir; in.theme.Has("livret") {
		index("livret", w.T("booklet_title"), w.T("booklet_description"), ce.BookletPath(), booklet, booklet)
	}
	for _, p := range pages {
		p.data.Certification = vc
	}
	return pages
}

// renderMarkdown renders the markdown of every page: the search index and
// the link check need it before the pages render.
func renderMarkdown(md *markdown.Renderer, pages []*page) diag.List {
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

// renderTexts renders the markdown texts of the data files into the view:
// the fiche of each certification, the evaluation text of each bloc.
func renderTexts(md *markdown.Renderer, in *loaded, v *View) diag.List {
	type job struct {
		text content.Text
		into *template.HTML
	}
	var jobs []job
	for i, c := range in.model.Certifications {
		x := v.Certifications[i]
		into := []*template.HTML{&x.Objectifs, &x.Activites, &x.Capacites, &x.Secteurs, &x.Emplois, &x.Prerequis, &x.VoiesAcces, &x.Obtention}
		for j, t := range c.Texts() {
			jobs = append(jobs, job{t, into[j]})
		}
		jobs = append(jobs, job{c.Admission, &x.Admission}, job{c.Contact, &x.Contact})
	}
	for i, b := range in.model.Blocs {
		jobs = append(jobs, job{b.Evaluation, &v.Blocs[i].Evaluation})
	}
	errs := make([]error, len(jobs))
	dir := in.cfg.ContentDir + "/"
	par.ForEach(len(jobs), func(i int) {
		t := jobs[i].text
		if strings.TrimSpace(t.Markdown) == "" {
			return
		}
		r, err := md.Render([]byte(t.Markdown), t.Pos.Line)
		if err != nil {
			errs[i] = diag.Prefix(diag.Pos{File: dir + t.Pos.File, Line: t.Pos.Line}, err)
			return
		}
		*jobs[i].into = template.HTML(r.HTML)
	})
	var list diag.List
	for _, err := range errs {
		list.AddErr(diag.Pos{}, err)
	}
	return list
}

// searchIndex makes the search index from the model and the pages'
// markdown. It reads what the plan made and writes nothing of it, and
// shares nothing with the builds after: a preview's runs when a browser
// asks for it, maybe while the next build runs.
func searchIndex(in *loaded, pages []*page) ([]byte, error) {
	mdOf := map[*content.Page]*markdown.Rendered{}
	for _, p := range pages {
		if p.body != nil {
			mdOf[p.body] = p.md
		}
	}
	ix, err := search.Build(in.model, search.Options{
		URL: func(v any) string {
			p, _ := pathOf(v) // never fails for entities
			return in.urls.url(p)
		},
		French: markdown.French, // not in.french, whose memo the next build takes
		PageText: func(p *content.Page) (string, error) {
			if md := mdOf[p]; md != nil {
				return search.PlainText(md.HTML), nil
			}
			return "", nil
		},
	})
	if err != nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	data, err := ix.JSON() // compact already: no minifier pass
	if err != nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	return data, nil
}

// finishData fills in what every page shows and the templates would
// otherwise compute with function calls on every page: the title and
// description with French typography, the page's absolute URL and the URLs
// of its breadcrumbs and of the navigation.
func finishData(u urls, fr func(string) string, site *SiteData, pages []*page) {
	link := func(cs []Crumb) { linkCrumbs(u, cs) }
	// Pages with the same crumbs share one Trail. Crumbs get their URLs
	// here, on one goroutine: pages may share a slice of them.
	trails := map[string]*Trail{}
	for _, p := range pages {
		d := p.data
		link(d.Choices)
		if len(d.Crumbs) == 0 {
			continue
		}
		// Here, not on every core below: pages share the arrays of
		// their crumbs, and two goroutines would write the same URL.
		link(d.Crumbs)
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
	})
}

// linkSite gives the navigation of the site and its footer their URLs.
func linkSite(u urls, site *SiteData) {
	linkCrumbs(u, site.Nav)
	linkCrumbs(u, site.Pages)
	if d := site.Declaration; d != nil {
		d.URL = u.url(d.Path)
	}
}

func linkCrumbs(u urls, cs []Crumb) {
	for i := range cs {
		if cs[i].Path != "" { // else an address elsewhere, its URL as written
			cs[i].URL = u.url(cs[i].Path)
		}
	}
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
