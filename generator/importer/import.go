package importer

import (
	"bytes"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"cursus/generator/diag"
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
)

func (k ChangeKind) String() string {
	switch k {
	case Created:
		return "create"
	case Modified:
		return "update"
	}
	return "unchanged"
}

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
	if err := checkSize(name, src); err != nil {
		return nil, err
	}
	t, warnings, err := parseTable(name, src)
	if err != nil {
		return nil, err
	}
	var errs diag.List
	m := newMerger()
	olds, srcs := readBlocs(existing, t, m, &errs)
	modSrc, ok := readSource(existing, ModalitesPath, &errs)
	var oldMods *modalitesDoc
	if ok {
		oldMods = readModalitesDoc(modSrc)
	}
	if errs.Sort(); errs.Len() > 0 {
		return nil, errs
	}
	r := &Result{Files: map[string][]byte{}}
	r.Files[ModalitesPath] = m.modalites(t, oldMods, modSrc).encode()
	for _, b := range t.blocs {
		p := blocPath(b.number)
		r.Files[p] = m.bloc(b, olds[p], srcs[p]).encode()
		r.Stats.add(b)
	}
	r.Stats.Modalites = len(t.modalites)
	r.Changes = changes(r.Files, existing)
	r.Warnings = append(warnings, m.warnings...)
	sortWarnings(r.Warnings)
	return r, nil
}

var blocFile = lazyRegexp(`^b(\d+)\.toml$`)

// readBlocs reads every existing bloc file: those the table rewrites, and
// the others for the métier ids they hold and a warning that they stay.
func readBlocs(existing fs.FS, t *table, m *merger, errs *diag.List) (map[string]*blocDoc, map[string]*source) {
	olds, srcs := map[string]*blocDoc{}, map[string]*source{}
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
		s, ok := readSource(existing, p, errs)
		if !ok {
			continue
		}
		d := readBlocDoc(s)
		m.knowMetiers(d)
		if slices.Contains(others, p) {
			m.warn(diag.Pos{File: p}, "bloc %s is not in the table: file left as it is", or(d.id, strconv.Itoa(d.number)))
			continue
		}
		olds[p], srcs[p] = d, s
	}
	return olds, srcs
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
