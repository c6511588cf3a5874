package generator

import (
	"encoding/json"
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"sync"
)

// Structured data: every page carries a JSON-LD graph in the schema.org
// vocabulary, made from the view as the page renders (no pass over the HTML).
// Each entity's @id is its stable absolute URL: the certification is its
// home page, a bloc its page, a compétence its page, a métier its page;
// what shares a page with another entity takes a fragment of it
// (#formation, #site, #ariane). The types below are the only ones a page
// uses: internal/quality checks each type and property against the
// schema.org vocabulary and runs a structured data validator on every page.

const schemaContext = "https://schema.org"

// ldRef points at an entity described elsewhere, by its @id.
type ldRef struct {
	ID string `json:"@id"`
}

type ldWebSite struct {
	Type            string          `json:"@type"`
	ID              string          `json:"@id"`
	Name            string          `json:"name"`
	Description     string          `json:"description,omitempty"`
	URL             string          `json:"url"`
	InLanguage      string          `json:"inLanguage,omitempty"`
	PotentialAction *ldSearchAction `json:"potentialAction,omitempty"`
}

type ldSearchAction struct {
	Type       string       `json:"@type"`
	Target     ldEntryPoint `json:"target"`
	QueryInput string       `json:"query-input"`
}

type ldEntryPoint struct {
	Type        string `json:"@type"`
	URLTemplate string `json:"urlTemplate"`
}

type ldBreadcrumbs struct {
	Type            string       `json:"@type"`
	ID              string       `json:"@id"`
	ItemListElement []ldListItem `json:"itemListElement"`
}

type ldListItem struct {
	Type     string `json:"@type"`
	Position int    `json:"position"`
	Name     string `json:"name"`
	Item     string `json:"item,omitempty"`
}

type ldCredential struct {
	Type               string           `json:"@type"`
	ID                 string           `json:"@id"`
	Name               string           `json:"name"`
	Description        string           `json:"description,omitempty"`
	URL                string           `json:"url"`
	Identifier         string           `json:"identifier,omitempty"`
	SameAs             string           `json:"sameAs,omitempty"`
	CredentialCategory string           `json:"credentialCategory,omitempty"`
	EducationalLevel   *ldDefinedTerm   `json:"educationalLevel,omitempty"`
	RecognizedBy       []ldOrganization `json:"recognizedBy,omitempty"`
	CompetencyRequired []ldDefinedTerm  `json:"competencyRequired,omitempty"`
}

type ldOrganization struct {
	Type       string `json:"@type"`
	Name       string `json:"name"`
	Identifier string `json:"identifier,omitempty"` // SIRET
}

type ldDefinedTerm struct {
	Type             string     `json:"@type"`
	ID               string     `json:"@id,omitempty"`
	Name             string     `json:"name"`
	Description      string     `json:"description,omitempty"`
	TermCode         string     `json:"termCode,omitempty"`
	URL              string     `json:"url,omitempty"`
	InDefinedTermSet *ldTermSet `json:"inDefinedTermSet,omitempty"`
}

type ldTermSet struct {
	Type           string          `json:"@type"`
	ID             string          `json:"@id,omitempty"`
	Name           string          `json:"name"`
	Identifier     string          `json:"identifier,omitempty"`
	URL            string          `json:"url,omitempty"`
	HasDefinedTerm []ldDefinedTerm `json:"hasDefinedTerm,omitempty"`
}

type ldProgram struct {
	Type                         string           `json:"@type"`
	ID                           string           `json:"@id"`
	Name                         string           `json:"name"`
	Description                  string           `json:"description,omitempty"`
	URL                          string           `json:"url"`
	OccupationalCategory         []ldCategoryCode `json:"occupationalCategory,omitempty"`
	EducationalCredentialAwarded ldRef            `json:"educationalCredentialAwarded"`
}

type ldCategoryCode struct {
	Type      string    `json:"@type"`
	CodeValue string    `json:"codeValue"`
	Name      string    `json:"name,omitempty"`
	URL       string    `json:"url,omitempty"`
	InCodeSet ldCodeSet `json:"inCodeSet"`
}

type ldCodeSet struct {
	Type string `json:"@type"`
	ID   string `json:"@id"`
	Name string `json:"name"`
}

type ldOccupation struct {
	Type                 string           `json:"@type"`
	ID                   string           `json:"@id"`
	Name                 string           `json:"name"`
	Description          string           `json:"description,omitempty"`
	URL                  string           `json:"url"`
	OccupationalCategory []ldCategoryCode `json:"occupationalCategory,omitempty"`
	Skills               []ldDefinedTerm  `json:"skills,omitempty"`
}

// romeCodeSet is the répertoire ROME of France Travail, which codes ROME
// belong to.
var romeCodeSet = ldCodeSet{Type: "CategoryCodeSet", ID: "https://candidat.francetravail.fr/metierscope/", Name: "ROME (Répertoire opérationnel des métiers et des emplois)"}

// rncpCategory is the credential category of a certification without an
// abrégé.
const rncpCategory = "Certification professionnelle"

// structured makes the JSON-LD of each page as it renders (render in
// build.go): a page the dev server takes from its last build is not
// described again. A certification's graph, on its page and on the home,
// is made once.
type structured struct {
	u       urls
	website json.RawMessage
	certs   map[*Certification]*ldCert
}

type ldCert struct {
	once  sync.Once
	nodes []json.RawMessage
	err   error
}

func newStructured(u urls, site *SiteData) (*structured, error) {
	websiteNode, err := json.Marshal(website(u, site))
	if err != nil {
		return nil, err
	}
	s := &structured{u: u, website: websiteNode, certs: map[*Certification]*ldCert{}}
	for _, c := range site.Content.Certifications {
		s.certs[c] = &ldCert{}
	}
	return s, nil
}

// certification returns the nodes of a certification's graph.
func (s *structured) certification(c *Certification) ([]json.RawMessage, error) {
	lc := s.certs[c]
	if lc == nil {
		return nil, fmt.Errorf("structured data: certification %q not in the view", c.Slug)
	}
	lc.once.Do(func() { lc.nodes, lc.err = certificationNodes(s.u, c) })
	return lc.nodes, lc.err
}

// of returns the JSON-LD of a page.
func (s *structured) of(d *Data) (template.JS, error) {
	u := s.u
	var graph []json.RawMessage
	crumbs, err := json.Marshal(breadcrumbs(u, d))
	if err != nil {
		return "", err
	}
	graph = append(graph, crumbs)
	var node any
	switch d.Kind {
	case "home":
		graph = append(graph, s.website)
		if d.Certification != nil {
			nodes, err := s.certification(d.Certification)
			if err != nil {
				return "", err
			}
			graph = append(graph, nodes...)
		}
	case "certification":
		nodes, err := s.certification(d.Certification)
		if err != nil {
			return "", err
		}
		graph = append(graph, nodes...)
	case "bloc":
		node = blocTerms(u, d.Bloc)
	case "competence":
		node = competenceTerm(u, d.Competence)
	case "metier":
		node = occupation(u, d.Metier)
	}
	if node != nil {
		b, err := json.Marshal(node)
		if err != nil {
			return "", err
		}
		graph = append(graph, b)
	}
	return ldDocument(graph), nil
}

// ldDocument is the JSON-LD document of a page: {"@context", "@graph"}.
// Its nodes are json.Marshal's output already: marshalling the document
// would compact and copy each of them again (two fifths of the time of the
// structured data of a large site).
func ldDocument(graph []json.RawMessage) template.JS {
	var b strings.Builder
	b.WriteString(`{"@context":"` + schemaContext + `","@graph":[`)
	for i, node := range graph {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(node)
	}
	b.WriteString("]}")
	return template.JS(b.String())
}

func website(u urls, site *SiteData) ldWebSite {
	return ldWebSite{Type: "WebSite", ID: u.abs("/") + "#site", Name: site.Title, Description: site.Config.Description,
		URL: u.abs("/"), InLanguage: site.Config.LanguageCode,
		PotentialAction: &ldSearchAction{Type: "SearchAction",
			Target:     ldEntryPoint{Type: "EntryPoint", URLTemplate: u.abs("/recherche/") + "?q={search_term_string}"},
			QueryInput: "required name=search_term_string"}}
}

// breadcrumbs lists the page's crumbs and the page itself; the 404 page,
// which has no address of its own, ends without one.
func breadcrumbs(u urls, d *Data) ldBreadcrumbs {
	var b ldBreadcrumbs
	b.Type = "BreadcrumbList"
	here := u.abs(d.Path)
	if d.Kind == "404" {
		b.ID = u.abs("/") + "#ariane-404"
		b.ItemListElement = []ldListItem{{Type: "ListItem", Position: 1, Name: "Accueil", Item: u.abs("/")}, {Type: "ListItem", Position: 2, Name: d.Title}}
		return b
	}
	b.ID = here + "#ariane"
	for i, c := range d.Crumbs {
		b.ItemListElement = append(b.ItemListElement, ldListItem{Type: "ListItem", Position: i + 1, Name: c.Title, Item: u.abs(c.Path)})
	}
	b.ItemListElement = append(b.ItemListElement, ldListItem{Type: "ListItem", Position: len(d.Crumbs) + 1, Name: d.Title, Item: here})
	return b
}

// certificationNodes describes a certification: the credential with every
// compétence it requires and, when its fiche says how one prepares for
// it, the programme that leads to it.
func certificationNodes(u urls, c *Certification) ([]json.RawMessage, error) {
	id := u.abs(c.path)
	cr := ldCredential{Type: "EducationalOccupationalCredential", ID: id, Name: c.Name, Description: c.Summary, URL: id,
		Identifier: c.RNCP, SameAs: c.FicheURL, CredentialCategory: rncpCategory}
	if c.Abrege.Libelle != "" {
		cr.CredentialCategory = c.Abrege.Libelle
	}
	if c.Level > 0 {
		name := "Niveau " + strconv.Itoa(c.Level)
		if c.LevelLabel != "" {
			name += " (" + c.LevelLabel + ")"
		}
		cr.EducationalLevel = &ldDefinedTerm{Type: "DefinedTerm", Name: name, TermCode: strconv.Itoa(c.Level),
			InDefinedTermSet: &ldTermSet{Type: "DefinedTermSet", Name: "Cadre national des certifications professionnelles"}}
	}
	for _, k := range c.Certificateurs {
		cr.RecognizedBy = append(cr.RecognizedBy, ldOrganization{Type: "Organization", Name: k.Nom, Identifier: k.SIRET})
	}
	for _, co := range c.Competences {
		cr.CompetencyRequired = append(cr.CompetencyRequired, competenceTerm(u, co))
	}
	out := make([]json.RawMessage, 0, 2)
	b, err := json.Marshal(cr)
	if err != nil {
		return nil, err
	}
	out = append(out, b)
	if c.VoiesAcces != "" || c.Prerequis != "" || len(c.ROME) > 0 {
		p := ldProgram{Type: "EducationalOccupationalProgram", ID: id + "#formation", Name: c.Name, Description: c.Summary, URL: id,
			OccupationalCategory: categoryCodes(c.ROME), EducationalCredentialAwarded: ldRef{ID: id}}
		if b, err = json.Marshal(p); err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}

// competenceTerm is a compétence as a term of its bloc's set.
func competenceTerm(u urls, co *Competence) ldDefinedTerm {
	code := co.Number
	if code == "" {
		code = co.ID
	}
	b := co.Bloc
	t := ldDefinedTerm{Type: "DefinedTerm", ID: u.abs(co.path), Name: co.Label, TermCode: code, URL: u.abs(co.path),
		InDefinedTermSet: &ldTermSet{Type: "DefinedTermSet", ID: u.abs(b.path), Name: b.Title, Identifier: blocCode(b)}}
	if co.Text != co.Label {
		t.Description = co.Text
	}
	return t
}

// blocTerms is a bloc as the set of its compétences.
func blocTerms(u urls, b *Bloc) ldTermSet {
	s := ldTermSet{Type: "DefinedTermSet", ID: u.abs(b.path), Name: b.Title, Identifier: blocCode(b), URL: u.abs(b.path)}
	for _, co := range b.Competences {
		t := competenceTerm(u, co)
		t.InDefinedTermSet = nil
		s.HasDefinedTerm = append(s.HasDefinedTerm, t)
	}
	return s
}

func blocCode(b *Bloc) string {
	if b.Code != "" {
		return b.Code
	}
	return b.ID
}

func occupation(u urls, m *Metier) ldOccupation {
	o := ldOccupation{Type: "Occupation", ID: u.abs(m.path), Name: m.Title, URL: u.abs(m.path), OccupationalCategory: categoryCodes(m.ROME)}
	for _, co := range m.Competences {
		t := competenceTerm(u, co)
		t.Description = ""
		o.Skills = append(o.Skills, t)
	}
	return o
}

func categoryCodes(codes []Code) []ldCategoryCode {
	var out []ldCategoryCode
	for _, c := range codes {
		out = append(out, ldCategoryCode{Type: "CategoryCode", CodeValue: c.Code, Name: c.Libelle, URL: c.URL, InCodeSet: romeCodeSet})
	}
	return out
}
