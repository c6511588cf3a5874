package rncp

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"cursus/generator/diag"
	"cursus/generator/msg"
)

// Fiche is one certification of the export, its text fields still HTML as
// the export gives them: the callers decide whether they want markdown
// (HTMLToMarkdown) or compétences (Competences).
type Fiche struct {
	// Pos is where the FICHE element starts in the export; Fields gives
	// the position of each of its child elements, by name, for messages
	// about one field.
	Pos    diag.Pos
	Fields map[string]diag.Pos

	ID             string          `xml:"ID_FICHE"`
	Numero         string          `xml:"NUMERO_FICHE"`
	Intitule       string          `xml:"INTITULE"`
	Abrege         Abrege          `xml:"ABREGE"`
	Etat           string          `xml:"ETAT_FICHE"`
	Actif          string          `xml:"ACTIF"`
	Niveau         Niveau          `xml:"NOMENCLATURE_EUROPE"`
	Anciennes      []string        `xml:"ANCIENNE_CERTIFICATION"`
	Nouvelles      []string        `xml:"NOUVELLE_CERTIFICATION"`
	NSF            []Code          `xml:"CODES_NSF>NSF"`
	Formacodes     []Code          `xml:"FORMACODES>FORMACODE"`
	ROME           []Code          `xml:"CODES_ROME>ROME"`
	Certificateurs []Certificateur `xml:"CERTIFICATEURS>CERTIFICATEUR"`
	DateEffet      string          `xml:"DATE_EFFET"`
	DateFin        string          `xml:"DATE_FIN_ENREGISTREMENT"`
	Objectifs      string          `xml:"OBJECTIFS_CONTEXTE"`
	Activites      string          `xml:"ACTIVITES_VISEES"`
	Capacites      string          `xml:"CAPACITES_ATTESTEES"`
	Secteurs       string          `xml:"SECTEURS_ACTIVITE"`
	Emplois        string          `xml:"TYPE_EMPLOI_ACCESSIBLES"`
	Prerequis      string          `xml:"PREREQUIS_ENTREE_FORMATION"`
	Blocs          []Bloc          `xml:"BLOCS_COMPETENCES>BLOC_COMPETENCES"`
}

// Abrege is the kind of certification: code TP, libellé Titre professionnel.
type Abrege struct {
	Code    string `xml:"CODE"`
	Libelle string `xml:"LIBELLE"`
}

// Niveau is the level in the European nomenclature: NIV6, Niveau 6.
type Niveau struct {
	Code     string `xml:"NIVEAU"`
	Intitule string `xml:"INTITULE"`
}

// Code is a coded entry of a nomenclature (NSF, Formacode, ROME). NSF
// entries name their label INTITULE, the others LIBELLE.
type Code struct {
	Code     string `xml:"CODE"`
	Libelle  string `xml:"LIBELLE"`
	Intitule string `xml:"INTITULE"`
}

// Label is the libellé of the entry, whichever element holds it.
func (c Code) Label() string {
	if c.Libelle != "" {
		return c.Libelle
	}
	return c.Intitule
}

// Certificateur is the body that awards the certification.
type Certificateur struct {
	Nom   string `xml:"NOM_CERTIFICATEUR"`
	Siret string `xml:"SIRET_CERTIFICATEUR"`
}

// Bloc is one bloc de compétences, its compétences and evaluation as HTML.
type Bloc struct {
	Pos         diag.Pos `xml:"-"` // where BLOC_COMPETENCES starts in the export
	Code        string   `xml:"CODE"`
	Libelle     string   `xml:"LIBELLE"`
	Competences string   `xml:"LISTE_COMPETENCES"`
	Evaluation  string   `xml:"MODALITES_EVALUATION"`
}

// Active reports whether the fiche is in force: ACTIF says ACTIVE (or
// Oui, as older exports wrote).
func (f *Fiche) Active() bool {
	switch strings.ToUpper(strings.TrimSpace(f.Actif)) {
	case "ACTIVE", "ACTIF", "OUI", "TRUE", "1":
		return true
	}
	return false
}

// Level is the niveau 1–8 of NIV1…NIV8, or 0 when the fiche has none.
func (f *Fiche) Level() int {
	n, err := strconv.Atoi(strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(f.Niveau.Code)), "NIV"))
	if err != nil || n < 1 || n > 8 {
		return 0
	}
	return n
}

// Date is a calendar date of the fiche, without time of day.
type Date struct{ Year, Month, Day int }

// IsZero reports whether the fiche gave no date.
func (d Date) IsZero() bool { return d == Date{} }

// String writes the date as TOML writes a local date: 2026-09-01.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// Before reports whether d is before t's calendar day.
func (d Date) Before(t time.Time) bool {
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC).
		Before(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC))
}

// parseDate reads the dd/mm/yyyy of the export.
func parseDate(s string) (Date, bool) {
	t, err := time.Parse("02/01/2006", strings.TrimSpace(s))
	if err != nil {
		return Date{}, false
	}
	return Date{t.Year(), int(t.Month()), t.Day()}, true
}

// Effet is DATE_EFFET, zero when absent or not a date.
func (f *Fiche) Effet() Date { d, _ := parseDate(f.DateEffet); return d }

// Fin is DATE_FIN_ENREGISTREMENT, zero when absent or not a date.
func (f *Fiche) Fin() Date { d, _ := parseDate(f.DateFin); return d }

// URL is the public page of the fiche on France Compétences' site.
func (f *Fiche) URL() string {
	n := strings.TrimPrefix(strings.ToUpper(f.Numero), "RNCP")
	if n == "" {
		return ""
	}
	return "https://www.francecompetences.fr/recherche/rncp/" + n + "/"
}

// check reports what the rest of cursus cannot use: a date that is not
// dd/mm/yyyy, a bloc code that is not the fiche's number followed by BC and
// digits.
func (f *Fiche) check(lang msg.Lang, errs *diag.List) {
	for _, el := range []struct{ name, v string }{{"DATE_EFFET", f.DateEffet}, {"DATE_FIN_ENREGISTREMENT", f.DateFin}} {
		if _, ok := parseDate(el.v); strings.TrimSpace(el.v) != "" && !ok {
			errs.Add(f.at(el.name), "%s", lang.F(msg.ExportDate, f.Numero, el.name, el.v))
		}
	}
	for i, b := range f.Blocs {
		if _, ok := BlocNumber(f.Numero, b.Code); !ok {
			pos := b.Pos
			if pos.Line == 0 {
				pos = f.at("BLOCS_COMPETENCES")
			}
			errs.Add(pos, "%s", lang.F(msg.ExportBlocCode, f.Numero, i+1, b.Code, f.Numero))
		}
	}
}

// at is the position of the child element name, or of the fiche.
func (f *Fiche) at(name string) diag.Pos {
	if p, ok := f.Fields[name]; ok {
		return p
	}
	return f.Pos
}

// BlocNumber is the number of the bloc whose code is numero + "BC" + digits:
// RNCP37680BC02 is bloc 2.
func BlocNumber(numero, code string) (int, bool) {
	rest, ok := strings.CutPrefix(strings.TrimSpace(code), numero+"BC")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(rest)
	return n, err == nil && n > 0
}
