package importer

import (
	"io/fs"
	"path"
	"strconv"
	"strings"
	"time"

	"cursus/generator/diag"
	"cursus/generator/msg"
	"cursus/generator/rncp"
)

// Certification is a certification of the content that has a code RNCP:
// its directory ("" for the content root) and the code.
type Certification struct{ Dir, RNCP string }

// Certifications lists the certifications of content that have a code
// RNCP, in either layout, so that a check reads only their fiches. Errors
// are in lang.
func Certifications(lang msg.Lang, content fs.FS) ([]Certification, error) {
	var errs diag.List
	root, dirs := scanCerts(lang, content, &errs)
	if root != nil {
		dirs = append([]certSrc{*root}, dirs...)
	}
	var out []Certification
	for _, c := range dirs {
		if c.rncp != "" {
			out = append(out, Certification{c.dir, c.rncp})
		}
	}
	return out, errs.Err()
}

// Against compares the certifications of content with their official
// fiches (by code RNCP; a nil fiche is one the export does not hold). A
// divergence is a bloc or a compétence missing, added or worded otherwise,
// or a code, niveau, title or date that differs; each is one error at the
// key of the content file. A fiche that is no longer active or past its
// end date on today is a warning. Texts are compared with typographic
// spaces and apostrophes folded, as the site may set them. Messages are
// in lang, the site's language.
func Against(lang msg.Lang, content fs.FS, certs []Certification, fiches map[string]*rncp.Fiche, today time.Time) (diag.List, []Warning) {
	a := &against{errs: &diag.List{}, lang: lang}
	for _, c := range certs {
		a.cert(content, c, fiches[c.RNCP], today)
	}
	a.errs.Sort()
	sortWarnings(a.warnings)
	return *a.errs, a.warnings
}

type against struct {
	errs     *diag.List
	warnings []Warning
	lang     msg.Lang
}

func (a *against) fail(pos diag.Pos, k msg.Key, args ...any) {
	a.errs.Add(pos, "%s", a.lang.F(k, args...))
}

func (a *against) cert(content fs.FS, c Certification, f *rncp.Fiche, today time.Time) {
	src, ok := readSource(a.lang, content, path.Join(c.Dir, certFile), a.errs)
	if !ok {
		return
	}
	at := func(key string) diag.Pos { return at(src, "", 0, key) }
	if f == nil {
		a.fail(at("rncp"), msg.AgainstMissing, c.RNCP)
		return
	}
	if !f.Active() {
		a.warnings = append(a.warnings, Warning{at("rncp"), a.lang.F(msg.AgainstInactive, f.Numero, f.Actif)})
	}
	if fin := f.Fin(); !fin.IsZero() && fin.Before(today) {
		a.warnings = append(a.warnings, Warning{at("rncp"), a.lang.F(msg.AgainstEnded, f.Numero, fin.String())})
	}
	a.same(at("title"), a.lang.F(msg.AgainstTitle), str(src.m["title"]), strings.TrimSpace(f.Intitule))
	if l := f.Level(); l > 0 {
		a.same(at("level"), a.lang.F(msg.AgainstLevel), levelString(src.m["level"]), strconv.Itoa(l))
	}
	for _, d := range []struct {
		key  string
		want rncp.Date
	}{{"date_effet", f.Effet()}, {"date_fin", f.Fin()}} {
		if !d.want.IsZero() {
			got := ""
			if t, ok := src.m[d.key].(time.Time); ok {
				got = t.Format(time.DateOnly)
			}
			a.same(at(d.key), d.key, got, d.want.String())
		}
	}
	a.blocs(content, c.Dir, f, at("rncp"))
}

// at is the position of key, or of the file when the key is not written.
func at(src *source, table string, n int, key string) diag.Pos {
	p := src.pos(table, n, key)
	if p.Line == 0 {
		p.Line, p.Col = 1, 1
	}
	return p
}

func (a *against) same(pos diag.Pos, what, got, want string) {
	if norm(got) != norm(want) {
		a.fail(pos, msg.AgainstDiffers, what, got, want)
	}
}

// norm folds what the site may change in an official text: typographic
// apostrophes and spaces.
func norm(s string) string {
	s = strings.NewReplacer("’", "'", "\u00a0", " ", "\u202f", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

func str(v any) string { s, _ := v.(string); return s }

func (a *against) blocs(content fs.FS, dir string, f *rncp.Fiche, certPos diag.Pos) {
	files, _ := fs.Glob(content, path.Join(dir, BlocsDir, "*.toml"))
	seen := map[string]bool{}
	for _, p := range files {
		src, ok := readSource(a.lang, content, p, a.errs)
		if !ok {
			continue
		}
		code := strings.TrimSpace(str(src.m["code"]))
		var fb *rncp.Bloc
		for i := range f.Blocs {
			if strings.TrimSpace(f.Blocs[i].Code) == code {
				fb = &f.Blocs[i]
			}
		}
		switch {
		case code == "":
			a.fail(at(src, "", 0, "id"), msg.AgainstNoCode, f.Numero)
			continue
		case fb == nil:
			a.fail(at(src, "", 0, "code"), msg.AgainstBlocUnknown, code, f.Numero)
			continue
		}
		seen[code] = true
		a.same(at(src, "", 0, "title"), a.lang.F(msg.AgainstBlocTitle), str(src.m["title"]), strings.TrimSpace(fb.Libelle))
		a.competences(src, fb)
	}
	for _, b := range f.Blocs {
		if !seen[strings.TrimSpace(b.Code)] {
			a.fail(certPos, msg.AgainstBlocMissing, b.Code, strings.TrimSpace(b.Libelle))
		}
	}
}

// competences compares the compétences of a bloc file with the fiche's, by
// official number when the fiche numbers them, else in order.
func (a *against) competences(src *source, fb *rncp.Bloc) {
	g := &getter{s: src, m: src.m}
	site := g.tables("competences")
	official := rncp.Competences(fb.Competences)
	key := func(i int, number string) string {
		if number != "" {
			return number
		}
		return "#" + strconv.Itoa(i)
	}
	byKey := map[string]int{}
	for i, c := range site {
		byKey[key(i, str(c["number"]))] = i
	}
	matched := make([]bool, len(site))
	for i, c := range official {
		j, ok := byKey[key(i, c.Number)]
		if !ok {
			a.fail(at(src, "", 0, "code"), msg.AgainstCompetenceMissing, or(c.Number, strconv.Itoa(i+1)), c.Text)
			continue
		}
		matched[j] = true
		if got := str(site[j]["text"]); norm(got) != norm(c.Text) {
			a.fail(at(src, "competences", j, "text"), msg.AgainstCompetenceWording, str(site[j]["id"]), c.Text)
		}
	}
	for j, c := range site {
		if !matched[j] {
			a.fail(at(src, "competences", j, "id"), msg.AgainstCompetenceUnknown, str(c["id"]), fb.Code)
		}
	}
}

// levelString writes the level of certification.toml, an integer by the
// schema; anything else is shown as written.
func levelString(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case int64:
		return strconv.FormatInt(v, 10)
	}
	return value(v)
}
