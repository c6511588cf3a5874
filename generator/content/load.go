package content

import (
	"errors"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"cursus/generator/diag"
	"cursus/internal/par"
)

// File names of the data files under the content root.
const (
	CertificationFile = "certification.toml"
	ModalitesFile     = "modalites.toml"
	BlocsDir          = "blocs"
)

type certificationFile struct {
	Title   string `toml:"title"`
	RNCP    string `toml:"rncp"`
	Level   string `toml:"level"`
	Summary string `toml:"summary"`
}

type modalitesFile struct {
	Modalites []struct {
		ID     string `toml:"id"`
		Name   string `toml:"name"`
		Detail string `toml:"detail"`
	} `toml:"modalites"`
}

type blocFile struct {
	ID         string   `toml:"id"`
	Number     int      `toml:"number"`
	Title      string   `toml:"title"`
	Label      string   `toml:"label"`
	Activities []string `toml:"activities"`
	Modalites  []string `toml:"modalites"`
	Metiers    []struct {
		ID    string `toml:"id"`
		Title string `toml:"title"`
	} `toml:"metiers"`
	Competences []struct {
		ID        string   `toml:"id"`
		Label     string   `toml:"label"`
		Text      string   `toml:"text"`
		Modalites []string `toml:"modalites"`
		Criteria  []string `toml:"criteria"`
	} `toml:"competences"`
}

type pageFront struct {
	Title       string `toml:"title"`
	Description string `toml:"description"`
	Weight      int    `toml:"weight"`
	Draft       bool   `toml:"draft"`
	Slug        string `toml:"slug"`
	Attach      string `toml:"attach"`
	Layout      string `toml:"layout"`
}

// Load reads the content tree in fsys and returns the validated model. When
// the content has problems, it returns a diag.List with every one of them,
// sorted, each positioned in its file.
func Load(fsys fs.FS) (*Site, error) {
	l := &loader{fsys: fsys, site: &Site{byID: map[string]any{}}}
	l.load()
	l.errs.Sort()
	if err := l.errs.Err(); err != nil {
		return nil, err
	}
	return l.site, nil
}

type loader struct {
	fsys fs.FS
	site *Site
	errs diag.List
	// listed maps a file name, in normal form C as the loader uses it, to
	// the name the directory listing gave, when they differ.
	listed map[string]string

	blocs []parsedBloc
	pages []*Page
	pos   map[string]diag.Pos // where each id was declared
}

type parsedBloc struct {
	file string
	data blocFile
	keys *keyIndex
}

func (l *loader) load() {
	l.pos = map[string]diag.Pos{}
	l.listed = map[string]string{}
	var files []string
	seen := map[string]bool{}
	err := fs.WalkDir(l.fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			l.walkError(p, err)
			return nil
		}
		if p != "." && Ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		// Names in normal form C, as the text is (see checkText): a
		// file saved by macOS tools has the name typed elsewhere.
		name := norm.NFC.String(p)
		if seen[name] {
			l.errs.Add(diag.Pos{File: name, Line: 1, Col: 1}, "un autre fichier porte ce nom, ses accents codés autrement (Unicode NFC et NFD) : gardez-en un seul")
			return nil
		}
		seen[name] = true
		if name != p {
			l.listed[name] = p
		}
		files = append(files, name)
		return nil
	})
	if err != nil {
		l.errs.Add(diag.Pos{File: "."}, "%v", err)
	}
	sort.Strings(files)
	l.parseBlocs(files)
	sawModalites := false
	for _, f := range files {
		switch {
		case f == CertificationFile:
			l.certification(f)
		case f == ModalitesFile:
			sawModalites = true
			l.modalites(f)
		case isBlocFile(f):
			// parsed by parseBlocs
		case path.Ext(f) == ".toml":
			l.errs.Add(diag.Pos{File: f}, "unknown data file: data goes in %s, %s or %s/*.toml", CertificationFile, ModalitesFile, BlocsDir)
		case path.Ext(f) == ".md":
			l.page(f)
		}
	}
	if !sawModalites {
		l.errs.Add(diag.Pos{File: ModalitesFile}, "missing file: the modalités d'évaluation are required")
	}
	l.resolveBlocs()
	l.resolvePages()
	l.checkSlugs()
}

// walkError reports an error met listing the directory dir. The site's
// file system lists the entries it refuses to read (a named pipe, a link
// out of the site) as one error per entry: each is reported at its file.
func (l *loader) walkError(dir string, err error) {
	var list interface{ Unwrap() []error }
	if !errors.As(err, &list) {
		l.errs.Add(diag.Pos{File: dir}, "%v", err)
		return
	}
	for _, e := range list.Unwrap() {
		var pe *fs.PathError
		if errors.As(e, &pe) {
			l.errs.Add(diag.Pos{File: path.Join(dir, path.Base(pe.Path))}, "%v", pe.Err)
		} else {
			l.errs.Add(diag.Pos{File: dir}, "%v", e)
		}
	}
}

// Ignored reports whether a file or directory name is not content: hidden
// files and editor artefacts (swap, backup and lock files).
func Ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") ||
		strings.HasSuffix(name, ".bck") || strings.HasSuffix(name, ".tmp") ||
		name == "4913" || strings.HasPrefix(name, "#")
}

func (l *loader) read(file string) ([]byte, bool) {
	return readText(l.fsys, file, l.onDisk(file), &l.errs)
}

// onDisk returns the name of file in the directory listing.
func (l *loader) onDisk(file string) string {
	if p, ok := l.listed[file]; ok {
		return p
	}
	return file
}

// readText reads the file listed as name and checks its text (see
// checkText); errors name it file, in normal form C.
func readText(fsys fs.FS, file, name string, errs *diag.List) ([]byte, bool) {
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		errs.Add(diag.Pos{File: file}, "%v", err)
		return nil, false
	}
	return checkText(file, src, errs)
}

func (l *loader) certification(file string) {
	src, ok := l.read(file)
	if !ok {
		return
	}
	var c certificationFile
	ki, ok := decodeTOML(file, src, 1, &c, &l.errs)
	if !ok {
		return
	}
	if strings.TrimSpace(c.Title) == "" {
		l.missing(file, ki, "", "title")
	}
	l.site.Certification = Certification{Title: c.Title, RNCP: c.RNCP, Level: c.Level, Summary: c.Summary}
}

func (l *loader) modalites(file string) {
	src, ok := l.read(file)
	if !ok {
		return
	}
	var m modalitesFile
	ki, ok := decodeTOML(file, src, 1, &m, &l.errs)
	if !ok {
		return
	}
	for i, d := range m.Modalites {
		table := "modalites[" + strconv.Itoa(i) + "]"
		if d.ID == "" {
			l.missing(file, ki, table, "id")
			continue
		}
		if d.Name == "" {
			l.missing(file, ki, table, "name")
		}
		mod := &Modalite{ID: d.ID, Name: d.Name, Detail: d.Detail, Slug: Slugify(d.ID), Pos: l.at(file, ki, table+".id")}
		if l.declare("modalite:"+d.ID, mod, mod.Pos, "modalité") {
			l.site.Modalites = append(l.site.Modalites, mod)
		}
	}
}

func isBlocFile(f string) bool { return path.Dir(f) == BlocsDir && path.Ext(f) == ".toml" }

// parseBlocs reads and decodes the bloc files on every core: a large
// référentiel has hundreds of them. Results keep the files' sorted order.
func (l *loader) parseBlocs(files []string) {
	var blocFiles []string
	for _, f := range files {
		if isBlocFile(f) {
			blocFiles = append(blocFiles, f)
		}
	}
	parsed := make([]*parsedBloc, len(blocFiles))
	errs := make([]diag.List, len(blocFiles))
	par.ForEach(len(blocFiles), func(i int) {
		parsed[i] = parseBloc(l.fsys, blocFiles[i], l.onDisk(blocFiles[i]), &errs[i])
	})
	for i, pb := range parsed {
		l.errs = append(l.errs, errs[i]...)
		if pb != nil {
			l.blocs = append(l.blocs, *pb)
		}
	}
}

func parseBloc(fsys fs.FS, file, name string, errs *diag.List) *parsedBloc {
	src, ok := readText(fsys, file, name, errs)
	if !ok {
		return nil
	}
	var b blocFile
	ki, ok := decodeTOML(file, src, 1, &b, errs)
	if !ok {
		return nil
	}
	return &parsedBloc{file: file, data: b, keys: ki}
}

func (l *loader) page(file string) {
	src, ok := l.read(file)
	if !ok {
		return
	}
	front, body, bodyLine, err := splitFrontMatter(src)
	if err != nil {
		l.errs.Add(diag.Pos{File: file, Line: 1, Col: 1}, "%v", err)
		return
	}
	var fm pageFront
	ki, ok := decodeTOML(file, front, 2, &fm, &l.errs)
	if !ok {
		return
	}
	p := &Page{
		Path: file, Title: fm.Title, Description: fm.Description, Weight: fm.Weight,
		Draft: fm.Draft, Attach: fm.Attach, Layout: fm.Layout, Body: body, BodyLine: bodyLine,
		Pos: diag.Pos{File: file, Line: 1, Col: 1},
	}
	if fm.Attach == "" && strings.TrimSpace(fm.Title) == "" {
		l.errs.Add(diag.Pos{File: file, Line: 1, Col: 1}, "front matter: missing required key \"title\"")
	}
	if file == "index.md" {
		if fm.Slug != "" {
			l.errs.Add(l.at(file, ki, "slug"), "front matter: the home page has no slug")
		}
	} else if fm.Slug != "" {
		p.Slug = cleanSlugPath(fm.Slug)
		if p.Slug == "" {
			l.errs.Add(l.at(file, ki, "slug"), "front matter: slug %q has no letters or digits", fm.Slug)
		}
	} else {
		p.Slug = cleanSlugPath(strings.TrimSuffix(strings.TrimSuffix(file, ".md"), "/index"))
	}
	l.pages = append(l.pages, p)
}

// cleanSlugPath slugifies each segment of a slash path, dropping empty ones,
// "." and "..": a page's URL can never leave the site.
func cleanSlugPath(p string) string {
	var segs []string
	for _, s := range strings.Split(p, "/") {
		if s = Slugify(s); s != "" {
			segs = append(segs, s)
		}
	}
	return strings.Join(segs, "/")
}

// at returns the position of a key path in a file, or the file alone.
func (l *loader) at(file string, ki *keyIndex, key string) diag.Pos {
	line, col := ki.lookup(key)
	return diag.Pos{File: file, Line: line, Col: col}
}

func (l *loader) missing(file string, ki *keyIndex, table, key string) {
	where := key
	if table != "" {
		where = table + "." + key
	}
	l.errs.Add(l.at(file, ki, table), "missing required key %q", where)
}

// declare registers an id, reporting a duplicate with both positions.
func (l *loader) declare(id string, v any, pos diag.Pos, kind string) bool {
	if prev, ok := l.pos[id]; ok {
		l.errs.Add(pos, "duplicate id %q: %s already declared at %s", strings.TrimPrefix(id, "modalite:"), kind, prev)
		return false
	}
	l.pos[id] = pos
	l.site.byID[id] = v
	return true
}
