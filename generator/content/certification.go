package content

import (
	"strconv"
	"strings"
	"time"

	"cursus/generator/diag"
	"cursus/generator/msg"
)

// certificationFile is certification.toml: the identity of a
// certification, as on its RNCP fiche (docs/certifications.md).
type certificationFile struct {
	Title       string    `toml:"title"`
	RNCP        string    `toml:"rncp"`
	Abrege      codeEntry `toml:"abrege"`
	Level       int       `toml:"level"`
	Summary     string    `toml:"summary"`
	Etat        string    `toml:"etat"`
	Actif       *bool     `toml:"actif"`
	DateEffet   time.Time `toml:"date_effet"`
	DateFin     time.Time `toml:"date_fin"`
	FicheURL    string    `toml:"fiche_url"`
	CriteresURL string    `toml:"criteres_url"`
	Anciennes   []string  `toml:"anciennes"`
	Nouvelles   []string  `toml:"nouvelles"`
	Objectifs   string    `toml:"objectifs"`
	Activites   string    `toml:"activites"`
	Capacites   string    `toml:"capacites"`
	Secteurs    string    `toml:"secteurs"`
	Emplois     string    `toml:"emplois"`
	Prerequis   string    `toml:"prerequis"`
	VoiesAcces  string    `toml:"voies_acces"`
	Obtention   string    `toml:"obtention"`
	// What a school adds for its students, beyond the RNCP fiche.
	Duree     string `toml:"duree"`
	Rythme    string `toml:"rythme"`
	Admission string `toml:"admission"`
	Contact   string `toml:"contact"`

	Certificateurs []struct {
		Nom   string `toml:"nom"`
		SIRET string `toml:"siret"`
	} `toml:"certificateurs"`
	NSF        []codeEntry `toml:"nsf"`
	Formacodes []codeEntry `toml:"formacodes"`
	ROME       []codeEntry `toml:"rome"`
	Options    []struct {
		ID     string `toml:"id"`
		Label  string `toml:"label"`
		Choose int    `toml:"choose"`
	} `toml:"options"`
}

type codeEntry struct {
	Code    string `toml:"code"`
	Libelle string `toml:"libelle"`
}

// placeholder is what cursus new writes in the keys a school fills in,
// folded.
const placeholder = "a completer"

// certification reads the identity of c from file.
func (l *loader) certification(c *Certification, file string) {
	f := decodeFile[certificationFile](l, "certification", file)
	if f == nil {
		return
	}
	d, ki := f.v, f.ki
	if strings.TrimSpace(d.Title) == "" {
		l.missing(file, ki, "", "title")
	}
	if d.Level != 0 && (d.Level < 1 || d.Level > 8) {
		l.fail(posOf(file, ki, "level"), msg.CertLevel, d.Level)
	}
	for _, u := range []struct{ key, v string }{{"fiche_url", d.FicheURL}, {"criteres_url", d.CriteresURL}} {
		if u.v != "" && !strings.HasPrefix(u.v, "https://") && !strings.HasPrefix(u.v, "http://") {
			l.fail(posOf(file, ki, u.key), msg.NeedURL, u.key)
		}
	}
	text := func(key, md string) Text {
		pos := posOf(file, ki, key)
		if pos.Line > 0 {
			pos.Line++ // a multi-line string starts on the line after its key
		}
		return Text{Markdown: md, Pos: pos}
	}
	*c = Certification{
		Slug: c.Slug, Dir: c.Dir, byID: c.byID, declared: c.declared, Pos: diag.Pos{File: file, Line: 1, Col: 1},
		Title: d.Title, RNCP: d.RNCP, Abrege: Code(d.Abrege), Level: d.Level, Summary: d.Summary,
		Etat: d.Etat, Actif: d.Actif, DateEffet: d.DateEffet, DateFin: d.DateFin,
		FicheURL: d.FicheURL, CriteresURL: d.CriteresURL, Anciennes: d.Anciennes, Nouvelles: d.Nouvelles,
		Objectifs: text("objectifs", d.Objectifs), Activites: text("activites", d.Activites),
		Capacites: text("capacites", d.Capacites), Secteurs: text("secteurs", d.Secteurs),
		Emplois: text("emplois", d.Emplois), Prerequis: text("prerequis", d.Prerequis),
		VoiesAcces: text("voies_acces", d.VoiesAcces), Obtention: text("obtention", d.Obtention),
		Duree: strings.TrimSpace(d.Duree), Rythme: strings.TrimSpace(d.Rythme),
		Admission: text("admission", d.Admission), Contact: text("contact", d.Contact),
	}
	for _, x := range d.Certificateurs {
		c.Certificateurs = append(c.Certificateurs, Certificateur{Nom: x.Nom, SIRET: x.SIRET})
	}
	codes := func(key string, list []codeEntry) []Code {
		var out []Code
		for i, e := range list {
			if strings.TrimSpace(e.Code) == "" {
				l.missing(file, ki, key+"["+strconv.Itoa(i)+"]", "code")
				continue
			}
			out = append(out, Code(e))
		}
		return out
	}
	c.NSF, c.Formacodes, c.ROME = codes("nsf", d.NSF), codes("formacodes", d.Formacodes), codes("rome", d.ROME)
	seen := map[string]diag.Pos{}
	for i, o := range d.Options {
		table := "options[" + strconv.Itoa(i) + "]"
		pos := posOf(file, ki, table+".id")
		switch {
		case o.ID == "":
			l.missing(file, ki, table, "id")
			continue
		case seen[o.ID] != diag.Pos{}:
			l.fail(pos, msg.OptionsDup, o.ID, seen[o.ID])
			continue
		case o.Choose < 1:
			l.fail(posOf(file, ki, table+".choose"), msg.OptionsChoose, o.ID)
		}
		seen[o.ID] = pos
		c.Options = append(c.Options, &Option{ID: o.ID, Label: o.Label, Choose: o.Choose, Pos: pos})
	}
	// cursus new writes these keys with "À compléter" for a school to
	// fill in: one left as it is would be published as it is.
	for _, k := range []struct{ key, v string }{{"duree", d.Duree}, {"rythme", d.Rythme}, {"prerequis", d.Prerequis},
		{"voies_acces", d.VoiesAcces}, {"admission", d.Admission}, {"contact", d.Contact}} {
		if strings.Contains(Fold(k.v), placeholder) {
			l.warn(posOf(file, ki, k.key), msg.CertToComplete, k.key)
		}
	}
	now := time.Now()
	if !d.DateFin.IsZero() && d.DateFin.Before(now) {
		l.warn(posOf(file, ki, "date_fin"), msg.CertEnded, d.DateFin.Format("02/01/2006"))
	}
	if d.Actif != nil && !*d.Actif {
		l.warn(posOf(file, ki, "actif"), msg.CertInactive)
	}
}

// option returns the option group of c with the given id, or nil.
func (c *Certification) option(id string) *Option {
	for _, o := range c.Options {
		if o.ID == id {
			return o
		}
	}
	return nil
}
