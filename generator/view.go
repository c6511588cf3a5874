package generator

import (
	"cursus/generator/content"
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
	Certification Certification
	Blocs         []*Bloc
	Competences   []*Competence
	Metiers       []*Metier
	Modalites     []*Modalite
	Pages         []*Page
	Home          *Page
	criteria      int
}

// Criteria counts the critères of every compétence.
func (v *View) Criteria() int { return v.criteria }

// Certification is the credential the référentiel describes.
type Certification struct {
	Title, RNCP, Level, Summary string
}

// Bloc is a bloc de compétences as pages show it.
type Bloc struct {
	ID, Title, Label, Slug, URL string
	Number                      int
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
	ID, Label, Text, Slug, URL string
	Bloc                       *Bloc
	Index                      int
	Criteria                   []Criterion
	Modalites                  []*Modalite
	Own                        bool // Modalites were declared on the compétence itself
	Metiers                    []*Metier
	Prev, Next                 *Competence
	path                       string
}

// Criterion is one critère d'évaluation.
type Criterion struct{ Text string }

// Metier is a métier as pages show it.
type Metier struct {
	ID, Title, Slug, URL string
	Blocs                []*Bloc
	Competences          []*Competence
	path                 string
}

// Modalite is a modalité d'évaluation as pages show it.
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

func (b *Bloc) sitePath() string       { return b.path }
func (c *Competence) sitePath() string { return c.path }
func (m *Metier) sitePath() string     { return m.path }
func (m *Modalite) sitePath() string   { return m.path }
func (p *Page) sitePath() string       { return p.path }

// newView makes the view of the content model c. url puts a site path under
// the base path; fr gives a text its French typography.
func newView(c *content.Site, url func(string) string, fr func(string) string) *View {
	v := &View{
		Certification: Certification{Title: fr(c.Certification.Title), RNCP: c.Certification.RNCP,
			Level: c.Certification.Level, Summary: fr(c.Certification.Summary)},
		criteria: c.Criteria(),
	}
	blocs := make(map[*content.Bloc]*Bloc, len(c.Blocs))
	comps := make(map[*content.Competence]*Competence, len(c.Competences))
	metiers := make(map[*content.Metier]*Metier, len(c.Metiers))
	modalites := make(map[*content.Modalite]*Modalite, len(c.Modalites))
	// Entities first, links between them after: they point at each other.
	for _, b := range c.Blocs {
		x := &Bloc{ID: b.ID, Number: b.Number, Title: fr(b.Title), Label: fr(b.Label), Slug: b.Slug, URL: url(b.Path()), path: b.Path()}
		for _, a := range b.Activities {
			x.Activities = append(x.Activities, fr(a))
		}
		blocs[b] = x
		v.Blocs = append(v.Blocs, x)
	}
	for _, co := range c.Competences {
		x := &Competence{ID: co.ID, Label: fr(co.Label), Text: fr(co.Text), Slug: co.Slug, URL: url(co.Path()),
			Index: co.Index, Own: co.Own, path: co.Path()}
		for _, cr := range co.Criteria {
			x.Criteria = append(x.Criteria, Criterion{Text: fr(cr.Text)})
		}
		comps[co] = x
		v.Competences = append(v.Competences, x)
	}
	for _, m := range c.Metiers {
		x := &Metier{ID: m.ID, Title: fr(m.Title), Slug: m.Slug, URL: url(m.Path()), path: m.Path()}
		metiers[m] = x
		v.Metiers = append(v.Metiers, x)
	}
	for _, m := range c.Modalites {
		x := &Modalite{ID: m.ID, Name: fr(m.Name), Detail: fr(m.Detail), Slug: m.Slug, URL: url(m.Path()), path: m.Path()}
		modalites[m] = x
		v.Modalites = append(v.Modalites, x)
	}
	for _, b := range c.Blocs {
		x := blocs[b]
		x.Metiers = mapAll(b.Metiers, metiers)
		x.Modalites = mapAll(b.Modalites, modalites)
		x.Competences = mapAll(b.Competences, comps)
	}
	for _, co := range c.Competences {
		x := comps[co]
		x.Bloc = blocs[co.Bloc]
		x.Modalites = mapAll(co.Modalites, modalites)
		x.Metiers = mapAll(co.Metiers, metiers)
		x.Prev, x.Next = comps[co.Prev], comps[co.Next]
	}
	for _, m := range c.Metiers {
		x := metiers[m]
		x.Blocs = mapAll(m.Blocs, blocs)
		x.Competences = mapAll(m.Competences, comps)
	}
	for _, m := range c.Modalites {
		x := modalites[m]
		x.Blocs = mapAll(m.Blocs, blocs)
		x.Competences = mapAll(m.Competences, comps)
	}
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
