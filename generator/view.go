package generator

import (
	"html/template"
	"slices"
	"strconv"
	"strings"
	"time"

	"cursus/generator/content"
	"cursus/generator/render"
	"cursus/internal/par"
)

// The view is the model as pages show it: the same entities and links as
// the content model, each with its URL under the base path and its texts
// with French typography. The plan makes it once per build from the
// content model, which is never written after loading; templates read its
// fields ({{.URL}}, {{.Label}}) rather than calling url and fr on every
// page, because a template function call costs about ten allocations
// through reflection and the lists of a large site make hundreds of
// thousands of them.

// View is the whole model for display: Data.Site.Content.
type View struct {
	// Several is true when the site has several certifications, each with
	// its own pages, and a catalogue at its home.
	Several        bool
	Certifications []*Certification
	// Certification is the site's one certification, nil when it has
	// several.
	Certification *Certification
	Blocs         []*Bloc       // of every certification
	Competences   []*Competence // of every certification
	Metiers       []*Metier
	MetiersByName []*Metier // alphabetical, for the index of a site with several certifications
	Modalites     []*Modalite
	Pages         []*Page
	Home          *Page
	criteria      int
}

// Criteria counts the critères of every compétence.
func (v *View) Criteria() int { return v.criteria }

// Certification is a certification as pages show it, with its identity.
type Certification struct {
	Slug, Title, RNCP, Summary, URL string
	Name                            string // the title after the abrégé's code: "TP Administrateur…"
	Abrege                          content.Code
	Level                           int
	LevelLabel                      string // the diploma the niveau matches: "bac+3/4"
	Etat                            string
	Inactive                        bool   // actif = false
	DateEffet, DateFin              string // dd/mm/yyyy, "" when unknown
	Ended                           bool   // DateFin is past
	FicheURL, CriteresURL           string
	Anciennes, Nouvelles            []string
	Certificateurs                  []content.Certificateur
	NSF, Formacodes, ROME           []Code
	// The fiche's texts, markdown rendered by the plan.
	Objectifs, Activites, Capacites, Secteurs, Emplois, Prerequis, VoiesAcces, Obtention template.HTML
	Options                                                                              []*Option
	Blocs                                                                                []*Bloc
	Competences                                                                          []*Competence
	Modalites                                                                            []*Modalite
	Metiers                                                                              []*Metier // those its blocs lead to, in order
	Criteria                                                                             int
	// URLs of its pages.
	BlocsURL, CompetencesURL, ModalitesURL, MatrixURL, BookletURL string
	// Nav links its pages: the main navigation of a site with one
	// certification, the certification's own on a site with several.
	Nav []Crumb
	// Downloads are the certification's open data files (downloads.go).
	Downloads []Download
	// HasFiche is true when the certification has any field of its fiche
	// beyond its title and summary, prérequis and voies d'accès aside
	// (they are the admission's).
	HasFiche bool
	// What the school says beyond the fiche: durée and rythme as written,
	// admission and contact rendered by the plan.
	Duree, Rythme      string
	Admission, Contact template.HTML
	// HasAdmission is true when there is anything to say of entering the
	// programme: durée, rythme, prérequis, voies d'accès, admission, contact.
	HasAdmission bool
	path         string
}

// Code is an official code with its label, and a link when there is one
// (France Travail's fiche métier for a code ROME).
type Code struct{ Code, Libelle, URL string }

// Option is a group of blocs of which a candidate takes Choose.
type Option struct {
	ID, Label string
	Choose    int
	Blocs     []*Bloc
}

// Bloc is a bloc de compétences as pages show it.
type Bloc struct {
	ID, Title, Label, Slug, URL string
	Number                      int
	Code                        string
	Optional                    bool
	Option                      *Option
	Evaluation                  template.HTML // its own evaluation text, rendered
	Cert                        *Certification
	Activities                  []string
	Metiers                     []*Metier
	Modalites                   []*Modalite
	Competences                 []*Competence
	path                        string
}

// Name returns the label to show for the bloc in navigation.
func (b *Bloc) Name() string {
	if b.Label != "" {
		return b.Label
	}
	return b.Title
}

// Competence is a compétence as pages show it.
type Competence struct {
	ID, Number, Label, Text, Slug, URL string
	Bloc                               *Bloc
	Index                              int
	Criteria                           []Criterion
	Modalites                          []*Modalite
	Own                                bool // Modalites were declared on the compétence itself
	Metiers                            []*Metier
	Prev, Next                         *Competence
	path                               string
}

// Criterion is one critère d'évaluation.
type Criterion struct{ Text string }

// Metier is a métier as pages show it.
type Metier struct {
	ID, Title, Slug, URL string
	ROME                 []Code
	Onisep               string
	Blocs                []*Bloc
	Competences          []*Competence
	// ByCert groups its blocs by certification, in site order.
	ByCert []MetierCert
	path   string
}

// MetierCert is the blocs of one certification that lead to a métier.
type MetierCert struct {
	Cert  *Certification
	Blocs []*Bloc
}

// Modalite is a modalité d'évaluation as the pages of one certification
// show it: a shared modalité has one view per certification citing it.
type Modalite struct {
	ID, Name, Detail, Slug, URL string
	Blocs                       []*Bloc
	Competences                 []*Competence
	path                        string
}

// Page is a markdown page as links and lists show it.
type Page struct {
	Title, Description, Slug, URL string
	path                          string
}

func (c *Certification) sitePath() string { return c.path }
func (b *Bloc) sitePath() string          { return b.path }
func (c *Competence) sitePath() string    { return c.path }
func (m *Metier) sitePath() string        { return m.path }
func (m *Modalite) sitePath() string      { return m.path }
func (p *Page) sitePath() string          { return p.path }

// romeURL is France Travail's fiche métier of a code ROME.
func romeURL(code string) string {
	return "https://candidat.francetravail.fr/metierscope/fiche-metier/" + code
}

// viewMaker makes the view: the maps from entities to their views.
type viewMaker struct {
	url, fr   func(string) string
	words     *render.Words
	certs     map[*content.Certification]*Certification
	blocs     map[*content.Bloc]*Bloc
	comps     map[*content.Competence]*Competence
	metiers   map[*content.Metier]*Metier
	modalites map[certModalite]*Modalite
}

type certModalite struct {
	c *content.Certification
	m *content.Modalite
}

// newView makes the view of the content model c. url puts a site path under
// the base path; fr gives a text its French typography.
func newView(c *content.Site, url func(string) string, fr func(string) string, w *render.Words) *View {
	v := &View{Several: c.Several, criteria: c.Criteria()}
	vm := &viewMaker{url: url, fr: fr, words: w,
		certs:     make(map[*content.Certification]*Certification, len(c.Certifications)),
		blocs:     make(map[*content.Bloc]*Bloc, len(c.Blocs)),
		comps:     make(map[*content.Competence]*Competence, len(c.Competences)),
		metiers:   make(map[*content.Metier]*Metier, len(c.Metiers)),
		modalites: map[certModalite]*Modalite{},
	}
	// Entities first, links between them after: they point at each other.
	for _, ce := range c.Certifications {
		x := vm.certification(ce)
		vm.certs[ce] = x
		v.Certifications = append(v.Certifications, x)
	}
	if !c.Several {
		v.Certification = v.Certifications[0]
	}
	// Blocs and compétences, most of the texts to set in French
	// typography, are made on every core.
	v.Blocs = make([]*Bloc, len(c.Blocs))
	par.ForEach(len(c.Blocs), func(i int) {
		b := c.Blocs[i]
		x := &Bloc{ID: b.ID, Number: b.Number, Title: fr(b.Title), Label: fr(b.Label), Slug: b.Slug, URL: url(b.Path()), path: b.Path(),
			Code: b.Code, Optional: b.Optional, Cert: vm.certs[b.Cert]}
		for _, a := range b.Activities {
			x.Activities = append(x.Activities, fr(a))
		}
		v.Blocs[i] = x
	})
	for i, b := range c.Blocs {
		vm.blocs[b] = v.Blocs[i]
	}
	v.Competences = make([]*Competence, len(c.Competences))
	par.ForEach(len(c.Competences), func(i int) {
		co := c.Competences[i]
		x := &Competence{ID: co.ID, Number: co.Number, Label: fr(co.Label), Text: fr(co.Text), Slug: co.Slug, URL: url(co.Path()),
			Index: co.Index, Own: co.Own, path: co.Path()}
		for _, cr := range co.Criteria {
			x.Criteria = append(x.Criteria, Criterion{Text: fr(cr.Text)})
		}
		v.Competences[i] = x
	})
	for i, co := range c.Competences {
		vm.comps[co] = v.Competences[i]
	}
	for _, m := range c.Metiers {
		x := &Metier{ID: m.ID, Title: fr(m.Title), Slug: m.Slug, URL: url(m.Path()), path: m.Path(), Onisep: m.Onisep}
		vm.metiers[m] = x
		v.Metiers = append(v.Metiers, x)
	}
	for _, ce := range c.Certifications {
		for _, m := range ce.Modalites {
			x := &Modalite{ID: m.ID, Name: fr(m.Name), Detail: fr(m.Detail), Slug: m.Slug, URL: url(m.PathIn(ce)), path: m.PathIn(ce)}
			vm.modalites[certModalite{ce, m}] = x
			v.Modalites = append(v.Modalites, x)
		}
	}
	vm.link(c)
	v.MetiersByName = slices.Clone(v.Metiers)
	fold := make(map[*Metier]string, len(v.Metiers))
	for _, m := range v.Metiers {
		fold[m] = content.Fold(m.Title)
	}
	slices.SortStableFunc(v.MetiersByName, func(a, b *Metier) int { return strings.Compare(fold[a], fold[b]) })
	page := func(p *content.Page) *Page {
		return &Page{Title: fr(p.Title), Description: fr(p.Description), Slug: p.Slug, URL: url(p.SitePath()), path: p.SitePath()}
	}
	for _, p := range c.Pages {
		v.Pages = append(v.Pages, page(p))
	}
	if c.Home != nil {
		v.Home = page(c.Home)
	}
	return v
}

// certification makes the view of a certification, without its links.
func (vm *viewMaker) certification(c *content.Certification) *Certification {
	fr, url := vm.fr, vm.url
	x := &Certification{Slug: c.Slug, Title: fr(c.Title), RNCP: c.RNCP, Summary: fr(c.Summary), URL: url(c.Path()), path: c.Path(),
		Abrege: content.Code{Code: c.Abrege.Code, Libelle: fr(c.Abrege.Libelle)}, Level: c.Level, Etat: c.Etat,
		Inactive: c.Actif != nil && !*c.Actif, FicheURL: c.FicheURL, CriteresURL: c.CriteresURL,
		Anciennes: c.Anciennes, Nouvelles: c.Nouvelles, Criteria: c.Criteria(),
		BlocsURL: url(c.BlocsPath()), CompetencesURL: url(c.CompetencesPath()), ModalitesURL: url(c.ModalitesPath()), MatrixURL: url(c.MatrixPath()),
		BookletURL: url(c.BookletPath()),
	}
	for _, k := range c.Certificateurs {
		x.Certificateurs = append(x.Certificateurs, content.Certificateur{Nom: fr(k.Nom), SIRET: k.SIRET})
	}
	x.Name = x.Title
	if code := c.Abrege.Code; code != "" && !strings.HasPrefix(c.Title, code) {
		x.Name = code + " " + x.Title
	}
	x.Nav = certNav(c, vm.words)
	for i := range x.Nav {
		x.Nav[i].URL = url(x.Nav[i].Path)
	}
	// The diploma each niveau of the national framework matches, in the
	// theme's words (level_label_3 "CAP, BEP" to level_label_8 "doctorat").
	if key := "level_label_" + strconv.Itoa(c.Level); vm.words.Has(key) {
		x.LevelLabel = vm.words.T(key)
	}
	if !c.DateEffet.IsZero() {
		x.DateEffet = c.DateEffet.Format("02/01/2006")
	}
	if !c.DateFin.IsZero() {
		x.DateFin = c.DateFin.Format("02/01/2006")
		x.Ended = c.DateFin.Before(time.Now())
	}
	codes := func(list []content.Code, link func(string) string) []Code {
		var out []Code
		for _, e := range list {
			k := Code{Code: e.Code, Libelle: fr(e.Libelle)}
			if link != nil {
				k.URL = link(e.Code)
			}
			out = append(out, k)
		}
		return out
	}
	x.NSF, x.Formacodes, x.ROME = codes(c.NSF, nil), codes(c.Formacodes, nil), codes(c.ROME, romeURL)
	x.HasFiche = c.RNCP != "" || c.Abrege.Code != "" || c.Level > 0 || c.Etat != "" || c.Actif != nil ||
		x.DateEffet != "" || x.DateFin != "" || c.FicheURL != "" || len(c.Anciennes)+len(c.Nouvelles)+len(c.Certificateurs)+len(c.NSF)+len(c.Formacodes)+len(c.ROME) > 0
	for _, t := range []content.Text{c.Objectifs, c.Activites, c.Capacites, c.Secteurs, c.Emplois, c.Obtention} {
		x.HasFiche = x.HasFiche || strings.TrimSpace(t.Markdown) != ""
	}
	x.Duree, x.Rythme = fr(c.Duree), fr(c.Rythme)
	x.HasAdmission = c.Duree != "" || c.Rythme != ""
	for _, t := range []content.Text{c.Prerequis, c.VoiesAcces, c.Admission, c.Contact} {
		x.HasAdmission = x.HasAdmission || strings.TrimSpace(t.Markdown) != ""
	}
	return x
}

// link sets the links between the views.
func (vm *viewMaker) link(c *content.Site) {
	libelles := map[string]string{} // code ROME → libellé, from the certifications' fiches
	for _, ce := range c.Certifications {
		x := vm.certs[ce]
		x.Blocs = mapAll(ce.Blocs, vm.blocs)
		x.Competences = mapAll(ce.Competences, vm.comps)
		seen := map[*content.Metier]bool{}
		for _, b := range ce.Blocs {
			for _, m := range b.Metiers {
				if !seen[m] {
					seen[m] = true
					x.Metiers = append(x.Metiers, vm.metiers[m])
				}
			}
		}
		for _, m := range ce.Modalites {
			x.Modalites = append(x.Modalites, vm.modalites[certModalite{ce, m}])
		}
		for _, o := range ce.Options {
			x.Options = append(x.Options, &Option{ID: o.ID, Label: vm.fr(o.Label), Choose: o.Choose, Blocs: mapAll(o.Blocs, vm.blocs)})
		}
		for _, r := range x.ROME {
			libelles[r.Code] = r.Libelle
		}
	}
	for _, b := range c.Blocs {
		x := vm.blocs[b]
		x.Metiers = mapAll(b.Metiers, vm.metiers)
		x.Modalites = vm.modalitesIn(b.Cert, b.Modalites)
		x.Competences = mapAll(b.Competences, vm.comps)
		if b.Option != nil {
			for _, o := range x.Cert.Options {
				if o.ID == b.Option.ID {
					x.Option = o
				}
			}
		}
	}
	for _, co := range c.Competences {
		x := vm.comps[co]
		x.Bloc = vm.blocs[co.Bloc]
		x.Modalites = vm.modalitesIn(co.Bloc.Cert, co.Modalites)
		x.Metiers = mapAll(co.Metiers, vm.metiers)
		x.Prev, x.Next = vm.comps[co.Prev], vm.comps[co.Next]
	}
	for _, m := range c.Metiers {
		x := vm.metiers[m]
		x.Blocs = mapAll(m.Blocs, vm.blocs)
		x.Competences = mapAll(m.Competences, vm.comps)
		for _, b := range x.Blocs {
			if n := len(x.ByCert); n > 0 && x.ByCert[n-1].Cert == b.Cert {
				x.ByCert[n-1].Blocs = append(x.ByCert[n-1].Blocs, b)
			} else {
				x.ByCert = append(x.ByCert, MetierCert{Cert: b.Cert, Blocs: []*Bloc{b}})
			}
		}
		for _, code := range m.ROME {
			x.ROME = append(x.ROME, Code{Code: code, Libelle: libelles[code], URL: romeURL(code)})
		}
	}
	for key, x := range vm.modalites {
		for _, b := range key.m.Blocs {
			if b.Cert == key.c {
				x.Blocs = append(x.Blocs, vm.blocs[b])
			}
		}
		for _, co := range key.m.Competences {
			if co.Bloc.Cert == key.c {
				x.Competences = append(x.Competences, vm.comps[co])
			}
		}
	}
}

// modalitesIn returns the views of modalités as certification c shows them.
func (vm *viewMaker) modalitesIn(c *content.Certification, list []*content.Modalite) []*Modalite {
	if list == nil {
		return nil
	}
	out := make([]*Modalite, len(list))
	for i, m := range list {
		out[i] = vm.modalites[certModalite{c, m}]
	}
	return out
}

// mapAll returns the views of a list of entities.
func mapAll[K comparable, V any](list []K, views map[K]V) []V {
	if list == nil {
		return nil
	}
	out := make([]V, len(list))
	for i, k := range list {
		out[i] = views[k]
	}
	return out
}
