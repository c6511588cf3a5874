package importer

import (
	"slices"
	"strings"

	"cursus/generator/msg"
)

// dataRow reads one row of a bloc: activities and métiers, compétence,
// modalités, criteria. An empty first or third cell is a merged cell: it
// belongs to the rows above.
func (p *parser) dataRow(n int, cs []cell) {
	if p.cur == nil {
		if len(p.t.blocs) == 0 && p.errs.Len() == 0 {
			p.fail(p.pos(n, 1), msg.TableNotBloc, start(cs, 40))
		}
		return // one error is enough until the next bloc row
	}
	p.rows++
	if !p.header {
		p.fail(p.pos(n, 1), msg.TableNoHeader, p.cur.number)
		p.header = true
	}
	if len(cs) < columns {
		p.fail(p.pos(n, 1), msg.TableColumns, len(cs))
		return
	}
	if len(cs) > columns && cs[columns].s != "" {
		p.fail(p.pos(n, cs[columns].col(0, 0)), msg.TableFifth)
		return
	}
	p.activitiesCell(n, cs[0])
	mods := p.modalitesCell(n, cs[2])
	comp := cs[1].flat()
	var c *tCompetence
	switch {
	case comp.s != "":
		c = &tCompetence{pos: p.pos(n, comp.col(0, cs[1].off)), text: comp.s}
		p.cur.competences = append(p.cur.competences, c)
	case len(p.cur.competences) > 0:
		c = p.cur.competences[len(p.cur.competences)-1] // merged compétence cell
	default:
		p.fail(p.pos(n, cs[1].off+1), msg.TableNoCompetence, p.cur.number)
		return
	}
	if mods == nil {
		p.fail(p.pos(n, cs[2].off+1), msg.TableNoModalites, p.cur.number)
	}
	c.modalites.add(mods...)
	p.cur.modalites.add(mods...)
	p.criteriaCell(n, cs[3], c)
}

// start quotes the first n characters of a row, for a message.
func start(cs []cell, n int) string {
	var parts []string
	for _, c := range cs {
		if c.s != "" {
			parts = append(parts, shorten(c.flat().s, n))
		}
	}
	return shorten(strings.Join(parts, " "), n)
}

// ordered is a list that keeps the first of equal items, in order. Lists
// are short (the modalités of a compétence), so a search is enough; past
// seenFrom items a set takes over, so that a malformed table does not make
// the import quadratic, while a million short lists cost no map each.
type ordered struct {
	list []string
	seen map[string]bool // the items of list, once it is long
}

const seenFrom = 16

func (o *ordered) add(items ...string) {
	for _, it := range items {
		if o.has(it) {
			continue
		}
		o.list = append(o.list, it)
		switch {
		case o.seen != nil:
			o.seen[it] = true
		case len(o.list) > seenFrom:
			o.seen = map[string]bool{}
			for _, x := range o.list {
				o.seen[x] = true
			}
		}
	}
}

func (o *ordered) has(it string) bool {
	if o.seen != nil {
		return o.seen[it]
	}
	return slices.Contains(o.list, it)
}

var metiersMark = lazyRegexp(`(?i)(?:^|[\s\x{a0}\x{202f}])m[ée]tiers?[\s\x{a0}\x{202f}]*:`)

// activitiesCell reads the activities of the bloc, one per paragraph, then
// the métiers after "Métier(s) :", one per list item ("- " or <li>).
func (p *parser) activitiesCell(n int, c cell) {
	t := c.text
	if t.s == "" {
		return
	}
	acts, mets := t, text{}
	if loc := metiersMark().FindStringIndex(t.s); loc != nil {
		acts, mets = t.slice(0, loc[0]), t.slice(loc[1], len(t.s))
	}
	for a := range acts.paragraphs() {
		p.cur.activities.add(a.flat().s)
	}
	for para := range mets.paragraphs() {
		for m := range para.split(" - ") {
			title := strings.TrimRight(m.s, ",;. ")
			if title == "" {
				continue
			}
			pos := p.pos(n, m.col(0, c.off))
			if p.cur.metierKeys[normName(title)] {
				p.warn(pos, msg.TableMetierTwice, title, p.cur.number)
				continue
			}
			p.cur.metierKeys[normName(title)] = true
			p.cur.metiers = append(p.cur.metiers, tMetier{pos: pos, title: title})
		}
	}
}

// criteriaCell splits a criteria cell on paragraphs, then each paragraph on
// the criteria the export ran together (see criteria.go).
func (p *parser) criteriaCell(n int, c cell, comp *tCompetence) {
	t := c.text
	if t.s == "" {
		if len(comp.criteria) == 0 {
			p.warn(p.pos(n, c.off+1), msg.TableNoCriteria)
		}
		return
	}
	for para := range t.paragraphs() {
		warn := func(col int, k msg.Key, word string) { p.warn(p.pos(n, col), k, word) }
		for _, crit := range splitCriteria(para.flat(), warn) {
			if crit = strings.TrimSpace(crit); crit != "" {
				comp.criteria = append(comp.criteria, crit)
			}
		}
	}
}

// shorten cuts s to at most n runes, for quoting input in a message.
func shorten(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i] + "…"
		}
		n--
	}
	return s
}
