package content

import (
	"time"

	"cursus/generator/diag"
)

// Site is the whole curriculum, loaded, validated and cross-referenced. It is
// never written once Load returns: renderers share it between goroutines.
type Site struct {
	// Certifications holds the one certification of the content root, or
	// those of content/certifications/, by slug.
	Certifications []*Certification
	// Several is true when the site lays its certifications out under
	// content/certifications/, each with its own pages.
	Several     bool
	Blocs       []*Bloc       // every certification's, certification by certification, by number
	Competences []*Competence // bloc order, then position in the bloc
	Metiers     []*Metier     // order of first declaration, then métier pages no bloc uses
	Modalites   []*Modalite   // shared ones first, then each certification's, file order
	Pages       []*Page       // standalone pages, by weight then path
	Home        *Page         // content/index.md, the home page prose, if any
	// Warnings are problems that do not stop a build: critères not
	// published, a bloc without evaluation, an unused métier, a
	// certification past its end date. Sorted, positioned like errors.
	Warnings diag.List

	metiers map[string]*Metier
}

// Certification is a credential of the site, with its official identity
// (the RNCP fiche). Every field but Title may be empty.
type Certification struct {
	Slug        string // "" when the site has one certification at its root
	Dir         string // directory of its files under the content root: "" or "certifications/<slug>"
	Title       string
	RNCP        string
	Abrege      Code // abrégé: Code "TP", Libelle "Titre professionnel"
	Level       int  // niveau 1–8, 0 when unknown
	Summary     string
	Etat        string
	Actif       *bool // nil when unknown
	DateEffet   time.Time
	DateFin     time.Time // date de fin d'enregistrement; zero when unknown
	FicheURL    string
	CriteresURL string // where the critères are published when not on this site
	Anciennes   []string
	Nouvelles   []string
	// Markdown texts of the fiche, each with the position of its key.
	Objectifs, Activites, Capacites, Secteurs, Emplois, Prerequis, VoiesAcces, Obtention Text
	// What the school says of its programme (not on the RNCP fiche): its
	// length and rhythm, in a few words, and how to apply and whom to ask,
	// in markdown.
	Duree, Rythme      string
	Admission, Contact Text

	Certificateurs []Certificateur
	NSF            []Code
	Formacodes     []Code
	ROME           []Code
	Options        []*Option

	Blocs       []*Bloc
	Competences []*Competence
	Modalites   []*Modalite // what its blocs and compétences cite, shared ones included, in file order
	Home        *Page       // prose of its home page, if any
	Pos         diag.Pos    // its certification.toml

	byID     map[string]any
	declared map[string]diag.Pos // where each id of byID was declared (loader.declare)
}

// Text is a markdown text of a data file, with where it starts.
type Text struct {
	Markdown string
	Pos      diag.Pos
}

// Code is an official code and its label: a NSF, Formacode or ROME entry.
type Code struct {
	Code    string
	Libelle string
}

// Certificateur is the body that delivers a certification.
type Certificateur struct {
	Nom   string
	SIRET string
}

// Option is a group of blocs of which a candidate takes Choose: "1 des 2
// blocs de spécialisation".
type Option struct {
	ID     string
	Label  string
	Choose int
	Blocs  []*Bloc
	Pos    diag.Pos
}

// Bloc is one bloc de compétences.
type Bloc struct {
	ID          string
	Number      int
	Title       string
	Label       string // short name for navigation; Title when not set
	Slug        string
	Code        string // official code, "RNCP37680BC01"
	Optional    bool   // not required for the title
	Option      *Option
	Evaluation  Text // the bloc's own evaluation text, markdown
	Cert        *Certification
	Activities  []string
	Metiers     []*Metier
	Modalites   []*Modalite // the bloc's own, in declared order
	Competences []*Competence
	Prose       *Page // markdown attached to the bloc, if any
	Pos         diag.Pos
}

// Competence is one compétence of a bloc.
type Competence struct {
	ID        string
	Number    string // official number, as written; "" when not set
	Label     string // short label for navigation
	Text      string // full text, word for word from the référentiel
	Slug      string
	Bloc      *Bloc
	Index     int         // 1-based position in the bloc
	Criteria  []Criterion // none when the critères are not published on this site
	Modalites []*Modalite // its own when declared, else the bloc's
	Own       bool        // Modalites were declared on the compétence itself
	Metiers   []*Metier   // the métiers of its bloc
	Prev      *Competence // within the bloc
	Next      *Competence
	Prose     *Page
	Pos       diag.Pos
}

// Criterion is one critère d'évaluation: a single sentence.
type Criterion struct {
	Text string
	Pos  diag.Pos
}

// Metier is a job blocs lead to, shared by every certification of the site.
type Metier struct {
	ID          string
	Title       string
	Slug        string
	ROME        []string      // codes ROME
	Onisep      string        // link to the ONISEP fiche, if any
	Blocs       []*Bloc       // of every certification, in site order
	Competences []*Competence // of its blocs, in order
	Prose       *Page         // content/metiers/<id>.md or attached prose
	Pos         diag.Pos      // where it was first declared
}

// Modalite is a modalité d'évaluation.
type Modalite struct {
	ID          string
	Name        string
	Detail      string
	Slug        string
	Cert        *Certification // nil when shared by every certification
	Blocs       []*Bloc        // blocs that use it for at least one compétence
	Competences []*Competence  // compétences assessed this way
	Pos         diag.Pos
}

// Page is a markdown page with TOML front matter.
type Page struct {
	Path        string // slash path relative to the content root
	Title       string
	Description string
	Weight      int
	Draft       bool
	Slug        string // URL path without slashes at either end; "" for the home page
	Attach      string // id of the entity the prose belongs to, if any
	Layout      string // theme layout to render with instead of "page"
	Body        []byte // markdown after the front matter
	BodyLine    int    // line of Body's first line in the file
	Pos         diag.Pos
}

// Criteria counts the criteria of every compétence.
func (s *Site) Criteria() int {
	n := 0
	for _, c := range s.Competences {
		n += len(c.Criteria)
	}
	return n
}

// Criteria counts the criteria of the certification's compétences.
func (c *Certification) Criteria() int {
	n := 0
	for _, co := range c.Competences {
		n += len(co.Criteria)
	}
	return n
}

// lookup finds an id in the certifications, in order.
func (s *Site) lookup(id string) any {
	for _, c := range s.Certifications {
		if v, ok := c.byID[id]; ok {
			return v
		}
	}
	return nil
}

// Bloc returns the bloc with the given id in the first certification that
// has one, or nil.
func (s *Site) Bloc(id string) *Bloc { b, _ := s.lookup(id).(*Bloc); return b }

// Competence returns the compétence with the given id in the first
// certification that has one, or nil.
func (s *Site) Competence(id string) *Competence {
	c, _ := s.lookup(id).(*Competence)
	return c
}

// Metier returns the métier with the given id, or nil.
func (s *Site) Metier(id string) *Metier { return s.metiers[id] }

// Modalite returns the modalité with the given id, shared or of the first
// certification that has one, or nil.
func (s *Site) Modalite(id string) *Modalite {
	for _, m := range s.Modalites {
		if m.ID == id {
			return m
		}
	}
	return nil
}

// Name returns the label to show for the bloc in navigation.
func (b *Bloc) Name() string {
	if b.Label != "" {
		return b.Label
	}
	return b.Title
}

// Texts returns the markdown texts of the fiche, in the order a page shows
// them.
func (c *Certification) Texts() []Text {
	return []Text{c.Objectifs, c.Activites, c.Capacites, c.Secteurs, c.Emplois, c.Prerequis, c.VoiesAcces, c.Obtention}
}
