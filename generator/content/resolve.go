package content

import (
	"path"
	"sort"
	"strconv"
	"strings"

	"cursus/generator/diag"
	"cursus/generator/msg"
	"cursus/internal/par"
)

// resolveCertifications makes the blocs and compétences of every
// certification, each certification on a core (a site has up to hundreds
// of them, a thousand bloc files), then links them to their métiers, in
// order: a métier is shared, and its title is the first a bloc gives it.
// Each certification keeps its errors apart, and they join in its order,
// as one goroutine would have made them.
func (l *loader) resolveCertifications() {
	subs := make([]loader, len(l.certs))
	made := make([][]int, len(l.certs))
	par.ForEach(len(l.certs), func(i int) {
		subs[i] = *l // its own errors and warnings; each certification declares its own ids
		subs[i].errs, subs[i].warns = nil, nil
		made[i] = subs[i].resolveBlocs(l.certs[i])
	})
	for i, cl := range l.certs {
		l.errs = append(l.errs, subs[i].errs...)
		l.warns = append(l.warns, subs[i].warns...)
		c := cl.cert
		for j, b := range c.Blocs {
			l.blocMetiers(b, cl.blocs[made[i][j]])
			for _, co := range b.Competences {
				co.Metiers = b.Metiers
			}
		}
		l.site.Blocs = append(l.site.Blocs, c.Blocs...)
		l.site.Competences = append(l.site.Competences, c.Competences...)
	}
}

// resolveBlocs makes the blocs of a certification, without their métiers
// (resolveCertifications), and checks its options. It returns the index
// in cl.blocs of each bloc made.
func (l *loader) resolveBlocs(cl *certLoad) (made []int) {
	c := cl.cert
	sort.SliceStable(cl.blocs, func(i, j int) bool { return cl.blocs[i].data.Number < cl.blocs[j].data.Number })
	numbers := map[int]diag.Pos{}
	codes := map[string]diag.Pos{}
	for i, pb := range cl.blocs {
		if b := l.resolveBloc(cl, pb, numbers, codes); b != nil {
			c.Blocs = append(c.Blocs, b)
			c.Competences = append(c.Competences, b.Competences...)
			made = append(made, i)
		}
	}
	for _, o := range c.Options {
		if len(o.Blocs) == 0 {
			l.warn(o.Pos, msg.OptionsEmpty, o.ID)
		} else if o.Choose > len(o.Blocs) {
			l.fail(o.Pos, msg.OptionsTooMany, o.ID, o.Choose, len(o.Blocs))
		}
	}
	return made
}

// reverseLinks links every métier to the compétences of its blocs, every
// modalité to the blocs and compétences it assesses, and every
// certification to the modalités it shows.
func (l *loader) reverseLinks() {
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
	for _, c := range l.site.Certifications {
		cited := map[*Modalite]bool{}
		for _, b := range c.Blocs {
			for _, m := range b.Modalites {
				cited[m] = true
			}
		}
		for _, co := range c.Competences {
			for _, m := range co.Modalites {
				cited[m] = true
			}
		}
		for _, m := range l.site.Modalites {
			if m.Cert == c || m.Cert == nil && cited[m] {
				c.Modalites = append(c.Modalites, m)
			}
		}
	}
}

func (l *loader) resolveBloc(cl *certLoad, pb parsedBloc, numbers map[int]diag.Pos, codes map[string]diag.Pos) *Bloc {
	d, file, ki, cert := pb.data, pb.file, pb.keys, cl.cert
	ok := true
	for key, v := range map[string]string{"id": d.ID, "title": d.Title} {
		if strings.TrimSpace(v) == "" {
			l.missing(file, ki, "", key)
			ok = false
		}
	}
	if d.Number <= 0 {
		l.fail(pb.at.number, msg.BlocNumber)
		ok = false
	} else if prev, dup := numbers[d.Number]; dup {
		l.fail(pb.at.number, msg.BlocNumberDup, d.Number, prev)
		ok = false
	} else {
		numbers[d.Number] = pb.at.number
	}
	if len(d.Competences) == 0 {
		l.fail(diag.Pos{File: file, Line: 1, Col: 1}, msg.BlocNoCompetence, d.ID)
		ok = false
	}
	if d.Code != "" {
		pos := pb.at.code
		if prev, dup := codes[d.Code]; dup {
			l.fail(pos, msg.BlocCodeDup, d.Code, prev)
			ok = false
		} else {
			codes[d.Code] = pos
		}
		if cert.RNCP != "" && !strings.HasPrefix(d.Code, cert.RNCP) {
			l.fail(pos, msg.BlocCodePrefix, d.Code, cert.RNCP)
			ok = false
		}
	}
	var option *Option
	if d.Option != "" {
		if option = cert.option(d.Option); option == nil {
			l.fail(posOf(file, ki, "option"), msg.BlocOption, d.Option, path.Join(cert.Dir, CertificationFile))
			ok = false
		}
	}
	if !ok {
		return nil
	}
	evalPos := pb.at.evaluation
	if evalPos.Line > 0 {
		evalPos.Line++
	}
	b := &Bloc{
		ID: d.ID, Number: d.Number, Title: d.Title, Label: d.Label, Slug: Slugify(d.ID),
		Code: d.Code, Optional: d.Optional, Option: option, Cert: cert,
		Evaluation: Text{Markdown: d.Evaluation, Pos: evalPos},
		Activities: d.Activities, Pos: pb.at.id,
	}
	if !l.declare(cert, d.ID, b, b.Pos, "bloc") {
		return nil
	}
	if option != nil {
		option.Blocs = append(option.Blocs, b)
	}
	b.Modalites = l.modaliteRefs(cert, file, ki, "modalites", d.Modalites)
	if len(d.Modalites) == 0 && strings.TrimSpace(d.Evaluation) == "" {
		l.warn(b.Pos, msg.BlocNoAssessment, b.ID)
	}
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
			l.fail(posOf(pb.file, pb.keys, table), msg.MetierNoID)
			continue
		}
		pos := pb.at.metiers[i]
		m := l.site.Metier(id)
		title := dm.Title
		if m == nil && title == "" {
			// A métier is shared: its title may come from a bloc of
			// another certification, or from its page.
			title = l.metierTitles[id]
		}
		switch {
		case m == nil && title == "" && !l.metierPages[id]:
			l.fail(pos, msg.MetierUnknown, id)
			continue
		case m == nil:
			m = &Metier{ID: id, Title: title, Slug: Slugify(id), Pos: pos}
			l.site.metiers[id] = m
			l.site.Metiers = append(l.site.Metiers, m)
		case dm.Title != "" && dm.Title != m.Title:
			l.fail(pos, msg.MetierOtherTitle, id, m.Pos, m.Title)
			continue
		}
		for _, seen := range b.Metiers {
			if seen == m {
				l.fail(pos, msg.MetierTwice, id, b.ID)
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
	dc := &pb.data.Competences[i]
	file, ki := pb.file, pb.keys
	table := "competences[" + strconv.Itoa(i) + "]"
	if strings.TrimSpace(dc.ID) == "" || strings.TrimSpace(dc.Text) == "" {
		for _, k := range []struct{ key, v string }{{"id", dc.ID}, {"text", dc.Text}} {
			if strings.TrimSpace(k.v) == "" {
				l.missing(file, ki, table, k.key)
			}
		}
		return nil
	}
	c := &Competence{
		ID: dc.ID, Number: dc.Number, Label: dc.Label, Text: dc.Text, Slug: Slugify(dc.ID), Bloc: b,
		Pos: pb.at.comps[i].id, // its Metiers: its bloc's, once linked
	}
	if c.Label == "" {
		c.Label = shortLabel(c.Text)
	}
	if !l.declare(b.Cert, dc.ID, c, c.Pos, "compétence") {
		return nil
	}
	if len(dc.Criteria) == 0 {
		l.warn(c.Pos, msg.CompetenceNoCriteria, c.ID)
	}
	for j, text := range dc.Criteria {
		pos := pb.at.comps[i].criteria[j]
		if strings.TrimSpace(text) == "" {
			l.fail(pos, msg.EmptyCriterion)
			continue
		}
		c.Criteria = append(c.Criteria, Criterion{Text: text, Pos: pos})
	}
	if dc.Modalites != nil {
		c.Modalites = l.modaliteRefs(b.Cert, file, ki, table+".modalites", dc.Modalites)
		c.Own = true
	} else {
		c.Modalites = b.Modalites
	}
	return c
}

// modaliteRefs resolves ids of modalités cited in certification c: its own,
// then those shared by every certification.
func (l *loader) modaliteRefs(c *Certification, file string, ki *keyIndex, key string, ids []string) []*Modalite {
	var out []*Modalite
	for i, id := range ids {
		m, _ := c.byID["modalite:"+id].(*Modalite)
		if m == nil {
			m = l.shared[id]
		}
		if m == nil {
			l.fail(posOf(file, ki, key+"["+strconv.Itoa(i)+"]"), msg.ModaliteUnknown, id)
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
		var cl *certLoad
		if l.site.Several && strings.HasPrefix(p.Path, CertificationsDir+"/") {
			cl = l.certOf(p.Path)
		}
		switch {
		case p.Draft:
		case p.Path == "index.md":
			l.site.Home = p
		case cl != nil && p.Path == path.Join(cl.cert.Dir, "index.md"):
			cl.cert.Home = p
		case p.Attach != "":
			l.attach(p, cl)
		case cl != nil:
			l.fail(p.Pos, msg.AttachInCert, cl.cert.Dir)
		default:
			l.site.Pages = append(l.site.Pages, p)
		}
	}
}

// attach gives the prose of p to the entity it names: of certification cl
// when p is in its directory, else of the site's one certification, or a
// métier.
func (l *loader) attach(p *Page, cl *certLoad) {
	if cl == nil && !l.site.Several {
		cl = l.certs[0]
	}
	var found any
	if cl != nil {
		found = cl.cert.byID[p.Attach]
	}
	if found == nil {
		if m := l.site.Metier(p.Attach); m != nil {
			found = m
		}
	}
	var slot **Page
	switch e := found.(type) {
	case *Bloc:
		slot = &e.Prose
	case *Competence:
		slot = &e.Prose
	case *Metier:
		slot = &e.Prose
	default:
		l.fail(p.Pos, msg.AttachUnknown, p.Attach)
		return
	}
	if *slot != nil {
		l.fail(p.Pos, msg.AttachTwice, p.Attach, (*slot).Path)
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
			l.fail(pos, msg.SlugTooLong, len(seg), maxSegment, seg)
			return
		}
		if prev, dup := seen[path]; dup {
			l.fail(pos, msg.SlugDup, path, prev)
			return
		}
		seen[path] = pos
	}
	if l.site.Several {
		for _, c := range l.site.Certifications {
			claim(c.Path(), c.Pos)
		}
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
		prefix := ""
		if m.Cert != nil {
			prefix = m.Cert.Prefix()
		}
		claim(prefix+PathModalites+m.Slug+"/", m.Pos)
	}
pages:
	for _, p := range l.site.Pages {
		first, _, _ := strings.Cut(p.Slug, "/")
		for _, r := range Reserved {
			if first == r || l.site.Several && l.isCert(first) {
				l.fail(p.Pos, msg.SlugReserved, p.Slug)
				continue pages
			}
		}
		claim(p.SitePath(), p.Pos)
	}
}

// isCert reports whether slug is the slug of a certification.
func (l *loader) isCert(slug string) bool {
	for _, c := range l.site.Certifications {
		if c.Slug == slug {
			return true
		}
	}
	return false
}

// shortLabel cuts a compétence's text at 80 runes on a word, for
// navigation when it has no label.
func shortLabel(text string) string {
	r := []rune(text)
	if len(r) <= 80 {
		return text
	}
	cut := string(r[:80])
	if i := strings.LastIndexByte(cut, ' '); i > 40 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}
