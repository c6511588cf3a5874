package content

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"

	"cursus/generator/diag"
	"cursus/generator/msg"
	"cursus/internal/par"
	"cursus/internal/sitefs"
	"slices"
)

// File names of the data files under the content root, or under the
// directory of a certification.
const (
	CertificationFile = "certification.toml"
	ModalitesFile     = "modalites.toml"
	BlocsDir          = "blocs"
	// CertificationsDir holds one directory per certification when a site
	// has several.
	CertificationsDir = "certifications"
	// MetiersDir holds the pages of the shared métiers.
	MetiersDir = "metiers"
)

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
	Code       string   `toml:"code"`
	Optional   bool     `toml:"optional"`
	Option     string   `toml:"option"`
	Evaluation string   `toml:"evaluation"`
	Activities []string `toml:"activities"`
	Modalites  []string `toml:"modalites"`
	Metiers    []struct {
		ID    string `toml:"id"`
		Title string `toml:"title"`
	} `toml:"metiers"`
	Competences []struct {
		ID        string   `toml:"id"`
		Number    string   `toml:"number"`
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
// sorted, each positioned in its file. Warnings, which do not stop a build,
// are in the model's Warnings. Messages are in French.
func Load(fsys fs.FS) (*Site, error) { return LoadAgain(fsys, msg.FR, nil) }

// LoadAgain is Load with messages in lang, the site's language, decoding
// again only the bloc files whose bytes changed since the last load kept
// in decoded: the dev server's builds. A nil decoded keeps nothing.
func LoadAgain(fsys fs.FS, lang msg.Lang, decoded *Decoded) (*Site, error) {
	l := &loader{fsys: fsys, lang: lang, site: &Site{metiers: map[string]*Metier{}}, shared: map[string]*Modalite{}, decoded: decoded}
	l.load()
	decoded.done()
	l.errs.Sort()
	if err := l.errs.Err(); err != nil {
		return nil, err
	}
	l.warns.Sort()
	l.site.Warnings = l.warns
	return l.site, nil
}

type loader struct {
	fsys    fs.FS
	lang    msg.Lang // of the messages
	decoded *Decoded
	site    *Site
	errs    diag.List
	warns   diag.List
	// listed maps a file name, in normal form C as the loader uses it, to
	// the name the directory listing gave, when they differ.
	listed map[string]string

	certs  []*certLoad
	pages  []*Page
	shared map[string]*Modalite // modalités of the root when the site has several certifications
	// metierTitles holds the first title each métier id is declared with,
	// in any bloc, and metierPages the ids with a page: a bloc may name a
	// shared métier by id alone.
	metierTitles map[string]string
	metierPages  map[string]bool
	pos          map[string]diag.Pos // where each id shared by the certifications was declared
}

// certLoad is a certification while it loads: its files and parsed blocs.
type certLoad struct {
	cert      *Certification
	blocFiles []string
	blocs     []parsedBloc
	modalites []*Modalite // declared in its own modalites.toml
}

type parsedBloc struct {
	file string
	data blocFile
	keys *keyIndex
	at   blocAt
}

// blocAt is where the keys of a bloc file that every load reads are
// written: found once per decoding (Decoded keeps them), not on every
// load of the dev server.
type blocAt struct {
	id, number, code, evaluation diag.Pos
	metiers                      []diag.Pos // each métier's id, else its title, else its table
	comps                        []compAt   // by compétence
}

// compAt is where a compétence is written, and each of its critères.
type compAt struct {
	id       diag.Pos
	criteria []diag.Pos
}

// warn records a warning: its message says it is one.
func (l *loader) warn(pos diag.Pos, k msg.Key, args ...any) {
	l.warns.Add(pos, "%s%s", l.lang.F(msg.Warning), l.lang.F(k, args...))
}

// fail records an error.
func (l *loader) fail(pos diag.Pos, k msg.Key, args ...any) {
	l.errs.Add(pos, "%s", l.lang.F(k, args...))
}

// frontErr records an error of splitFrontMatter.
func (l *loader) frontErr(pos diag.Pos, err error) {
	var fe frontError
	if errors.As(err, &fe) {
		l.fail(pos, msg.Key(fe))
		return
	}
	l.errs.Add(pos, "%v", err)
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
			l.fail(diag.Pos{File: name, Line: 1, Col: 1}, msg.NameNFC)
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
	l.layout(files)
	var metierPages []string
	for _, f := range files {
		if strings.HasPrefix(f, CertificationsDir+"/") && l.site.Several {
			continue
		}
		switch {
		case f == CertificationFile:
			// read by layout
		case f == ModalitesFile:
			if l.site.Several {
				l.modalites(f, nil)
			} else {
				l.certs[0].modalites = l.modalites(f, l.certs[0].cert)
			}
		case isBlocFile(f, ""):
			// parsed by parseBlocs
		case path.Dir(f) == MetiersDir && path.Ext(f) == ".md":
			metierPages = append(metierPages, f)
		case path.Ext(f) == ".toml":
			l.fail(diag.Pos{File: f}, msg.UnknownDataFile, CertificationFile, ModalitesFile, BlocsDir)
		case path.Ext(f) == ".md":
			l.page(f)
		}
	}
	l.parseBlocs()
	l.metierTitles, l.metierPages = map[string]string{}, map[string]bool{}
	for _, f := range metierPages {
		l.metierPages[strings.TrimSuffix(path.Base(f), ".md")] = true
	}
	for _, cl := range l.certs {
		for _, pb := range cl.blocs {
			for _, m := range pb.data.Metiers {
				if m.ID != "" && m.Title != "" && l.metierTitles[m.ID] == "" {
					l.metierTitles[m.ID] = m.Title
				}
			}
		}
	}
	l.resolveCertifications()
	l.reverseLinks()
	l.readMetierPages(metierPages)
	l.resolvePages()
	l.checkSlugs()
}

// layout finds the certifications: the content root, or each directory of
// content/certifications/, and reads their certification.toml and
// modalites.toml. It sorts the other files of a certification's directory.
func (l *loader) layout(files []string) {
	var dirs []string
	hasRoot := false
	for _, f := range files {
		if f == CertificationFile {
			hasRoot = true
		}
		if rest, ok := strings.CutPrefix(f, CertificationsDir+"/"); ok {
			if dir, _, ok := strings.Cut(rest, "/"); ok && (len(dirs) == 0 || dirs[len(dirs)-1] != dir) {
				dirs = append(dirs, dir)
			}
		}
	}
	if hasRoot && len(dirs) > 0 {
		l.fail(diag.Pos{File: CertificationsDir}, msg.RootAndCerts, CertificationFile, CertificationsDir, CertificationsDir)
	}
	if len(dirs) == 0 {
		c := &Certification{byID: map[string]any{}, declared: map[string]diag.Pos{}, Pos: diag.Pos{File: CertificationFile}}
		cl := &certLoad{cert: c}
		for _, f := range files {
			if isBlocFile(f, "") {
				cl.blocFiles = append(cl.blocFiles, f)
			}
		}
		l.certs = []*certLoad{cl}
		l.site.Certifications = []*Certification{c}
		if hasRoot {
			l.certification(c, CertificationFile)
		}
		return
	}
	l.site.Several = true
	for _, slug := range dirs {
		dir := CertificationsDir + "/" + slug
		c := &Certification{Slug: slug, Dir: dir, byID: map[string]any{}, declared: map[string]diag.Pos{}, Pos: diag.Pos{File: dir + "/" + CertificationFile}}
		if Slugify(slug) != slug {
			l.fail(diag.Pos{File: dir}, msg.CertDirName, slug, Slugify(slug))
		}
		if slices.Contains(Reserved, slug) {
			l.fail(diag.Pos{File: dir}, msg.CertDirReserved, slug)
		}
		cl := &certLoad{cert: c}
		sawCert := false
		for _, f := range files {
			rel, ok := strings.CutPrefix(f, dir+"/")
			if !ok {
				continue
			}
			switch {
			case rel == CertificationFile:
				sawCert = true
				l.certification(c, f)
			case rel == ModalitesFile:
				cl.modalites = l.modalites(f, c)
			case isBlocFile(f, dir):
				cl.blocFiles = append(cl.blocFiles, f)
			case path.Ext(f) == ".toml":
				l.fail(diag.Pos{File: f}, msg.UnknownCertFile, CertificationFile, ModalitesFile, BlocsDir)
			case path.Ext(f) == ".md":
				l.page(f)
			}
		}
		if !sawCert {
			l.fail(diag.Pos{File: dir + "/" + CertificationFile}, msg.CertFileMissing, CertificationFile)
		}
		l.certs = append(l.certs, cl)
		l.site.Certifications = append(l.site.Certifications, c)
	}
}

// certOf returns the certification whose directory holds file: the one
// certification of the root when the site has one.
func (l *loader) certOf(file string) *certLoad {
	if !l.site.Several {
		return l.certs[0]
	}
	for _, cl := range l.certs {
		if strings.HasPrefix(file, cl.cert.Dir+"/") {
			return cl
		}
	}
	return nil
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
			l.errs.Add(diag.Pos{File: path.Join(dir, path.Base(pe.Path))}, "%s", fileErr(l.lang, pe.Err))
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
	return readText(l.lang, l.fsys, file, l.onDisk(file), &l.errs)
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
func readText(lang msg.Lang, fsys fs.FS, file, name string, errs *diag.List) ([]byte, bool) {
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		errs.Add(diag.Pos{File: file}, "%s", fileErr(lang, err))
		return nil, false
	}
	return checkText(lang, file, src, errs)
}

// fileErr says in lang why a file of the site was not read, when the site's
// file system refused it (internal/sitefs).
func fileErr(lang msg.Lang, err error) string {
	for _, e := range []struct {
		err error
		key msg.Key
	}{{sitefs.ErrSpecial, msg.FileSpecial}, {sitefs.ErrDirLink, msg.FileDirLink},
		{sitefs.ErrOutside, msg.FileOutside}, {sitefs.ErrBrokenLink, msg.FileBrokenLink}} {
		if errors.Is(err, e.err) {
			return lang.F(e.key)
		}
	}
	return err.Error()
}

// modalites reads a file of modalités of certification c, or shared by
// every certification when c is nil.
func (l *loader) modalites(file string, c *Certification) []*Modalite {
	f := decodeFile[modalitesFile](l, "modalites", file)
	if f == nil {
		return nil
	}
	m, ki := f.v, f.ki
	var out []*Modalite
	for i, d := range m.Modalites {
		table := "modalites[" + strconv.Itoa(i) + "]"
		if d.ID == "" {
			l.missing(file, ki, table, "id")
			continue
		}
		if d.Name == "" {
			l.missing(file, ki, table, "name")
		}
		mod := &Modalite{ID: d.ID, Name: d.Name, Detail: d.Detail, Slug: Slugify(d.ID), Cert: c, Pos: posOf(file, ki, table+".id")}
		if !l.declare(c, "modalite:"+d.ID, mod, mod.Pos, "modalité") {
			continue
		}
		if c == nil {
			l.shared[d.ID] = mod
		}
		out = append(out, mod)
		l.site.Modalites = append(l.site.Modalites, mod)
	}
	return out
}

// isBlocFile reports whether f is a bloc file of the certification in dir.
func isBlocFile(f, dir string) bool {
	return path.Dir(f) == path.Join(dir, BlocsDir) && path.Ext(f) == ".toml"
}

// parseBlocs reads and decodes the bloc files of every certification on
// every core: a large site has hundreds of them. Results keep the files'
// sorted order.
func (l *loader) parseBlocs() {
	var files []string
	var owner []*certLoad
	for _, cl := range l.certs {
		for _, f := range cl.blocFiles {
			files = append(files, f)
			owner = append(owner, cl)
		}
	}
	parsed := make([]*parsedBloc, len(files))
	errs := make([]diag.List, len(files))
	par.ForEach(len(files), func(i int) {
		parsed[i] = l.decoded.bloc(l.lang, l.fsys, files[i], l.onDisk(files[i]), &errs[i])
	})
	for i, pb := range parsed {
		l.errs = append(l.errs, errs[i]...)
		if pb != nil {
			owner[i].blocs = append(owner[i].blocs, *pb)
		}
	}
}

func decodeBloc(lang msg.Lang, file string, raw []byte, errs *diag.List) *parsedBloc {
	f := decodeText[blocFile](lang, file, raw, errs)
	if f == nil {
		return nil
	}
	b, ki := f.v, f.ki
	pb := &parsedBloc{file: file, data: b, keys: ki}
	at := func(key string) diag.Pos { return posOf(file, ki, key) }
	pb.at = blocAt{id: at("id"), number: at("number"), code: at("code"), evaluation: at("evaluation")}
	for i := range b.Metiers {
		table := "metiers[" + strconv.Itoa(i) + "]"
		pos := at(table + ".id")
		if pos.Line == 0 {
			pos = at(table + ".title")
		}
		pb.at.metiers = append(pb.at.metiers, pos)
	}
	pb.at.comps = make([]compAt, len(b.Competences))
	for i, c := range b.Competences {
		table := "competences[" + strconv.Itoa(i) + "]"
		pb.at.comps[i].id = at(table + ".id")
		for j := range c.Criteria {
			pb.at.comps[i].criteria = append(pb.at.comps[i].criteria, at(table+".criteria["+strconv.Itoa(j)+"]"))
		}
	}
	return pb
}

// Decoded keeps the TOML files a load decoded (blocs, certifications,
// modalités), by their bytes, for the next load of the same site
// (LoadAgain): decoding TOML was a sixth of the dev server's rebuild of a
// hundred certifications after a one-word edit. What a file decoded to is
// only read after: the model copies what it takes.
type Decoded struct {
	mu         sync.Mutex
	last, next map[string]decodedFile // by kind and file name (again)
}

type decodedFile struct {
	raw  []byte
	lang msg.Lang // of the errors
	v    any      // what the file decoded to: *parsedBloc, *decodedTOML[T]
	errs diag.List
}

// again returns what decode makes of the file listed as name, or what it
// made of the same bytes at the last load. kind names what decode makes:
// a file read as a bloc one time and as a certification the next is
// decoded again.
func (d *Decoded) again(kind string, lang msg.Lang, fsys fs.FS, file, name string, errs *diag.List, decode func(raw []byte, errs *diag.List) any) any {
	raw, err := fs.ReadFile(fsys, name)
	if err != nil {
		errs.Add(diag.Pos{File: file}, "%s", fileErr(lang, err))
		return nil
	}
	if d == nil {
		return decode(raw, errs)
	}
	key := kind + "\x00" + name
	d.mu.Lock()
	old, ok := d.last[key]
	d.mu.Unlock()
	if !ok || old.lang != lang || !bytes.Equal(old.raw, raw) {
		old = decodedFile{raw: raw, lang: lang}
		old.v = decode(raw, &old.errs)
	}
	d.mu.Lock()
	if d.next == nil {
		d.next = map[string]decodedFile{}
	}
	d.next[key] = old
	d.mu.Unlock()
	*errs = append(*errs, old.errs...)
	return old.v
}

// bloc decodes the bloc file listed as name, or returns what the last load
// decoded of the same bytes.
func (d *Decoded) bloc(lang msg.Lang, fsys fs.FS, file, name string, errs *diag.List) *parsedBloc {
	pb, _ := d.again("bloc", lang, fsys, file, name, errs, func(raw []byte, errs *diag.List) any {
		return decodeBloc(lang, file, raw, errs)
	}).(*parsedBloc)
	return pb
}

// decodedTOML is a TOML file decoded into a T, with where its keys are.
type decodedTOML[T any] struct {
	v  T
	ki *keyIndex
}

// decodeText checks the text of a file and decodes it into a T, with
// where its keys are written; nil when it does not decode, its errors
// in errs.
func decodeText[T any](lang msg.Lang, file string, raw []byte, errs *diag.List) *decodedTOML[T] {
	src, ok := checkText(lang, file, raw, errs)
	if !ok {
		return nil
	}
	f := &decodedTOML[T]{}
	if f.ki, ok = decodeTOML(lang, file, src, 1, &f.v, errs); !ok {
		return nil
	}
	return f
}

// decodeFile decodes file into a T as decodeText does, or returns what the
// last load decoded of the same bytes as the same kind.
func decodeFile[T any](l *loader, kind, file string) *decodedTOML[T] {
	f, _ := l.decoded.again(kind, l.lang, l.fsys, file, l.onDisk(file), &l.errs, func(raw []byte, errs *diag.List) any {
		return decodeText[T](l.lang, file, raw, errs)
	}).(*decodedTOML[T])
	return f
}

// done forgets the files the last load did not read.
func (d *Decoded) done() {
	if d != nil {
		d.last, d.next = d.next, nil
	}
}

func (l *loader) page(file string) {
	src, ok := l.read(file)
	if !ok {
		return
	}
	front, body, bodyLine, err := splitFrontMatter(src)
	if err != nil {
		l.frontErr(diag.Pos{File: file, Line: 1, Col: 1}, err)
		return
	}
	var fm pageFront
	ki, ok := decodeTOML(l.lang, file, front, 2, &fm, &l.errs)
	if !ok {
		return
	}
	p := &Page{
		Path: file, Title: fm.Title, Description: fm.Description, Weight: fm.Weight,
		Draft: fm.Draft, Attach: fm.Attach, Layout: fm.Layout, Body: body, BodyLine: bodyLine,
		Pos: diag.Pos{File: file, Line: 1, Col: 1},
	}
	certHome := strings.HasPrefix(file, CertificationsDir+"/") && strings.Count(file, "/") == 2 && path.Base(file) == "index.md"
	if fm.Attach == "" && !certHome && strings.TrimSpace(fm.Title) == "" {
		l.fail(diag.Pos{File: file, Line: 1, Col: 1}, msg.FrontNoTitle)
	}
	if file == "index.md" || certHome {
		if fm.Slug != "" {
			l.fail(posOf(file, ki, "slug"), msg.HomeSlug)
		}
	} else if fm.Slug != "" {
		p.Slug = cleanSlugPath(fm.Slug)
		if p.Slug == "" {
			l.fail(posOf(file, ki, "slug"), msg.SlugNoLetter, fm.Slug)
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
// posOf returns where key is written in file, or its closest ancestor.
func posOf(file string, ki *keyIndex, key string) diag.Pos {
	line, col := ki.lookup(key)
	return diag.Pos{File: file, Line: line, Col: col}
}

func (l *loader) missing(file string, ki *keyIndex, table, key string) {
	where := key
	if table != "" {
		where = table + "." + key
	}
	l.fail(posOf(file, ki, table), msg.KeyMissing, where)
}

// declare registers an id of certification c (nil: shared by the site),
// reporting a duplicate with both positions. Ids are unique within a
// certification; a shared modalité may not reuse a certification's id.
func (l *loader) declare(c *Certification, id string, v any, pos diag.Pos, kind string) bool {
	declared := l.pos // the site's own: modalités shared by its certifications
	if c != nil {
		declared = c.declared // written by the goroutine resolving c alone
	}
	prev, dup := declared[id]
	if !dup && strings.HasPrefix(id, "modalite:") {
		prev, dup = l.pos[id]
	}
	if dup {
		l.fail(pos, msg.IDDup, strings.TrimPrefix(id, "modalite:"), kind, prev)
		return false
	}
	declared[id] = pos
	if c != nil {
		c.byID[id] = v
	}
	return true
}
