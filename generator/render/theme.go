// Package render loads a theme: one html/template set per layout, sharing the
// base and the partials, and the theme's static assets with fingerprinted
// names. Templates are named by their path from the site root, so a template
// error reads themes/default/layouts/bloc.html:12:5: ….
//
// A site overrides its theme file by file, as in Hugo and Zola: a file of
// the site's own layouts/ or static/ (Options.Own) wins over the theme's
// file of the same path, and the template's errors then name the site's
// file.
package render

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"cursus/generator/diag"
)

// Theme is a loaded theme, ready to render pages concurrently.
type Theme struct {
	Dir    string            // e.g. themes/default
	own    string            // the directory whose layouts/ and static/ win, or ""
	files  map[string]string // layout name ("bloc", "base") → its file, the site's or the theme's
	Assets *Assets           // the files of static/, fingerprinted
	Words  *Words            // the theme's words in the site's language
	base   string            // the site's base path
	// layouts holds one template set per layout name ("bloc", "page"…),
	// parsed and never executed: pages render through clones of it, as
	// many as goroutines render the layout at once (see acquire). Executing
	// a set locks its name space once and its function map at every call
	// of a function, and two cores sharing those locks spent a tenth of a
	// large build waiting on each other.
	layouts map[string]*template.Template
	buffers sync.Pool

	mu   sync.Mutex
	free map[string][]*template.Template // clones of each layout not in use

	partials *template.Template
	cache    sync.Map // cacheKey → template.HTML
	// sources maps a template's file to its source as written and as
	// parsed (minified or not), to give an error its line as written.
	sources map[string]source
	links   []Link // see Links
}

type source struct {
	written, parsed []byte
	// The spans of the actions of each, found once: see mapOffset.
	writtenSpans, parsedSpans [][2]int
}

func newSource(written, parsed []byte) source {
	return source{written: written, parsed: parsed, writtenSpans: actions(written), parsedSpans: actions(parsed)}
}

type cacheKey struct {
	name string
	data any
}

// cached renders the partial name with data once per build and returns the
// same HTML to every page that asks again: a compétence appears on its bloc
// page and on the page of each of its bloc's métiers. data must be a
// pointer or another comparable value that identifies what is rendered;
// the partial must not depend on the page it is placed in.
func (t *Theme) cached(name string, data any) (template.HTML, error) {
	key := cacheKey{name, data}
	if h, ok := t.cache.Load(key); ok {
		return h.(template.HTML), nil
	}
	var buf bytes.Buffer
	if err := t.partials.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	h := template.HTML(buf.String())
	t.cache.Store(key, h)
	return h, nil
}

// Forget forgets the partials cached for the last build, before a theme
// renders the pages of another.
func (t *Theme) Forget() { t.cache.Clear() }

// Options tune Load. The zero value loads a theme as written, for a site
// at the root of its host, with no functions but the theme's own.
type Options struct {
	// Funcs are the template functions of the build; the theme adds
	// asset and cached.
	Funcs template.FuncMap
	// Minify, when set, minifies the assets, and each template's source
	// once at load, so that pages come out minified without minifying every
	// page: a build of thousands of pages does the work a dozen times
	// instead.
	Minify Minifier
	// BasePath is the path the site is published under ("/sub/"); the
	// asset function's URLs start with it. "/" when empty.
	BasePath string
	// Own is the directory, from root, whose layouts/ and static/ override
	// the theme's file by file: "." for a site's root. "" overrides nothing.
	Own string
	// Lang is the language of the site's words, read from
	// i18n/<Lang>.toml of Defaults, the theme and Own (see Words); empty,
	// the theme has no words. LangAt is where the site chooses it, for the
	// error when no layer has it.
	Lang     string
	LangAt   diag.Pos
	Defaults fs.FS // cursus's default theme, whose words the others override
	// Typography is given every word once loaded: the site's French
	// typography. Nil leaves the words as written.
	Typography func(string) string
}

// sub is the path of name in the directory dir, "." being the root.
func sub(dir, name string) string {
	if dir == "." {
		return name
	}
	return dir + "/" + name
}

// resolve lists the files matching pattern (relative to a layer, such as
// "layouts/*.html") of the theme in dir and of own, the site's file winning
// over the theme's of the same name; sorted by name.
func resolve(root fs.FS, dir, own, pattern string) []string {
	byName := map[string]string{}
	for _, layer := range []string{dir, own} {
		if layer == "" {
			continue
		}
		files, _ := fs.Glob(root, sub(layer, pattern))
		for _, f := range files {
			byName[path.Base(f)] = f
		}
	}
	var names []string
	for n := range byName {
		names = append(names, n)
	}
	sort.Strings(names)
	files := make([]string, len(names))
	for i, n := range names {
		files[i] = byName[n]
	}
	return files
}

// Load reads the theme in dir from root: its static assets, then its
// templates.
func Load(root fs.FS, dir string, opts Options) (*Theme, error) {
	funcs, minify := opts.Funcs, opts.Minify
	var errs diag.List
	layouts := resolve(root, dir, opts.Own, "layouts/*.html")
	files := map[string]string{}
	for _, l := range layouts {
		files[strings.TrimSuffix(path.Base(l), ".html")] = l
	}
	if files["base"] == "" {
		errs.Add(diag.Pos{File: dir + "/layouts/base.html"}, "theme: %v", fs.ErrNotExist)
		return nil, errs.Err()
	}
	// The assets minify on another core while the templates parse: the
	// asset function reads them only when a page renders, after Load.
	type loadedAssets struct {
		a   *Assets
		err error
	}
	assetsc := make(chan loadedAssets, 1)
	go func() {
		a, err := loadAssets(root, []string{dir, opts.Own}, minify)
		assetsc <- loadedAssets{a, err}
	}()
	words := &Words{}
	var err error
	if opts.Lang != "" {
		if words, err = loadWords([]wordsLayer{{opts.Defaults, "."}, {root, dir}, {root, opts.Own}}, opts.Lang, opts.LangAt); err != nil {
			<-assetsc
			return nil, err
		}
		if opts.Typography != nil {
			for k, v := range words.words {
				words.words[k] = opts.Typography(v)
			}
		}
	}
	partials := resolve(root, dir, opts.Own, "layouts/partials/*.html")
	t := &Theme{Dir: dir, own: opts.Own, files: files, Words: words, base: cmp.Or(opts.BasePath, "/"), layouts: map[string]*template.Template{}, free: map[string][]*template.Template{}, sources: map[string]source{}}
	t.buffers.New = func() any { return new(bytes.Buffer) }
	// t gives a template the theme's words: {{t "search"}}; tn those for a
	// count: {{tn "competences" (len .Competences)}}.
	all := template.FuncMap{"cached": t.cached, "asset": t.asset, "t": words.T, "tn": words.N}
	for k, v := range funcs {
		all[k] = v
	}
	common := template.New(files["base"]).Funcs(all)
	if err := t.parseInto(root, common, common.Name(), minify); err != nil {
		errs.AddErr(diag.Pos{File: common.Name()}, parseError(root, common.Name(), err, all))
	}
	for _, p := range partials {
		if err := t.parseInto(root, common.New(p), p, minify); err != nil {
			errs.AddErr(diag.Pos{File: p}, parseError(root, p, err, all))
		}
	}
	broken := len(errs) > 0
	for _, l := range layouts {
		name := strings.TrimSuffix(path.Base(l), ".html")
		if name == "base" {
			continue
		}
		set, err := common.Clone()
		if broken {
			// No set to clone: the layout is parsed alone, for its
			// own errors to come with the others.
			set, err = template.New(l).Funcs(all), nil
		}
		if err == nil {
			err = t.parseInto(root, set.New(l), l, minify)
		}
		if err != nil {
			errs.AddErr(diag.Pos{File: l}, parseError(root, l, err, all))
			continue
		}
		t.layouts[name] = set
	}
	la := <-assetsc
	if la.err != nil {
		return nil, la.err
	}
	t.Assets = la.a
	if broken {
		errs.Sort()
		return nil, errs.Err()
	}
	errs = append(errs, t.cachedCycles(common)...)
	t.collectLinks(common)
	// The partials are executed on their own by cached; the layouts were
	// cloned from common before that, as html/template requires.
	t.partials = common
	errs.Sort()
	return t, errs.Err()
}

// asset returns the URL of a static file of the theme, under the base
// path: "/sub/assets/style.3f9a1c2b.css".
func (t *Theme) asset(name string) (string, error) {
	a := t.Assets.Get(name)
	if a == nil {
		if t.own != "" {
			return "", fmt.Errorf("asset %q not found in %s nor %s", name, sub(t.own, "static"), t.Dir+"/static")
		}
		return "", fmt.Errorf("asset %q not found in %s/static", name, t.Dir)
	}
	return t.base + a.Path, nil
}

// Templates returns the template files the theme was parsed from, as
// written, by their name under layouts/ ("home.html",
// "partials/entities.html"): the site's own where it has one.
func (t *Theme) Templates() map[string][]byte {
	out := make(map[string][]byte, len(t.sources))
	for file, src := range t.sources {
		name := path.Base(file)
		if path.Base(path.Dir(file)) == "partials" {
			name = "partials/" + name
		}
		out[name] = src.written
	}
	return out
}

// parseInto parses file into tmpl, which bears the file's name, minified
// when minify is set.
func (t *Theme) parseInto(root fs.FS, tmpl *template.Template, file string, minify Minifier) error {
	src, err := fs.ReadFile(root, file)
	if err != nil {
		return err
	}
	if minify != nil {
		if m, err := minify(TemplateType, BlankComments(src)); err == nil {
			if _, err := tmpl.Parse(string(m)); err == nil {
				t.sources[file] = newSource(src, m)
				return nil
			}
		}
		// The template as written gives the error its true line, or parses
		// where the minifier broke an action.
	}
	t.sources[file] = newSource(src, src)
	_, err = tmpl.Parse(string(src))
	return err
}

// comment matches a template comment, with its trim markers if any.
var comment = regexp.MustCompile(`(?s)\{\{(- )?/\*.*?\*/( -)?\}\}`)

// BlankComments empties the template comments of src before it is
// minified: the HTML minifier reads a quote inside a comment ("the
// caller's section") as the start of a string and leaves everything after
// it as written. Comments print nothing, so the template is unchanged.
func BlankComments(src []byte) []byte {
	if !bytes.Contains(src, []byte("/*")) {
		return src
	}
	return comment.ReplaceAll(src, []byte("{{$1/**/$2}}"))
}

// TemplateType is the media type under which a Minifier minifies template
// source (HTML with {{ }} actions).
const TemplateType = "text/x-go-template"

// parseError positions a parse error of file at its line and column.
// text/template gives the line alone: the column is found by parsing again.
func parseError(root fs.FS, file string, err error, funcs template.FuncMap) error {
	m := parseErrorText().FindStringSubmatch(err.Error())
	if m == nil || m[1] != file {
		return &diag.Error{Pos: diag.Pos{File: file}, Msg: templateMsg(err)}
	}
	line, _ := strconv.Atoi(m[2])
	col := 1
	if src, rerr := fs.ReadFile(root, file); rerr == nil {
		col = actionColumn(string(src), line, func(src string) string {
			_, err := template.New(file).Funcs(funcs).Parse(src)
			if err == nil {
				return ""
			}
			return err.Error()
		})
	}
	return &diag.Error{Pos: diag.Pos{File: file, Line: line, Col: col}, Msg: m[3]}
}

var parseErrorText = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?s)^template: (.+?):(\d+): (.*)$`)
})

// actionColumn returns the byte column of the action on line (1-based) at
// which the parser fails: the first one such that the source cut right
// after it gives the same error as the whole. The parser reads from left to
// right, so a cut before the culprit parses, or fails otherwise. It
// returns 1, the start of the line, when no action of the line is the one
// (an unexpected end of file, after the last line).
func actionColumn(src string, line int, parse func(string) string) int {
	start := 0
	for range line - 1 {
		i := strings.IndexByte(src[start:], '\n')
		if i < 0 {
			return 1
		}
		start += i + 1
	}
	end := len(src)
	if i := strings.IndexByte(src[start:], '\n'); i >= 0 {
		end = start + i
	}
	want := parse(src)
	for i := start; i < end; {
		j := strings.Index(src[i:end], "{{")
		if j < 0 {
			break
		}
		at := i + j
		stop := len(src)
		if k := strings.Index(src[at+2:], "}}"); k >= 0 {
			stop = at + 2 + k + 2
		}
		if parse(src[:stop]) == want {
			return at - start + 1
		}
		i = at + 2
	}
	return 1
}

// templateMsg drops the "template: " prefix: the message already starts with
// the template's file:line.
func templateMsg(err error) string {
	return strings.TrimPrefix(err.Error(), "template: ")
}

// Has reports whether the theme has layout: a page of an optional layout
// (the booklet, the open data page) is made only by themes that have it.
func (t *Theme) Has(layout string) bool {
	_, ok := t.layouts[layout]
	return ok
}

// Render executes layout with data into a new buffer. The layout's file
// defines blocks that the base template places.
func (t *Theme) Render(layout string, data any) ([]byte, error) {
	var page []byte
	err := t.RenderFunc(layout, data, func(b []byte) error {
		page = bytes.Clone(b) // exact size; the buffer serves the next page
		return nil
	})
	return page, err
}

// RenderFunc executes layout with data into a pooled buffer and hands the
// page to use, which must not keep it: cursus build writes the page out and
// lets the buffer, grown once to the size of the largest pages, serve the
// next one, so a large site is never copied in memory.
func (t *Theme) RenderFunc(layout string, data any, use func([]byte) error) error {
	set, err := t.acquire(layout)
	if err != nil {
		return err
	}
	defer t.release(layout, set)
	buf := t.buffers.Get().(*bytes.Buffer)
	defer t.buffers.Put(buf)
	buf.Reset()
	if err := set.ExecuteTemplate(buf, t.files["base"], data); err != nil {
		return fmt.Errorf("%s", templateMsg(t.asWritten(err)))
	}
	return use(buf.Bytes())
}

// File returns the file of a layout ("404"): the site's own when it
// overrides the theme's.
func (t *Theme) File(layout string) string {
	if f, ok := t.files[layout]; ok {
		return f
	}
	return t.Dir + "/layouts/" + layout + ".html"
}

// acquire takes a clone of layout that no other goroutine is using, and
// makes one when all are in use: as many clones of a layout as goroutines
// render it at once, so a layout of one page is cloned (and escaped) once.
func (t *Theme) acquire(layout string) (*template.Template, error) {
	t.mu.Lock()
	if sets := t.free[layout]; len(sets) > 0 {
		set := sets[len(sets)-1]
		t.free[layout] = sets[:len(sets)-1]
		t.mu.Unlock()
		return set, nil
	}
	t.mu.Unlock()
	master, ok := t.layouts[layout]
	if !ok {
		return nil, fmt.Errorf("theme %s has no layout %q (add %s/layouts/%s.html)", t.Dir, layout, t.Dir, layout)
	}
	return master.Clone()
}

func (t *Theme) release(layout string, set *template.Template) {
	t.mu.Lock()
	t.free[layout] = append(t.free[layout], set)
	t.mu.Unlock()
}

// collectLinks gathers the links of every template, each once: the layouts
// are clones of common and hold its templates too.
func (t *Theme) collectLinks(common *template.Template) {
	sets := []*template.Template{common}
	for _, name := range sortedKeys(t.layouts) {
		sets = append(sets, t.layouts[name])
	}
	seen := map[Link]bool{}
	// Each layout set holds clones of common's templates: a file's trees
	// are read from the first set that has them.
	files := map[string]bool{}
	for i, set := range sets {
		var read []string
		for _, tmpl := range set.Templates() {
			if tmpl.Tree == nil || i > 0 && files[tmpl.Tree.ParseName] {
				continue
			}
			read = append(read, tmpl.Tree.ParseName)
			for _, l := range t.linksOf(tmpl.Tree) {
				if !seen[l] {
					seen[l] = true
					t.links = append(t.links, l)
				}
			}
		}
		if i == 0 {
			for _, f := range read {
				files[f] = true
			}
		}
	}
	sort.Slice(t.links, func(i, j int) bool {
		a, b := t.links[i], t.links[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}
