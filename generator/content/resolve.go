package content

import (
	"sort"
	"strconv"
	"strings"

	"cursus/generator/diag"
)

func (l *loader) resolveBlocs() {
	sort.SliceStable(l.blocs, func(i, j int) bool { return l.blocs[i].data.Number < l.blocs[j].data.Number })
	numbers := map[int]diag.Pos{}
	for _, pb := range l.blocs {
		if b := l.resolveBloc(pb, numbers); b != nil {
			l.site.Blocs = append(l.site.Blocs, b)
			l.site.Competences = append(l.site.Competences, b.Competences...)
		}
	}
	// Reverse links: every métier reaches the compétences of its blocs, every
	// modalité the blocs and compétences it assesses.
	for _, c := range l.site.Competences {
		for _, m := range c.Modalites {
			m.Competences = append(m.Competences, c)
			if n := len(m.Blocs); n == 0 || m.Blocs[n-1] != c.Bloc {
				m.Blocs = append(m.Blocs, c.Bloc)
			}
		}
	}
	for _, m := range l.site.Metiers {
		for _, b := range m.Blocs {
			m.Competences = append(m.Competences, b.Competences...)
		}
	}
}

func (l *loader) resolveBloc(pb parsedBloc, numbers map[int]diag.Pos) *Bloc {
	d, file, ki := pb.data, pb.file, pb.keys
	ok := true
	for key, v := range map[string]string{"id": d.ID, "title": d.Title} {
		if strings.TrimSpace(v) == "" {
			l.missing(file, ki, "", key)
			ok = false
		}
	}
	if d.Number <= 0 {
		l.errs.Add(l.at(file, ki, "number"), "bloc number must be a positive integer")
		ok = false
	} else if prev, dup := numbers[d.Number]; dup {
		l.errs.Add(l.at(file, ki, "number"), "duplicate bloc number %d: already used at %s", d.Number, prev)
		ok = false
	} else {
		numbers[d.Number] = l.at(file, ki, "number")
	}
	if len(d.Competences) == 0 {
		l.errs.Add(diag.Pos{File: file, Line: 1, Col: 1}, "bloc %s has no compétences", d.ID)
		ok = false
	}
	if !ok {
		return nil
	}
	b := &Bloc{
		ID: d.ID, Number: d.Number, Title: d.Title, Label: d.Label, Slug: Slugify(d.ID),
		Activities: d.Activities, Pos: l.at(file, ki, "id"),
	}
	if !l.declare(d.ID, b, b.Pos, "bloc") {
		return nil
	}
	b.Modalites = l.modaliteRefs(file, ki, "modalites", d.Modalites)
	l.blocMetiers(b, pb)
	for i := range d.Competences {
		if c := l.competence(b, pb, i); c != nil {
			b.Competences = append(b.Competences, c)
		}
	}
	for i, c := range b.Competences {
		c.Index = i + 1
		if i > 0 {
			c.Prev = b.Competences[i-1]
			b.Competences[i-1].Next = c
		}
	}
	return b
}

func (l *loader) blocMetiers(b *Bloc, pb parsedBloc) {
	for i, dm := range pb.data.Metiers {
		table := "metiers[" + strconv.Itoa(i) + "]"
		id := dm.ID
		if id == "" {
			id = Slugify(dm.Title)
		}
		if id == "" {
			l.errs.Add(l.at(pb.file, pb.keys, table), "métier needs an id or a title")
			continue
		}
		pos := l.at(pb.file, pb.keys, table+".id")
		if pos.Line == 0 {
			pos = l.at(pb.file, pb.keys, table+".title")
		}
		m := l.site.Metier(id)
		switch {
		case m == nil && dm.Title == "":
			l.errs.Add(pos, "unknown métier %q: declare it with a title", id)
			continue
		case m == nil:
			m = &Metier{ID: id, Title: dm.Title, Slug: Slugify(id), Pos: pos}
			if !l.declare(id, m, pos, "métier") {
				continue
			}
			l.site.Metiers = append(l.site.Metiers, m)
		case dm.Title != "" && dm.Title != m.Title:
			l.errs.Add(pos, "métier %q has another title at %s: %q", id, m.Pos, m.Title)
			continue
		}
		for _, seen := range b.Metiers {
			if seen == m {
				l.errs.Add(pos, "métier %q listed twice in bloc %s", id, b.ID)
				m = nil
				break
			}
		}
		if m != nil {
			b.Metiers = append(b.Metiers, m)
			m.Blocs = append(m.Blocs, b)
		}
	}
}

func (l *loader) competence(b *Bloc, pb parsedBloc, i int) *Competence {
	dc := pb.data.Competences[i]
	file, ki := pb.file, pb.keys
	table := "competences[" + strconv.Itoa(i) + "]"
	ok := true
	for key, v := range map[string]string{"id": dc.ID, "text": dc.Text} {
		if strings.TrimSpace(v) == "" {
			l.missing(file, ki, table, key)
			ok = false
		}
	}
	if len(dc.Criteria) == 0 {
		l.errs.Add(l.at(file, ki, table), "compétence %s has no criteria", dc.ID)
		ok = false
	}
	if !ok {
		return nil
	}
	c := &Competence{
		ID: dc.ID, Label: dc.Label, Text: dc.Text, Slug: Slugify(dc.ID), Bloc: b,
		Metiers: b.Metiers, Pos: l.at(file, ki, table+".id"),
	}
	if c.Label == "" {
		c.Label = c.Text
	}
	if !l.declare(dc.ID, c, c.Pos, "compétence") {
		return nil
	}
	for j, text := range dc.Criteria {
		pos := l.at(file, ki, table+".criteria["+strconv.Itoa(j)+"]")
		if strings.TrimSpace(text) == "" {
			l.errs.Add(pos, "empty criterion")
			continue
		}
		c.Criteria = append(c.Criteria, Criterion{Text: text, Pos: pos})
	}
	if dc.Modalites != nil {
		c.Modalites = l.modaliteRefs(file, ki, table+".modalites", dc.Modalites)
		c.Own = true
	} else {
		c.Modalites = b.Modalites
	}
	if len(c.Modalites) == 0 {
		l.errs.Add(c.Pos, "compétence %s has no modalité d'évaluation (set modalites on the bloc or the compétence)", c.ID)
	}
	return c
}

func (l *loader) modaliteRefs(file string, ki *keyIndex, key string, ids []string) []*Modalite {
	var out []*Modalite
	for i, id := range ids {
		m := l.site.Modalite(id)
		if m == nil {
			l.errs.Add(l.at(file, ki, key+"["+strconv.Itoa(i)+"]"), "unknown modalité %q", id)
			continue
		}
		out = append(out, m)
	}
	return out
}

func (l *loader) resolvePages() {
	sort.SliceStable(l.pages, func(i, j int) bool {
		a, b := l.pages[i], l.pages[j]
		if a.Weight != b.Weight {
			return a.Weight < b.Weight
		}
		return a.Path < b.Path
	})
	for _, p := range l.pages {
		switch {
		case p.Draft:
		case p.Path == "index.md":
			l.site.Home = p
		case p.Attach != "":
			l.attach(p)
		default:
			l.site.Pages = append(l.site.Pages, p)
		}
	}
}

func (l *loader) attach(p *Page) {
	var slot **Page
	switch e := l.site.byID[p.Attach].(type) {
	case *Bloc:
		slot = &e.Prose
	case *Competence:
		slot = &e.Prose
	case *Metier:
		slot = &e.Prose
	default:
		l.errs.Add(p.Pos, "front matter: attach: unknown id %q (a bloc, compétence or métier id)", p.Attach)
		return
	}
	if *slot != nil {
		l.errs.Add(p.Pos, "front matter: attach: %s already has prose in %s", p.Attach, (*slot).Path)
		return
	}
	*slot = p
}

// checkSlugs reports two entities or pages that would share a URL, and a
// URL segment too long to be a file name.
func (l *loader) checkSlugs() {
	seen := map[string]diag.Pos{}
	claim := func(path string, pos diag.Pos) {
		if seg := longSegment(path); seg != "" {
			l.errs.Add(pos, "slug too long: %d bytes where file names allow %d; give a shorter id or slug (%.40s…)", len(seg), maxSegment, seg)
			return
		}
		if prev, dup := seen[path]; dup {
			l.errs.Add(pos, "slug collision: %s is also the URL of %s", path, prev)
			return
		}
		seen[path] = pos
	}
	for _, b := range l.site.Blocs {
		claim(b.Path(), b.Pos)
	}
	for _, c := range l.site.Competences {
		claim(c.Path(), c.Pos)
	}
	for _, m := range l.site.Metiers {
		claim(m.Path(), m.Pos)
	}
	for _, m := range l.site.Modalites {
		claim(PathModalites+m.Slug+"/", m.Pos)
	}
pages:
	for _, p := range l.site.Pages {
		first, _, _ := strings.Cut(p.Slug, "/")
		for _, r := range Reserved {
			if first == r {
				l.errs.Add(p.Pos, "slug collision: /%s/ is reserved for the site's own pages", p.Slug)
				continue pages
			}
		}
		claim(p.SitePath(), p.Pos)
	}
}
