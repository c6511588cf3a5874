package importer

import (
	"fmt"
	"slices"
	"strconv"

	"cursus/generator/diag"
	"cursus/generator/msg"
)

// Comments for files the import creates; existing files keep their own.
const (
	blocComment      = "# Bloc %d du référentiel. Textes recopiés mot pour mot du tableau officiel.\n"
	modalitesComment = "# Modalités d'évaluation du référentiel : le nom, puis le détail donné entre\n" +
		"# parenthèses dans le tableau officiel. Les blocs et les compétences les citent\n" +
		"# par leur id.\n\n"
)

// merger lays the table over existing content: the table decides the
// referential data (titles, texts, criteria, modalités), existing content
// keeps what people chose (ids, labels, comments, keys added by hand).
type merger struct {
	lang     msg.Lang // of the warnings
	warnings []Warning
	// metierIDs maps normName(title) to the id existing content or this
	// import gave a métier; idTitle is the reverse, to keep ids unique.
	metierIDs map[string]string
	idTitle   map[string]string
	modIDs    map[string]string // modalité key → id
}

func newMerger(lang msg.Lang) *merger {
	return &merger{lang: lang, metierIDs: map[string]string{}, idTitle: map[string]string{}, modIDs: map[string]string{}}
}

func (m *merger) warn(pos diag.Pos, k msg.Key, args ...any) {
	m.warnings = append(m.warnings, Warning{Pos: pos, Msg: m.lang.F(k, args...)})
}

// knowMetiers records the métier ids of an existing bloc file, so that a
// métier keeps its id even when the table moves it to another bloc.
func (m *merger) knowMetiers(d *blocDoc) {
	for _, mt := range d.metiers {
		key := normName(mt.title)
		if _, ok := m.metierIDs[key]; !ok && mt.id != "" {
			m.metierIDs[key] = mt.id
		}
		if _, ok := m.idTitle[mt.id]; !ok {
			m.idTitle[mt.id] = key
		}
	}
}

// metierID gives the id of the métier called title: the one it already
// has, or a new slug that no other métier uses.
func (m *merger) metierID(pos diag.Pos, title string) string {
	key := normName(title)
	if id, ok := m.metierIDs[key]; ok {
		return id
	}
	base := slug(title)
	if base == "" {
		base = "metier"
	}
	id := uniqueID(m.idTitle, base)
	if id != base {
		m.warn(pos, msg.ImportMetierID, title, id, base)
	}
	m.metierIDs[key], m.idTitle[id] = id, key
	return id
}

// modalites merges the modalités of the table into the existing list and
// records the id of each.
func (m *merger) modalites(t *table, old *modalitesDoc) *modalitesDoc {
	d := &modalitesDoc{comment: modalitesComment}
	if old != nil {
		d.comment, d.extras, d.list = old.comment, old.extras, slices.Clone(old.list)
	}
	byName, byID := map[string]int{}, map[string]int{}
	for i, x := range d.list {
		if _, ok := byName[normName(x.name)]; !ok {
			byName[normName(x.name)] = i
		}
		if _, ok := byID[x.id]; !ok {
			byID[x.id] = i
		}
	}
	for _, tm := range t.modalites {
		id := modaliteID(tm.name)
		i, ok := byName[tm.key]
		if !ok {
			i, ok = byID[id]
		}
		if !ok {
			id = uniqueID(byID, or(id, "modalite"))
			d.list = append(d.list, modaliteDoc{id: id})
			i = len(d.list) - 1
			byID[id] = i
		}
		d.list[i].name, d.list[i].detail = tm.name, tm.detail
		m.modIDs[tm.key] = d.list[i].id
	}
	return d // the report says which it kept (reportModalites)
}

// uniqueID returns base, or base-2, base-3… if base is taken.
func uniqueID[V any](taken map[string]V, base string) string {
	id := base
	for n := 2; ; n++ {
		if _, ok := taken[id]; !ok {
			return id
		}
		id = base + "-" + strconv.Itoa(n)
	}
}

// bloc builds the file of bloc b over old, its existing file if any.
func (m *merger) bloc(b *tBloc, old *blocDoc) *blocDoc {
	d := &blocDoc{
		comment: fmt.Sprintf(blocComment, b.number),
		id:      "B" + strconv.Itoa(b.number),
		label:   deriveLabel(b.title),
	}
	if old == nil {
		old = &blocDoc{}
	} else {
		d.comment, d.extras = old.comment, old.extras
		d.id = or(old.id, d.id)
		d.label = or(old.label, d.label)
	}
	d.number, d.title, d.activities = b.number, b.title, b.activities.list
	d.modalites = m.modIDList(b.modalites.list)
	m.metiers(d, b, old)
	m.competences(d, b, old)
	return d
}

func (m *merger) metiers(d *blocDoc, b *tBloc, old *blocDoc) {
	kept := make([]bool, len(old.metiers))
	byTitle := map[string]int{}
	for i, x := range old.metiers {
		if _, ok := byTitle[normName(x.title)]; !ok {
			byTitle[normName(x.title)] = i
		}
	}
	for _, tm := range b.metiers {
		md := metierDoc{title: tm.title}
		if i, ok := byTitle[normName(tm.title)]; ok && !kept[i] {
			md.id, md.extras, kept[i] = old.metiers[i].id, old.metiers[i].extras, true
		}
		if md.id == "" {
			md.id = m.metierID(tm.pos, tm.title)
		}
		d.metiers = append(d.metiers, md)
	}
}

func (m *merger) competences(d *blocDoc, b *tBloc, old *blocDoc) {
	d.competences = make([]competenceDoc, 0, len(b.competences))
	for i, tc := range b.competences {
		cd := competenceDoc{
			id:       fmt.Sprintf("%s.C%d", d.id, i+1),
			text:     tc.text,
			criteria: tc.criteria,
		}
		if i < len(old.competences) {
			o := old.competences[i]
			cd.id, cd.label, cd.extras = or(o.id, cd.id), o.label, o.extras
		}
		if cd.label == "" {
			cd.label = deriveLabel(tc.text)
		}
		if own := m.modIDList(tc.modalites.list); !sameSet(own, d.modalites) {
			cd.modalites = own
		}
		d.competences = append(d.competences, cd)
	}
}

// modFromTable returns the ids of the modalités of the table.
func (m *merger) modFromTable() map[string]bool {
	out := map[string]bool{}
	for _, id := range m.modIDs {
		out[id] = true
	}
	return out
}

func (m *merger) modIDList(keys []string) []string {
	var out ordered
	for _, k := range keys {
		out.add(m.modIDs[k])
	}
	return out.list
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	var in ordered
	in.add(b...)
	for _, x := range a {
		if !in.has(x) {
			return false
		}
	}
	return true
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
