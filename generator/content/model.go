package content

import "cursus/generator/diag"

// Site is the whole curriculum, loaded, validated and cross-referenced. It is
// never written once Load returns: renderers share it between goroutines.
type Site struct {
	Certification Certification
	Blocs         []*Bloc       // by number
	Competences   []*Competence // bloc order, then position in the bloc
	Metiers       []*Metier     // order of first declaration, bloc by bloc
	Modalites     []*Modalite   // file order
	Pages         []*Page       // standalone pages, by weight then path
	Home          *Page         // content/index.md, the home page prose, if any

	byID map[string]any
}

// Certification is the credential the référentiel describes.
type Certification struct {
	Title   string
	RNCP    string
	Level   string
	Summary string
}

// Bloc is one bloc de compétences.
type Bloc struct {
	ID          string
	Number      int
	Title       string
	Label       string // short name for navigation; Title when not set
	Slug        string
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
	Label     string // short label for navigation
	Text      string // full text, word for word from the référentiel
	Slug      string
	Bloc      *Bloc
	Index     int // 1-based position in the bloc
	Criteria  []Criterion
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

// Metier is a job a bloc leads to.
type Metier struct {
	ID          string
	Title       string
	Slug        string
	Blocs       []*Bloc
	Competences []*Competence // of its blocs, in order
	Prose       *Page
	Pos         diag.Pos // where it was first declared
}

// Modalite is a modalité d'évaluation.
type Modalite struct {
	ID          string
	Name        string
	Detail      string
	Slug        string
	Blocs       []*Bloc       // blocs that use it for at least one compétence
	Competences []*Competence // compétences assessed this way
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

// Bloc returns the bloc with the given id, or nil.
func (s *Site) Bloc(id string) *Bloc { b, _ := s.byID[id].(*Bloc); return b }

// Competence returns the compétence with the given id, or nil.
func (s *Site) Competence(id string) *Competence {
	c, _ := s.byID[id].(*Competence)
	return c
}

// Metier returns the métier with the given id, or nil.
func (s *Site) Metier(id string) *Metier { m, _ := s.byID[id].(*Metier); return m }

// Modalite returns the modalité with the given id, or nil.
func (s *Site) Modalite(id string) *Modalite {
	m, _ := s.byID["modalite:"+id].(*Modalite)
	return m
}

// Name returns the label to show for the bloc in navigation.
func (b *Bloc) Name() string {
	if b.Label != "" {
		return b.Label
	}
	return b.Title
}
