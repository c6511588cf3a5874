package importer

import (
	"strings"

	"cursus/generator/msg"
)

// knownModalites gives the ids the content already uses for the modalités
// of the official tables, keyed by normName of their name; any other name
// gets its slug.
var knownModalites = map[string]string{
	"mises en situation professionnelle": "mise-en-situation",
	"mise en situation professionnelle":  "mise-en-situation",
	"controle continu":                   "controle-continu",
}

// modaliteID derives the id of a modalité that existing content does not
// know yet.
func modaliteID(name string) string {
	if id, ok := knownModalites[normName(name)]; ok {
		return id
	}
	return slug(name)
}

// modalitesCell returns the keys of the modalités a row uses: those of its
// own cell, or those of the row above when the cell is empty (merged), or
// nil when there is no row above.
func (p *parser) modalitesCell(n int, c cell) []string {
	t := c.text
	if t.s == "" {
		return p.mods
	}
	var keys ordered
	for para := range t.paragraphs() {
		for _, m := range splitModalites(para.flat()) {
			m.pos = p.pos(n, m.pos.Col)
			keys.add(p.addModalite(m))
		}
	}
	p.mods = keys.list
	return keys.list
}

// addModalite records m and returns its key. The same modalité is usually
// repeated in every bloc; a different detail is worth a look.
func (p *parser) addModalite(m tModalite) string {
	m.key = normName(m.name)
	if prev, ok := p.byKey[m.key]; ok {
		if prev.detail != m.detail {
			p.warn(m.pos, msg.TableModaliteDetail, m.name, prev.pos.Line)
		}
		return m.key
	}
	mm := m
	p.byKey[m.key] = &mm
	p.t.modalites = append(p.t.modalites, &mm)
	return m.key
}

// splitModalites reads "Name (detail) Name (detail)…": an item ends at the
// parenthesis that closes its detail. A name with no detail is one item; a
// parenthesis with no name before it adds to the detail of the item before.
func splitModalites(t text) []tModalite {
	var out []tModalite
	// more[i] holds what adds to the detail of out[i], joined at the end:
	// adding each piece as it came copied the detail every time, and a
	// cell of "(x) (x) (x)…" took minutes.
	var more [][]string
	for t.s != "" {
		open := strings.IndexByte(t.s, '(')
		if open < 0 {
			out, more = append(out, tModalite{pos: posCol(t.col(0, 0)), name: t.s}), append(more, nil)
			break
		}
		end := closing(t.s, open)
		name := strings.TrimSpace(t.s[:open])
		detail := strings.TrimSpace(t.s[open+1 : max(end, open+1)])
		if end == len(t.s) { // unclosed: the rest is the detail
			detail = strings.TrimSpace(t.s[open+1:])
		}
		switch {
		case name != "":
			out, more = append(out, tModalite{pos: posCol(t.col(0, 0)), name: name, detail: detail}), append(more, nil)
		case len(out) > 0:
			more[len(more)-1] = append(more[len(more)-1], " ("+detail+")")
		}
		t = t.slice(min(end+1, len(t.s)), len(t.s)).trim()
	}
	for i := range out {
		out[i].detail += strings.Join(more[i], "")
	}
	return out
}

// closing returns the index of the parenthesis closing the one at open, or
// len(s) when there is none.
func closing(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return len(s)
}
