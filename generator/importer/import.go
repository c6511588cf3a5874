package importer

import (
	"bytes"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"cursus/generator/diag"
	"cursus/generator/msg"
)

// ModalitesPath is the content file of the modalités, relative to content/.
const ModalitesPath = "modalites.toml"

// Result is what an import would write, and what a person should check.
type Result struct {
	// Files maps a slash-separated path relative to the content directory
	// ("blocs/b1.toml", "modalites.toml") to the bytes of the file.
	Files map[string][]byte
	// Changes says, for every path of Files in sorted order, whether the
	// import creates it, changes it or leaves it as it is.
	Changes []Change
	// Warnings are decisions a person should check: uncertain criterion
	// splits, content the table dropped, renamed ids. Sorted by position.
	Warnings []Warning
	// Stats counts what the table holds.
	Stats Stats
	// Report says, bloc by bloc, what the import keeps of existing
	// content, what it replaces, adds and removes, and what exists only
	// on disk.
	Report []Item
	// Remove lists the bloc files of existing content that Write removes
	// (Options.Replace): blocs/bN.toml files the table no longer has.
	Remove []string
	// lang is the language of the errors of Write: that of the import.
	lang msg.Lang
}

// langError is an error of Write in the language of the import, which
// still unwraps to the error of the file system.
type langError struct {
	msg string
	err error
}

func (e *langError) Error() string { return e.msg }
func (e *langError) Unwrap() error { return e.err }

// fail is an error of Write in r's language that unwraps to err (nil when
// the file system did not fail).
func (r *Result) fail(err error, k msg.Key, args ...any) error {
	return &langError{msg: r.lang.F(k, args...), err: err}
}

// Options change how Import treats existing content. The zero value keeps
// what people chose.
type Options struct {
	// Replace makes the référentiel wholly the table's: ids of blocs and
	// compétences, labels, comments and keys written by hand are the
	// ones an import into an empty directory gives, modalités the table
	// does not have are dropped, and bloc files it does not have are
	// removed. Only métiers keep their ids, matched by title: pages
	// (content/metiers/<id>.md) and links name them.
	Replace bool
	// Lang is the language of the errors and warnings: that of the site
	// (msg.Of of its languageCode), French by default.
	Lang msg.Lang
}

// Stats counts the entities an import read from the table.
type Stats struct {
	Blocs, Competences, Criteria, Metiers, Modalites int
}

// Warning is a decision of the importer, at the position that caused it.
type Warning struct {
	Pos diag.Pos
	Msg string
}

// String formats the warning as file:line:col: message.
func (w Warning) String() string { return (&diag.Error{Pos: w.Pos, Msg: w.Msg}).Error() }

// ChangeKind says what an import does to one file.
type ChangeKind int

// The kinds of change, for a dry run.
const (
	Unchanged ChangeKind = iota
	Created
	Modified
	Deleted
)

// String is what the change list says of k in English.
func (k ChangeKind) String() string { return k.Text(msg.EN) }

var changeKeys = [...]msg.Key{Unchanged: msg.ChangeUnchanged, Created: msg.ChangeCreated, Modified: msg.ChangeModified, Deleted: msg.ChangeDeleted}

// Text is what the change list of cursus import says of k, in l.
func (k ChangeKind) Text(l msg.Lang) string { return l.F(changeKeys[k]) }

// Change is what an import does to one file.
type Change struct {
	Path string
	Kind ChangeKind
	// Diff is a unified diff of the old and new file when Kind is
	// Modified, empty otherwise.
	Diff string
}

// Import reads src, a référentiel table exported as tab-separated text
// (name is its file name, used in messages), and returns the content files
// it describes. existing is the content directory to import over; it may be
// nil or empty. Existing ids, labels, comments and keys added by hand are
// kept, and only what the table changed changes. Errors are a diag.List, one
// file:line:col: message per problem; positions in existing content are
// relative to existing. A table over MaxTableSize is refused.
func Import(name string, src []byte, existing fs.FS) (*Result, error) {
	return ImportWith(name, src, existing, Options{})
}

// ImportWith is Import with options.
func ImportWith(name string, src []byte, existing fs.FS, opts Options) (*Result, error) {
	if err := checkSize(opts.Lang, name, src); err != nil {
		return nil, err
	}
	t, warnings, err := parseTable(opts.Lang, name, src)
	if err != nil {
		return nil, err
	}
	var errs diag.List
	m := newMerger(opts.Lang)
	olds, srcs, others := readBlocs(existing, t, m, &errs)
	modSrc, ok := readSource(opts.Lang, existing, ModalitesPath, &errs)
	var oldMods *modalitesDoc
	if ok {
		oldMods = readModalitesDoc(modSrc)
	}
	if errs.Sort(); errs.Len() > 0 {
		return nil, errs
	}
	r := &Result{Files: map[string][]byte{}, lang: opts.Lang}
	mods := oldMods
	if opts.Replace {
		mods = nil
	}
	modDoc := m.modalites(t, mods)
	r.Files[ModalitesPath] = modDoc.encode()
	for _, b := range t.blocs {
		p := blocPath(b.number)
		over := olds[p]
		if opts.Replace {
			over = nil
		}
		d := m.bloc(b, over)
		r.Files[p] = d.encode()
		r.Report = append(r.Report, reportBloc(p, olds[p], d, tableLabels(b), srcs[p])...)
		r.Stats.add(b)
	}
	for _, p := range slices.Sorted(maps.Keys(others)) {
		it := Item{Outcome: DiskOnly, What: WhatBloc, Path: p, Of: or(others[p].id, strconv.Itoa(others[p].number))}
		if opts.Replace {
			it.Outcome = Removed
			r.Remove = append(r.Remove, p)
		}
		r.Report = append(r.Report, it)
	}
	r.Report = append(r.Report, reportModalites(oldMods, modDoc, m.modFromTable(), modSrc)...)
	r.Stats.Modalites = len(t.modalites)
	r.Changes = changes(r.Files, existing)
	for _, p := range r.Remove {
		r.Changes = append(r.Changes, Change{Path: p, Kind: Deleted})
	}
	slices.SortFunc(r.Changes, func(a, b Change) int { return strings.Compare(a.Path, b.Path) })
	r.Warnings = append(warnings, m.warnings...)
	sortWarnings(r.Warnings)
	return r, nil
}

var blocFile = lazyRegexp(`^b(\d+)\.toml$`)

// readBlocs reads every existing bloc file: those the table rewrites, and
// the others (returned apart) for the métier ids they hold and the report,
// which says they stay or --replace removes them.
func readBlocs(existing fs.FS, t *table, m *merger, errs *diag.List) (olds map[string]*blocDoc, srcs map[string]*source, gone map[string]*blocDoc) {
	olds, srcs, gone = map[string]*blocDoc{}, map[string]*source{}, map[string]*blocDoc{}
	var paths []string
	for _, b := range t.blocs {
		paths = append(paths, blocPath(b.number))
	}
	var others []string
	if existing != nil {
		entries, _ := fs.ReadDir(existing, "blocs")
		for _, e := range entries {
			p := path.Join("blocs", e.Name())
			if !e.IsDir() && blocFile().MatchString(e.Name()) && !slices.Contains(paths, p) {
				others = append(others, p)
			}
		}
	}
	// Blocs the table rewrites come first: a métier keeps the id of its
	// own bloc before that of another.
	for _, p := range append(paths, others...) {
		s, ok := readSource(m.lang, existing, p, errs)
		if !ok {
			continue
		}
		d := readBlocDoc(s)
		m.knowMetiers(d)
		if slices.Contains(others, p) {
			gone[p] = d // the report says it is left alone, or removed
			continue
		}
		olds[p], srcs[p] = d, s
	}
	return olds, srcs, gone
}

// tableLabels are the labels an import into an empty directory gives
// bloc b, then each of its compétences.
func tableLabels(b *tBloc) []string {
	out := []string{deriveLabel(b.title)}
	for _, c := range b.competences {
		out = append(out, deriveLabel(c.text))
	}
	return out
}

func (s *Stats) add(b *tBloc) {
	s.Blocs++
	s.Metiers += len(b.metiers)
	s.Competences += len(b.competences)
	for _, c := range b.competences {
		s.Criteria += len(c.criteria)
	}
}

// changes compares the files of an import with existing content.
func changes(files map[string][]byte, existing fs.FS) []Change {
	var out []Change
	for p, data := range files {
		c := Change{Path: p, Kind: Created}
		if existing != nil {
			if old, err := fs.ReadFile(existing, p); err == nil {
				c.Kind = Unchanged
				if !bytes.Equal(old, data) {
					c.Kind, c.Diff = Modified, unifiedDiff(p, string(old), string(data))
				}
			}
		}
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b Change) int { return strings.Compare(a.Path, b.Path) })
	return out
}

func sortWarnings(ws []Warning) {
	slices.SortStableFunc(ws, func(a, b Warning) int {
		if a.Pos.File != b.Pos.File {
			return strings.Compare(a.Pos.File, b.Pos.File)
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line - b.Pos.Line
		}
		return a.Pos.Col - b.Pos.Col
	})
}

// lazyRegexp compiles expr on first use: the importer is part of every
// cursus process, and compiling its expressions at start-up delayed every
// build for an import that rarely runs.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
