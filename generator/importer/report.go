package importer

import (
	"fmt"
	"slices"

	"cursus/generator/diag"
	"cursus/generator/msg"
)

// Outcome is what an import does to one piece of existing content.
type Outcome uint8

// The outcomes of an import, piece by piece.
const (
	Kept     Outcome = iota // existing content stays, maybe over what the table says
	Replaced                // the table's text replaces the existing one
	Added                   // the table has it, existing content did not
	Removed                 // existing content had it, the import removes it
	DiskOnly                // existing content has it, the table not: left as it is
)

// What names the kind of piece an Item is about.
type What uint8

// The pieces of a référentiel an import reports on.
const (
	WhatBloc       What = iota // a bloc file
	WhatTitle                  // the title of a bloc
	WhatLabel                  // the label of a bloc or compétence
	WhatCompetence             // a compétence
	WhatText                   // the text of a compétence
	WhatCriterion              // one criterion of a compétence
	WhatCriteria               // criteria kept, counted (N)
	WhatMetier                 // a métier of a bloc
	WhatModalite               // a modalité of modalites.toml
	WhatHandKey                // a key written by hand (Old is its name)
)

// Item is one line of the report of an import: what happens to one bloc,
// compétence, criterion, label… of existing content. Path is the content
// file, Of the id of the bloc or compétence, Old and New the texts before
// and after (either may be empty), N a count. At is where existing
// content writes what the import removes or leaves alone (a compétence or
// métier gone from the table, a modalité it does not have), for the
// person to go and look; zero otherwise (a bloc names its file).
type Item struct {
	Outcome  Outcome
	What     What
	Path     string
	Of       string
	Old, New string
	N        int
	At       diag.Pos
}

var outcomeKeys = [...]msg.Key{Kept: msg.ImportKeep, Replaced: msg.ImportReplace, Added: msg.ImportAdd, Removed: msg.ImportRemove, DiskOnly: msg.ImportDiskOnly}

var whatKeys = [...]msg.Key{WhatTitle: msg.ImportTitle, WhatLabel: msg.ImportLabel, WhatCompetence: msg.ImportCompetence,
	WhatText: msg.ImportText, WhatCriterion: msg.ImportCriterion, WhatMetier: msg.ImportMetier, WhatModalite: msg.ImportModalite}

// Text formats the item in l, as "remplacement  label de B1.C1 : « Ancien » → « Nouveau »".
func (it Item) Text(l msg.Lang) string {
	var s string
	switch it.What {
	case WhatBloc:
		s = l.F(msg.ImportBloc, it.Of, it.Path)
	case WhatCriteria:
		s = l.F(msg.ImportCriteria, it.Of, it.N)
	case WhatHandKey:
		s = l.F(msg.ImportHandKey, it.Old, it.Of)
		it.Old = ""
	default:
		s = l.F(whatKeys[it.What], it.Of)
	}
	switch {
	case it.Outcome == Replaced && it.Old != "" && it.New != "":
		s += l.F(msg.ImportSep) + quoted(l, it.Old) + " → " + quoted(l, it.New)
	case it.Outcome == Kept && it.Old != "" && it.New != "":
		s += " " + quoted(l, it.Old) + l.F(msg.ImportSemi) + l.F(msg.ImportTableWould, short(it.New))
	case it.Old != "" || it.New != "":
		s += " " + quoted(l, or(it.New, it.Old))
	}
	switch {
	case it.Outcome == DiskOnly && it.What == WhatBloc:
		s += l.F(msg.ImportSep) + l.F(msg.ImportLeftAsIs)
	case it.Outcome == DiskOnly && it.What == WhatModalite:
		s += l.F(msg.ImportSep) + l.F(msg.ImportModaliteLeft)
	}
	return fmt.Sprintf("%-13s", l.F(outcomeKeys[it.Outcome])) + s // fmt pads by runes
}

func quoted(l msg.Lang, s string) string { return l.F(msg.ImportQuote, short(s)) }

// short cuts a long text, a criterion or a compétence, to a line.
func short(s string) string { return shorten(s, 70) }

// reportBloc compares a bloc's existing file (old, nil if none) with the
// one the import writes, d; derived are the labels the table gives, the
// bloc's then each compétence's.
func reportBloc(p string, old, d *blocDoc, derived []string, src *source) []Item {
	if old == nil {
		return []Item{{Outcome: Added, What: WhatBloc, Path: p, Of: d.id, New: d.title}}
	}
	out := []Item{{Outcome: Kept, What: WhatBloc, Path: p, Of: d.id}}
	if old.title != d.title {
		out = append(out, Item{Outcome: Replaced, What: WhatTitle, Path: p, Of: d.id, Old: old.title, New: d.title})
	}
	out = append(out, reportLabel(p, d.id, old.label, d.label, derived[0])...)
	out = append(out, reportHandKeys(p, d.id, old.extras, d.extras)...)
	out = append(out, reportMetiers(p, d.id, old.metiers, d.metiers, src)...)
	for i, c := range d.competences {
		if i >= len(old.competences) {
			out = append(out, Item{Outcome: Added, What: WhatCompetence, Path: p, Of: c.id, New: c.text})
			continue
		}
		o := old.competences[i]
		if o.text != c.text {
			out = append(out, Item{Outcome: Replaced, What: WhatText, Path: p, Of: c.id, Old: o.text, New: c.text})
		} else {
			out = append(out, Item{Outcome: Kept, What: WhatCompetence, Path: p, Of: c.id})
		}
		out = append(out, reportLabel(p, c.id, o.label, c.label, derived[i+1])...)
		out = append(out, reportCriteria(p, c.id, o.criteria, c.criteria)...)
		out = append(out, reportHandKeys(p, c.id, o.extras, c.extras)...)
	}
	for i := len(d.competences); i < len(old.competences); i++ {
		o := old.competences[i]
		out = append(out, Item{Outcome: Removed, What: WhatCompetence, Path: p, Of: o.id, Old: o.text, At: src.pos("competences", i, "id")})
	}
	return out
}

// reportLabel says whether a label stays over the one the table would
// give, is replaced by it, or is new.
func reportLabel(p, id, old, now, derived string) []Item {
	switch {
	case old == "":
		return []Item{{Outcome: Added, What: WhatLabel, Path: p, Of: id, New: now}}
	case old != now:
		return []Item{{Outcome: Replaced, What: WhatLabel, Path: p, Of: id, Old: old, New: now}}
	case old != derived:
		return []Item{{Outcome: Kept, What: WhatLabel, Path: p, Of: id, Old: old, New: derived}}
	}
	return nil
}

func reportCriteria(p, id string, old, now []string) []Item {
	var out []Item
	kept := 0
	for _, c := range now {
		if slices.Contains(old, c) {
			kept++
		} else {
			out = append(out, Item{Outcome: Added, What: WhatCriterion, Path: p, Of: id, New: c})
		}
	}
	for _, c := range old {
		if !slices.Contains(now, c) {
			out = append(out, Item{Outcome: Removed, What: WhatCriterion, Path: p, Of: id, Old: c})
		}
	}
	if kept > 0 {
		out = append([]Item{{Outcome: Kept, What: WhatCriteria, Path: p, Of: id, N: kept}}, out...)
	}
	return out
}

func reportMetiers(p, id string, old, now []metierDoc, src *source) []Item {
	has := func(list []metierDoc, title string) bool {
		return slices.ContainsFunc(list, func(m metierDoc) bool { return normName(m.title) == normName(title) })
	}
	var out []Item
	for _, m := range now {
		if !has(old, m.title) {
			out = append(out, Item{Outcome: Added, What: WhatMetier, Path: p, Of: id, New: m.title})
		}
	}
	for i, m := range old {
		if !has(now, m.title) {
			out = append(out, Item{Outcome: Removed, What: WhatMetier, Path: p, Of: id, Old: m.title, At: src.pos("metiers", i, "id")})
		}
	}
	return out
}

// reportHandKeys names the keys written by hand that the import drops
// (--replace); those it keeps go without saying.
func reportHandKeys(p, id string, old, now []extra) []Item {
	var out []Item
	for _, x := range old {
		if !slices.ContainsFunc(now, func(y extra) bool { return y.key == x.key }) {
			out = append(out, Item{Outcome: Removed, What: WhatHandKey, Path: p, Of: id, Old: x.key})
		}
	}
	return out
}

// reportModalites compares the modalités before (old, nil if none) and
// after (d); fromTable holds the ids of the table's, the others of d being
// kept from existing content.
func reportModalites(old, d *modalitesDoc, fromTable map[string]bool, src *source) []Item {
	find := func(doc *modalitesDoc, id string) *modaliteDoc {
		if doc == nil {
			return nil
		}
		for i := range doc.list {
			if doc.list[i].id == id {
				return &doc.list[i]
			}
		}
		return nil
	}
	var out []Item
	for _, m := range d.list {
		it := Item{What: WhatModalite, Path: ModalitesPath, Of: m.id, New: m.name}
		switch o := find(old, m.id); {
		case !fromTable[m.id]:
			it.Outcome = DiskOnly
			if old != nil {
				it.At = src.pos("modalites", slices.IndexFunc(old.list, func(o modaliteDoc) bool { return o.id == m.id }), "id")
			}
		case o == nil:
			it.Outcome = Added
		case o.name != m.name || o.detail != m.detail:
			it.Outcome, it.Old, it.New = Replaced, o.name+" ("+o.detail+")", m.name+" ("+m.detail+")"
		default:
			continue
		}
		out = append(out, it)
	}
	if old != nil {
		for _, o := range old.list {
			if find(d, o.id) == nil {
				out = append(out, Item{Outcome: Removed, What: WhatModalite, Path: ModalitesPath, Of: o.id, Old: o.name})
			}
		}
	}
	return out
}
