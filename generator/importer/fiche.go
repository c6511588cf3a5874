package importer

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"cursus/generator/diag"
	"cursus/generator/msg"
	"cursus/generator/rncp"
)

// The layout of docs/certifications.md.
const (
	certFile  = "certification.toml"
	certsDir  = "certifications"
	metiersMD = "metiers"
)

// Comments for the files a fiche import creates; existing files keep theirs.
const (
	certComment = "# Certification %s, importée de la fiche officielle (export de France Compétences).\n" +
		"# Une réimportation met à jour ce que la fiche donne ; les clés ajoutées à la main restent.\n"
	ficheBlocComment = "# Bloc %s de la fiche %s. Textes recopiés de la fiche officielle ; les critères,\n" +
		"# libellés et modalités ajoutés à la main sont gardés à la réimportation.\n"
	sharedModalites = "# Modalités d'évaluation partagées par les blocs, citées par leur id. La fiche\n" +
		"# RNCP décrit l'évaluation de chaque bloc dans son fichier (clé evaluation).\n" +
		"modalites = []\n"
)

// FicheResult is what importing fiches would do: the files of Result, and
// the files of a certification that moves from the content root into
// certifications/ because the site now has several.
type FicheResult struct {
	Result
	// Moves are renames, old path to new, relative to the content
	// directory; the new path is also in Files with the same bytes.
	Moves []Move
	// Certifications are the directories written, "" for the root.
	Certifications []string
}

// Move is one file a fiche import moves.
type Move struct{ From, To string }

// certSrc is a certification of existing content: its directory ("" for
// the content root) and the code RNCP of its certification.toml.
type certSrc struct {
	dir, rncp, title string
	src              *source
}

// ImportFiches lays fiches of the national export over existing content
// (nil or empty for a new site): each becomes a certification of the
// layout of docs/certifications.md, its métiers shared with the other
// certifications of the site by code ROME or by name. The fiche decides
// what it holds (identity, blocs, codes, compétence texts and numbers,
// evaluation); existing content keeps what people added (critères, labels,
// modalités, métier pages, keys and comments). Every fiche must be active.
// Errors and warnings are in lang, the language of the site.
func ImportFiches(lang msg.Lang, fiches []*rncp.Fiche, existing fs.FS) (*FicheResult, error) {
	var errs diag.List
	for _, f := range fiches {
		if !f.Active() {
			errs.Add(f.Pos, "%s", lang.F(msg.FicheInactive, f.Numero, f.Actif))
		}
	}
	root, dirs := scanCerts(lang, existing, &errs)
	if errs.Sort(); errs.Len() > 0 {
		return nil, errs
	}
	r := &FicheResult{Result: Result{Files: map[string][]byte{}, lang: lang}}
	m := newMerger(lang)
	mt := knownMetiers(existing, m, &errs)
	where := r.layout(fiches, root, dirs, existing)
	for _, f := range fiches {
		dir := where[f.Numero]
		r.Certifications = append(r.Certifications, dir)
		ids := mt.forFiche(f, r.Files, m)
		r.cert(lang, f, dir, existing, &errs)
		r.blocs(f, dir, ids, existing, m, &errs)
		r.Stats.Metiers += len(ids)
	}
	if _, err := fs.Stat(orEmpty(existing), ModalitesPath); err != nil {
		r.Files[ModalitesPath] = []byte(sharedModalites)
	}
	if errs.Sort(); errs.Len() > 0 {
		return nil, errs
	}
	r.Changes = changes(r.Files, existing)
	r.Warnings = m.warnings
	sortWarnings(r.Warnings)
	return r, nil
}

// orEmpty lets a nil existing content be read as an empty directory.
func orEmpty(fsys fs.FS) fs.FS {
	if fsys == nil {
		return emptyFS{}
	}
	return fsys
}

type emptyFS struct{}

func (emptyFS) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// scanCerts finds the certifications of existing content.
func scanCerts(lang msg.Lang, existing fs.FS, errs *diag.List) (root *certSrc, dirs []certSrc) {
	read := func(dir string) (certSrc, bool) {
		s, ok := readSource(lang, existing, path.Join(dir, certFile), errs)
		if !ok {
			return certSrc{}, false
		}
		g := &getter{s: s, m: s.m}
		return certSrc{dir: dir, rncp: strings.TrimSpace(g.str("rncp")), title: g.str("title"), src: s}, true
	}
	if c, ok := read(""); ok {
		root = &c
	}
	entries, _ := fs.ReadDir(orEmpty(existing), certsDir)
	for _, e := range entries {
		if e.IsDir() {
			if c, ok := read(path.Join(certsDir, e.Name())); ok {
				dirs = append(dirs, c)
			}
		}
	}
	return root, dirs
}

// layout decides the directory of each fiche: the certification that has
// its code RNCP, else the root for the one fiche of a new site, else a new
// directory of certifications/. A root certification that must make room
// moves into certifications/ (r.Moves).
func (r *FicheResult) layout(fiches []*rncp.Fiche, root *certSrc, dirs []certSrc, existing fs.FS) map[string]string {
	where := map[string]string{}
	taken := map[string]bool{}
	for _, c := range dirs {
		taken[path.Base(c.dir)] = true
	}
	several := len(dirs) > 0 || len(fiches) > 1
	if root != nil {
		several = several || len(fiches) != 1 || fiches[0].Numero != root.rncp
	}
	if root != nil && several {
		base := slug(or(root.rncp, or(root.title, "certification")))
		dir := path.Join(certsDir, uniqueID(taken, or(base, "certification")))
		taken[path.Base(dir)] = true
		r.move(root, dir, existing)
		dirs = append(dirs, certSrc{dir: dir, rncp: root.rncp})
	} else if root != nil {
		dirs = append(dirs, *root)
	}
	for _, f := range fiches {
		for _, c := range dirs {
			if c.rncp == f.Numero {
				where[f.Numero] = c.dir
			}
		}
		if _, ok := where[f.Numero]; ok {
			continue
		}
		if !several {
			where[f.Numero] = ""
			continue
		}
		name := uniqueID(taken, or(slug(f.Intitule), strings.ToLower(f.Numero)))
		taken[name] = true
		where[f.Numero] = path.Join(certsDir, name)
	}
	return where
}

// move plans the move of the root certification into dir: its
// certification.toml and bloc files. Modalités, métiers and pages stay at
// the root, where the several-certifications layout shares them.
func (r *FicheResult) move(root *certSrc, dir string, existing fs.FS) {
	files := []string{certFile}
	entries, _ := fs.ReadDir(existing, BlocsDir)
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".toml") {
			files = append(files, path.Join(BlocsDir, e.Name()))
		}
	}
	for _, p := range files {
		data, err := fs.ReadFile(existing, p)
		if err != nil {
			continue
		}
		to := path.Join(dir, p)
		r.Files[to] = data
		r.Moves = append(r.Moves, Move{From: p, To: to})
	}
}

// BlocsDir is the directory of bloc files in a certification.
const BlocsDir = "blocs"

// ficheBlocPath is where bloc n of the certification in dir lives.
func ficheBlocPath(dir string, n int) string {
	return path.Join(dir, BlocsDir, "b"+strconv.Itoa(n)+".toml")
}

func (r *FicheResult) blocs(f *rncp.Fiche, dir string, metiers []metierDoc, existing fs.FS, m *merger, errs *diag.List) {
	var written []string
	for _, b := range f.Blocs {
		n, _ := rncp.BlocNumber(f.Numero, b.Code)
		p := ficheBlocPath(dir, n)
		written = append(written, p)
		src, ok := readSource(m.lang, existing, p, errs)
		var old *blocDoc
		if ok {
			old = readBlocDoc(src)
		}
		d := m.ficheBloc(f, b, n, old, src, metiers)
		r.Files[p] = d.encode()
		r.Stats.Blocs++
		r.Stats.Competences += len(d.competences)
	}
	entries, _ := fs.ReadDir(orEmpty(existing), path.Join(dir, BlocsDir))
	for _, e := range entries {
		p := path.Join(dir, BlocsDir, e.Name())
		if !e.IsDir() && strings.HasSuffix(p, ".toml") && !slices.Contains(written, p) {
			m.warn(diag.Pos{File: p}, msg.FicheBlocGone, f.Numero)
		}
	}
}

// ficheBlocDoc is a bloc file with the keys the fiche adds to those of the
// table import.
type ficheBlocDoc struct {
	blocDoc
	code, evaluation string
	numbers          []string // official number of each compétence, "" when none
}

// ficheBloc builds the file of bloc b over old, its existing file if any.
func (m *merger) ficheBloc(f *rncp.Fiche, b rncp.Bloc, n int, old *blocDoc, src *source, metiers []metierDoc) *ficheBlocDoc {
	d := &ficheBlocDoc{code: b.Code, evaluation: rncp.Markdown(b.Evaluation)}
	d.comment = fmt.Sprintf(ficheBlocComment, b.Code, f.Numero)
	d.id, d.number, d.title = "B"+strconv.Itoa(n), n, strings.TrimSpace(b.Libelle)
	d.metiers = metiers
	if old != nil {
		d.comment, d.id, d.label = old.comment, or(old.id, d.id), old.label
		d.activities, d.modalites, d.metiers = old.activities, old.modalites, old.metiers
		d.extras = without(old.extras, "code", "evaluation")
	} else {
		old = &blocDoc{}
	}
	byNumber := map[string]int{}
	for i, c := range old.competences {
		if num := extraString(c.extras, "number"); num != "" {
			byNumber[num] = i
		}
	}
	kept := make([]bool, len(old.competences))
	for i, c := range rncp.Competences(b.Competences) {
		cd := competenceDoc{id: fmt.Sprintf("%s.C%d", d.id, i+1), text: c.Text}
		j, ok := byNumber[c.Number]
		if c.Number == "" || len(byNumber) == 0 {
			j, ok = i, i < len(old.competences)
		}
		if ok && !kept[j] {
			o := old.competences[j]
			kept[j] = true
			cd.id, cd.label, cd.modalites, cd.criteria = or(o.id, cd.id), o.label, o.modalites, o.criteria
			cd.extras = without(o.extras, "number")
		}
		d.competences = append(d.competences, cd)
		d.numbers = append(d.numbers, c.Number)
	}
	for i, c := range old.competences {
		if !kept[i] {
			m.warn(src.pos("competences", i, "id"), msg.FicheCompetenceGone, c.id, b.Code)
		}
	}
	return d
}

func (d *ficheBlocDoc) encode() []byte {
	var e encoder
	e.b.WriteString(d.comment)
	e.str("id", d.id)
	fmt.Fprintf(&e.b, "number = %d\n", d.number)
	e.str("code", d.code)
	e.str("title", d.title)
	if d.label != "" {
		e.str("label", d.label)
	}
	if len(d.activities) > 0 {
		e.list("activities", d.activities)
	}
	e.list("modalites", d.modalites)
	if d.evaluation != "" {
		e.text("evaluation", d.evaluation)
	}
	e.extras(d.extras)
	e.metiers(d.metiers)
	for i, c := range d.competences {
		e.b.WriteString("\n[[competences]]\n")
		e.str("id", c.id)
		if d.numbers[i] != "" {
			e.str("number", d.numbers[i])
		}
		if c.label != "" {
			e.str("label", c.label)
		}
		e.str("text", c.text)
		if len(c.modalites) > 0 {
			e.list("modalites", c.modalites)
		}
		if len(c.criteria) > 0 {
			e.list("criteria", c.criteria)
		}
		e.extras(c.extras)
	}
	return e.b.Bytes()
}

// text writes markdown: a basic string when it is one line, a multi-line
// string otherwise, so that the file reads like the text.
func (e *encoder) text(key, v string) {
	if !strings.Contains(v, "\n") {
		e.str(key, v)
		return
	}
	fmt.Fprintf(&e.b, "%s = \"\"\"\n", key)
	for _, r := range v {
		switch {
		case r == '"' || r == '\\':
			e.b.WriteByte('\\')
			e.b.WriteRune(r)
		case r == '\n' || r == '\t':
			e.b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&e.b, `\u%04X`, r)
		default:
			e.b.WriteRune(r)
		}
	}
	e.b.WriteString("\"\"\"\n")
}

// without returns xs but the keys named.
func without(xs []extra, keys ...string) []extra {
	var out []extra
	for _, x := range xs {
		if !slices.Contains(keys, x.key) {
			out = append(out, x)
		}
	}
	return out
}

func extraString(xs []extra, key string) string {
	for _, x := range xs {
		if s, ok := x.value.(string); ok && x.key == key {
			return s
		}
	}
	return ""
}

// WriteFiches writes the files of r under dir as Write does, all or none,
// then removes the old paths of the files that moved. Only a failed
// removal leaves both layouts, and its error names the file to remove.
func WriteFiches(dir string, r *FicheResult) error {
	if err := Write(dir, &r.Result); err != nil {
		return err
	}
	for _, mv := range r.Moves {
		if err := os.Remove(filepath.Join(dir, filepath.FromSlash(mv.From))); err != nil {
			return r.fail(err, msg.WriteMove, mv.From, mv.To, err)
		}
	}
	if len(r.Moves) > 0 {
		os.Remove(filepath.Join(dir, BlocsDir)) // only if empty: files people put there stay
	}
	return nil
}
