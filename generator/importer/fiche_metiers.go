package importer

import (
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"cursus/generator/diag"
	"cursus/generator/msg"
	"cursus/generator/rncp"
)

// metierIndex knows the métiers of the whole site, so that a fiche shares
// a métier with the other certifications when it has the same code ROME or
// the same name.
type metierIndex struct {
	lang     msg.Lang // of the errors
	existing fs.FS
	byROME   map[string]string // code ROME → métier id
	errs     *diag.List
}

// metierPage is a métier's page: content/metiers/<id>.md, TOML front matter
// between +++ lines, then markdown.
type metierPage struct {
	title  string
	rome   []string
	extras []extra
	body   string
}

// knownMetiers reads the métier pages and every bloc file of the site.
func knownMetiers(existing fs.FS, m *merger, errs *diag.List) *metierIndex {
	mi := &metierIndex{lang: m.lang, existing: existing, byROME: map[string]string{}, errs: errs}
	fsys := orEmpty(existing)
	pages, _ := fs.Glob(fsys, metiersMD+"/*.md")
	for _, p := range pages {
		id := strings.TrimSuffix(path.Base(p), ".md")
		pg, ok := mi.page(p, nil)
		if !ok {
			continue
		}
		if pg.title != "" {
			m.knowMetiers(&blocDoc{metiers: []metierDoc{{id: id, title: pg.title}}})
		}
		for _, code := range pg.rome {
			if _, ok := mi.byROME[code]; !ok {
				mi.byROME[code] = id
			}
		}
	}
	blocs, _ := fs.Glob(fsys, BlocsDir+"/*.toml")
	more, _ := fs.Glob(fsys, certsDir+"/*/"+BlocsDir+"/*.toml")
	for _, p := range append(blocs, more...) {
		if s, ok := readSource(m.lang, existing, p, errs); ok {
			m.knowMetiers(readBlocDoc(s))
		}
	}
	return mi
}

// forFiche gives the métiers of f, codes ROME first, then types d'emplois,
// and writes or updates their pages in files.
func (mi *metierIndex) forFiche(f *rncp.Fiche, files map[string][]byte, m *merger) []metierDoc {
	var out []metierDoc
	add := func(id, title, rome string) {
		p := path.Join(metiersMD, id+".md")
		pg, exists := mi.page(p, files)
		if !exists {
			pg = &metierPage{title: title}
		}
		if rome != "" && !slices.Contains(pg.rome, rome) {
			pg.rome = append(pg.rome, rome)
		}
		if exists || rome != "" {
			files[p] = pg.encode()
		}
		if !slices.ContainsFunc(out, func(x metierDoc) bool { return x.id == id }) {
			out = append(out, metierDoc{id: id, title: or(pg.title, title)})
		}
	}
	for _, r := range f.ROME {
		code, title := strings.TrimSpace(r.Code), strings.TrimSpace(r.Label())
		id, ok := mi.byROME[code]
		if !ok {
			id = m.metierID(f.Pos, title)
			mi.byROME[code] = id
		}
		add(id, title, code)
	}
	for _, title := range rncp.Items(f.Emplois) {
		add(m.metierID(f.Pos, title), title, "")
	}
	return out
}

// page reads the page at p: from files when this import already wrote it,
// else from existing content. ok is false when there is none.
func (mi *metierIndex) page(p string, files map[string][]byte) (*metierPage, bool) {
	data, ok := files[p]
	if !ok {
		var err error
		if data, err = fs.ReadFile(orEmpty(mi.existing), p); err != nil {
			return nil, false
		}
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	front, body, found := strings.Cut(strings.TrimPrefix(text, "+++\n"), "\n+++\n")
	if !strings.HasPrefix(text, "+++\n") || !found {
		mi.errs.Add(diag.Pos{File: p, Line: 1, Col: 1}, "%s", mi.lang.F(msg.FicheMetierFront))
		return nil, false
	}
	var v map[string]any
	md, err := toml.Decode(front, &v)
	if err != nil {
		mi.errs.Add(diag.Pos{File: p, Line: 1, Col: 1}, "%s", mi.lang.F(msg.FicheMetierTOML, err))
		return nil, false
	}
	s := &source{lang: mi.lang, path: p, data: []byte(front), m: v, keys: md.Keys(), errs: mi.errs}
	g := &getter{s: s, m: v}
	pg := &metierPage{title: g.str("title"), rome: g.strs("rome"), body: body}
	pg.extras = g.extras()
	return pg, true
}

func (pg *metierPage) encode() []byte {
	var e encoder
	e.b.WriteString("+++\n")
	e.str("title", pg.title)
	if len(pg.rome) > 0 {
		e.list("rome", pg.rome)
	}
	e.extras(pg.extras)
	e.b.WriteString("+++\n")
	e.b.WriteString(pg.body)
	return e.b.Bytes()
}
