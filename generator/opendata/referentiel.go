package opendata

import (
	"bytes"
	"encoding/json"
	"time"

	"cursus/generator/content"
)

// Referentiel is referentiel.json: the whole référentiel of a
// certification, its texts as written in the content (markdown where the
// content has markdown), every entity with the URL of its page.
type Referentiel struct {
	Schema         string          `json:"$schema"`
	URL            string          `json:"url"`
	Slug           string          `json:"slug,omitempty"`
	Title          string          `json:"title"`
	RNCP           string          `json:"rncp,omitempty"`
	Abrege         *Code           `json:"abrege,omitempty"`
	Level          int             `json:"level,omitempty"`
	Summary        string          `json:"summary,omitempty"`
	Etat           string          `json:"etat,omitempty"`
	Actif          *bool           `json:"actif,omitempty"`
	DateEffet      string          `json:"date_effet,omitempty"` // YYYY-MM-DD
	DateFin        string          `json:"date_fin,omitempty"`
	FicheURL       string          `json:"fiche_url,omitempty"`
	CriteresURL    string          `json:"criteres_url,omitempty"`
	Anciennes      []string        `json:"anciennes,omitempty"`
	Nouvelles      []string        `json:"nouvelles,omitempty"`
	Texts          *Texts          `json:"textes,omitempty"`
	Certificateurs []Certificateur `json:"certificateurs,omitempty"`
	NSF            []Code          `json:"nsf,omitempty"`
	Formacodes     []Code          `json:"formacodes,omitempty"`
	ROME           []Code          `json:"rome,omitempty"`
	Options        []Option        `json:"options,omitempty"`
	Blocs          []Bloc          `json:"blocs"`
	Modalites      []Modalite      `json:"modalites"`
	Metiers        []Metier        `json:"metiers"`
}

// Texts are the markdown texts of the fiche.
type Texts struct {
	Objectifs  string `json:"objectifs,omitempty"`
	Activites  string `json:"activites,omitempty"`
	Capacites  string `json:"capacites,omitempty"`
	Secteurs   string `json:"secteurs,omitempty"`
	Emplois    string `json:"emplois,omitempty"`
	Prerequis  string `json:"prerequis,omitempty"`
	VoiesAcces string `json:"voies_acces,omitempty"`
	Obtention  string `json:"obtention,omitempty"`
}

// Code is an official code and its label.
type Code struct {
	Code    string `json:"code"`
	Libelle string `json:"libelle,omitempty"`
}

// Certificateur is a body that delivers the certification.
type Certificateur struct {
	Nom   string `json:"nom"`
	SIRET string `json:"siret,omitempty"`
}

// Option is a group of blocs of which a candidate takes Choose.
type Option struct {
	ID     string   `json:"id"`
	Label  string   `json:"label,omitempty"`
	Choose int      `json:"choose"`
	Blocs  []string `json:"blocs"`
}

// Bloc is a bloc de compétences; Modalites and Metiers hold ids.
type Bloc struct {
	ID          string       `json:"id"`
	Number      int          `json:"number"`
	Code        string       `json:"code,omitempty"`
	Title       string       `json:"title"`
	Label       string       `json:"label,omitempty"`
	URL         string       `json:"url"`
	Optional    bool         `json:"optional,omitempty"`
	Option      string       `json:"option,omitempty"`
	Evaluation  string       `json:"evaluation,omitempty"`
	Activities  []string     `json:"activities,omitempty"`
	Modalites   []string     `json:"modalites,omitempty"`
	Metiers     []string     `json:"metiers,omitempty"`
	Competences []Competence `json:"competences"`
}

// Competence is a compétence and its critères; Modalites holds ids.
type Competence struct {
	ID        string   `json:"id"`
	Number    string   `json:"number,omitempty"`
	Label     string   `json:"label"`
	Text      string   `json:"text"`
	URL       string   `json:"url"`
	Criteria  []string `json:"criteria,omitempty"`
	Modalites []string `json:"modalites,omitempty"`
}

// Modalite is a modalité d'évaluation the certification cites.
type Modalite struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Detail string `json:"detail,omitempty"`
	URL    string `json:"url"`
}

// Metier is a métier the certification's blocs lead to.
type Metier struct {
	ID     string   `json:"id"`
	Title  string   `json:"title"`
	URL    string   `json:"url"`
	ROME   []string `json:"rome,omitempty"`
	Onisep string   `json:"onisep,omitempty"`
}

// FromModel makes the référentiel of a certification; abs gives the
// absolute URL of a site path.
func FromModel(c *content.Certification, abs func(string) string) *Referentiel {
	r := &Referentiel{Schema: abs(SchemaPath), URL: abs(c.Path()), Slug: c.Slug, Title: c.Title, RNCP: c.RNCP,
		Level: c.Level, Summary: c.Summary, Etat: c.Etat, Actif: c.Actif, FicheURL: c.FicheURL, CriteresURL: c.CriteresURL,
		Anciennes: c.Anciennes, Nouvelles: c.Nouvelles,
		Blocs: []Bloc{}, Modalites: []Modalite{}, Metiers: []Metier{}}
	if c.Abrege != (content.Code{}) {
		r.Abrege = &Code{c.Abrege.Code, c.Abrege.Libelle}
	}
	if !c.DateEffet.IsZero() {
		r.DateEffet = c.DateEffet.Format(time.DateOnly)
	}
	if !c.DateFin.IsZero() {
		r.DateFin = c.DateFin.Format(time.DateOnly)
	}
	t := Texts{c.Objectifs.Markdown, c.Activites.Markdown, c.Capacites.Markdown, c.Secteurs.Markdown,
		c.Emplois.Markdown, c.Prerequis.Markdown, c.VoiesAcces.Markdown, c.Obtention.Markdown}
	if t != (Texts{}) {
		r.Texts = &t
	}
	for _, k := range c.Certificateurs {
		r.Certificateurs = append(r.Certificateurs, Certificateur{k.Nom, k.SIRET})
	}
	r.NSF, r.Formacodes, r.ROME = codes(c.NSF), codes(c.Formacodes), codes(c.ROME)
	for _, o := range c.Options {
		x := Option{ID: o.ID, Label: o.Label, Choose: o.Choose, Blocs: []string{}}
		for _, b := range o.Blocs {
			x.Blocs = append(x.Blocs, b.ID)
		}
		r.Options = append(r.Options, x)
	}
	seen := map[*content.Metier]bool{}
	for _, b := range c.Blocs {
		x := Bloc{ID: b.ID, Number: b.Number, Code: b.Code, Title: b.Title, Label: b.Label, URL: abs(b.Path()),
			Optional: b.Optional, Evaluation: b.Evaluation.Markdown, Activities: b.Activities,
			Modalites: ids(b.Modalites), Competences: []Competence{}}
		if b.Option != nil {
			x.Option = b.Option.ID
		}
		for _, m := range b.Metiers {
			x.Metiers = append(x.Metiers, m.ID)
			if !seen[m] {
				seen[m] = true
				r.Metiers = append(r.Metiers, Metier{ID: m.ID, Title: m.Title, URL: abs(m.Path()), ROME: m.ROME, Onisep: m.Onisep})
			}
		}
		for _, co := range b.Competences {
			y := Competence{ID: co.ID, Number: co.Number, Label: co.Label, Text: co.Text, URL: abs(co.Path())}
			for _, cr := range co.Criteria {
				y.Criteria = append(y.Criteria, cr.Text)
			}
			if co.Own {
				y.Modalites = ids(co.Modalites)
			}
			x.Competences = append(x.Competences, y)
		}
		r.Blocs = append(r.Blocs, x)
	}
	for _, m := range c.Modalites {
		r.Modalites = append(r.Modalites, Modalite{ID: m.ID, Name: m.Name, Detail: m.Detail, URL: abs(m.PathIn(c))})
	}
	return r
}

// JSON encodes the référentiel compact (indenting would double the time
// of the exports), without HTML escaping: it is a file, not a script.
func (r *Referentiel) JSON() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	err := enc.Encode(r)
	return buf.Bytes(), err
}

func codes(list []content.Code) []Code {
	var out []Code
	for _, c := range list {
		out = append(out, Code{c.Code, c.Libelle})
	}
	return out
}

func ids(list []*content.Modalite) []string {
	var out []string
	for _, m := range list {
		out = append(out, m.ID)
	}
	return out
}
