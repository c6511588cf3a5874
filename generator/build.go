package generator

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"cursus/generator/config"
	"cursus/generator/content"
	"cursus/generator/diag"
	"cursus/generator/markdown"
	"cursus/generator/render"
	"cursus/generator/search"
	"cursus/internal/par"
)

// Options tune a build. The zero value builds the site as published,
// without minification.
type Options struct {
	Minify  bool
	BaseURL string // overrides config.toml's baseURL when set
	// Inject is HTML placed before </body> on every page: the dev server's
	// reload script. Empty for published sites.
	Inject string

	Preview bool // the dev server's build: a site without config.toml gets the defaults
}

// Output is a built site in memory.
type Output struct {
	Files   map[string][]byte   // slash path under the output root → content
	Pages   int                 // HTML pages
	Sources map[string][]string // source file (from the site root) → site paths of the pages it feeds
	Assets  []string            // published paths of the theme's assets
	Project *Project
	Elapsed time.Duration
	// FileCount and Size count every file published, also when BuildTo
	// wrote them out instead of keeping Files.
	FileCount int
	Size      int64
}

// job is one HTML page to render.
type job struct {
	data    *Data
	layout  string
	source  string   // file the page comes from, for error chains
	pos     diag.Pos // where in source, when the page is an entity (File relative to the content dir)
	sources []string
	body    *content.Page // markdown to render into Prose, if any
	md      *markdown.Rendered
}

// Build loads the site in root and renders it into memory. Every content,
// template and link error is returned at once as a diag.List.
func Build(root fs.FS, opts Options) (*Output, error) {
	return build(root, opts, nil, nil)
}

// BuildTo builds the site in root and publishes it into dest, writing pages
// as they render instead of holding the site in memory. Like Write, it swaps
// the new site in only when everything succeeded: on any error, dest is left
// as it was. The returned Output has no Files.
func BuildTo(root fs.FS, opts Options, dest string) (*Output, error) {
	w, err := newSiteWriter(dest)
	if err != nil {
		return nil, err
	}
	out, err := build(root, opts, w.write, w.prepare)
	if err == nil {
		err = w.err()
	}
	if err != nil {
		w.abort()
		return nil, err
	}
	return out, w.commit()
}

// build loads and renders the site in root, handing each file to sink (or
// keeping it in the Output when sink is nil). planned, if set, is told the
// files of the pages once they are known, before any is rendered.
func build(root fs.FS, opts Options, sink func(string, []byte) error, planned func([]string)) (*Output, error) {
	start := time.Now()
	cfg, err := loadConfig(root, opts)
	if err != nil {
		return nil, err
	}
	if opts.BaseURL != "" {
		cfg.BaseURL = opts.BaseURL
		if err := cfg.Validate(); err != nil {
			return nil, err
		}
	}
	b := &builder{root: root, opts: opts, cfg: cfg, base: cfg.BasePath(), planned: planned}
	// The theme does not depend on the content: it loads (templates and
	// assets minified and parsed) on another core while the content does.
	themed := make(chan error, 1)
	go func() { themed <- b.loadTheme() }()
	b.p, err = loadContent(root, cfg)
	themeErr := <-themed
	if err != nil {
		return nil, err
	}
	if themeErr != nil {
		return nil, themeErr
	}
	out, err := b.run(sink)
	if err != nil {
		return nil, err
	}
	out.Elapsed = time.Since(start)
	return out, nil
}

type builder struct {
	root fs.FS
	p    *Project
	cfg  config.Config
	opts Options
	base string // the base path: "/" or "/sub/"

	min    *minifier
	assets *render.Assets // the theme's, then the search index
	fr     frenchCache
	md     *markdown.Renderer
	theme  *render.Theme
	// plain is the theme with templates as written, loaded only to
	// position an error of the minified theme.
	plain     *render.Theme
	plainOnce sync.Once
	site      *SiteData
	jobs      []*job
	planned   func(files []string)
	out       *Output
}

// loadTheme loads the configured theme: its assets, fingerprinted, and its
// templates, minified when the build is.
func (b *builder) loadTheme() error {
	if b.opts.Minify {
		b.min = newMinifier()
	}
	themeDir := "themes/" + b.cfg.Theme
	var mini render.Minifier
	if b.min != nil {
		mini = b.min.bytes
	}
	if fi, err := fs.Stat(b.root, themeDir); err != nil || !fi.IsDir() {
		return &diag.Error{Pos: diag.Pos{File: "config.toml"}, Msg: fmt.Sprintf("theme %q: no directory %s", b.cfg.Theme, themeDir)}
	}
	// The templates parse while the assets minify: the asset function
	// reads b.assets only when a page renders.
	var assetErr error
	loaded := make(chan struct{})
	go func() {
		defer close(loaded)
		b.assets, assetErr = render.LoadAssets(b.root, themeDir, mini)
	}()
	theme, err := render.Load(b.root, themeDir, b.funcs(), mini)
	<-loaded
	if assetErr != nil {
		return fmt.Errorf("theme: %w", assetErr)
	}
	if err != nil {
		return err
	}
	b.theme = theme
	return nil
}

func (b *builder) run(sink func(name string, data []byte) error) (*Output, error) {
	var files, size atomic.Int64
	if sink != nil {
		inner := sink
		sink = func(name string, data []byte) error {
			files.Add(1)
			size.Add(int64(len(data)))
			return inner(name, data)
		}
	}
	defer func() {
		if b.out != nil {
			if sink == nil {
				for _, f := range b.out.Files {
					files.Add(1)
					size.Add(int64(len(f)))
				}
			}
			b.out.FileCount, b.out.Size = int(files.Load()), size.Load()
		}
	}()
	assets := b.assets
	b.md = markdown.New(markdown.Options{
		Unsafe:             b.cfg.Markup.Unsafe,
		KeepStraightQuotes: b.cfg.Markup.KeepStraightQuotes,
		BasePath:           b.base,
	})
	b.fr = newFrenchCache(b)
	b.prepareModel()
	b.site = b.siteData()
	b.plan()
	if b.planned != nil {
		files := make([]string, len(b.jobs))
		for i, j := range b.jobs {
			files[i] = fileOf(j.data.Path)
		}
		b.planned(files)
	}
	b.finishData()
	if errs := b.renderMarkdown(); len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	// Templates look assets up when they render, so the index must be
	// published before the first page is.
	if err := b.addSearchIndex(assets); err != nil {
		return nil, err
	}
	if sink != nil {
		// Assets are final: publish them now and let go of their data. The
		// search index of a large site is megabytes that would otherwise
		// stay in memory while every page renders.
		for _, a := range assets.All() {
			if err := sink(a.Path, a.Data); err != nil {
				return nil, err
			}
			a.Data = nil
		}
	}
	out := &Output{Files: map[string][]byte{}, Sources: map[string][]string{}, Project: b.p}
	b.out = out
	rendered, errs := b.renderAll(sink, linkTargets(b.jobs))
	if len(errs) == 0 {
		errs = checkMarkdownLinks(b.jobs, rendered, b.cfg.ContentDir)
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	for i, j := range b.jobs {
		if sink == nil {
			out.Files[fileOf(j.data.Path)] = rendered[i].html
		}
		for _, s := range j.sources {
			out.Sources[s] = append(out.Sources[s], j.data.Path)
		}
	}
	out.Pages = len(b.jobs)
	extra := map[string][]byte{
		"sitemap.xml": b.sitemap(),
		"robots.txt":  []byte("User-agent: *\nAllow: /\n\nSitemap: " + b.abs("/sitemap.xml") + "\n"),
	}
	for _, a := range assets.All() {
		if sink == nil {
			extra[a.Path] = a.Data
		}
		out.Assets = append(out.Assets, a.Path)
	}
	for name, data := range extra {
		if sink == nil {
			out.Files[name] = data
		} else if err := sink(name, data); err != nil {
			return nil, err
		}
	}
	for k := range out.Sources {
		sort.Strings(out.Sources[k])
	}
	return out, nil
}

// result is one rendered page: its HTML, kept only when the build holds the
// site in memory or a markdown link points into the page.
type result struct {
	html []byte
}

// renderMarkdown renders the markdown of every page first: the search index
// and the link check need it before the pages render.
func (b *builder) renderMarkdown() diag.List {
	errs := make([]error, len(b.jobs))
	par.ForEach(len(b.jobs), func(i int) {
		j := b.jobs[i]
		if j.body == nil {
			return
		}
		md, err := b.md.Render(j.body.Body, j.body.BodyLine)
		if err != nil {
			errs[i] = diag.Prefix(diag.Pos{File: j.source, Line: j.body.BodyLine}, err)
			return
		}
		j.md = md
		j.data.Prose = template.HTML(md.HTML)
		j.data.TOC = md.TOC
	})
	return collect(b.jobs, errs)
}

// renderAll renders the pages on every core. Results land in a slice indexed
// like the jobs, so the output never depends on scheduling. With a sink,
// each page goes to it as soon as it is rendered and is dropped, unless keep
// says a link needs its anchors: memory stays flat however large the site.
func (b *builder) renderAll(sink func(string, []byte) error, keep map[string]bool) ([]result, diag.List) {
	results := make([]result, len(b.jobs))
	errs := make([]error, len(b.jobs))
	order := renderOrder(b.jobs)
	par.ForEach(len(b.jobs), func(k int) {
		i := order[k]
		j := b.jobs[i]
		if sink == nil {
			results[i].html, errs[i] = b.renderJob(j)
			return
		}
		var written error
		err := b.theme.RenderFunc(j.layout, j.data, func(html []byte) error {
			if b.opts.Inject != "" {
				html = inject(html, b.opts.Inject)
			}
			if keep[j.data.Path] {
				results[i].html = bytes.Clone(html)
			}
			written = sink(fileOf(j.data.Path), html)
			return written
		})
		if err != nil && written == nil {
			err = diag.Prefix(j.at(), b.explain(j, err))
		}
		errs[i] = err
	})
	return results, collect(b.jobs, errs)
}

// renderOrder starts with the pages that list the whole model (home, the
// indexes, search, the tables) and leaves those of one entity or markdown
// page for after: each of the first is one long job, and left at the end
// it would keep one core busy while the others wait.
func renderOrder(jobs []*job) []int {
	order := make([]int, 0, len(jobs))
	for pass := range 2 {
		for i, j := range jobs {
			one := j.data.Kind == "bloc" || j.data.Kind == "competence" || j.data.Kind == "metier" || j.data.Kind == "page" || j.data.Kind == "404"
			if one == (pass == 1) {
				order = append(order, i)
			}
		}
	}
	return order
}

func collect(jobs []*job, errs []error) diag.List {
	var list diag.List
	for i, err := range errs {
		if err != nil {
			list.AddErr(jobs[i].at(), err)
		}
	}
	return list
}

// at is the position errors of the page are chained to.
func (j *job) at() diag.Pos {
	if j.pos.Line > 0 {
		return diag.Pos{File: j.source, Line: j.pos.Line, Col: j.pos.Col}
	}
	return diag.Pos{File: j.source}
}

func (b *builder) renderJob(j *job) ([]byte, error) {
	html, err := b.theme.Render(j.layout, j.data)
	if err != nil {
		return nil, diag.Prefix(j.at(), b.explain(j, err))
	}
	if b.opts.Inject != "" {
		html = inject(html, b.opts.Inject)
	}
	return html, nil
}

// explain returns a template execution error with the line in the template
// as written: minified templates sit on a few long lines, so the page is
// rendered again through the theme as written to find where it fails.
func (b *builder) explain(j *job, err error) error {
	if b.min == nil {
		return err
	}
	b.plainOnce.Do(func() {
		b.plain, _ = render.Load(b.root, b.theme.Dir, b.funcs(), nil)
	})
	if b.plain == nil {
		return err
	}
	if _, perr := b.plain.Render(j.layout, j.data); perr != nil {
		return perr
	}
	return err
}

// inject places snippet before the last </body>.
func inject(html []byte, snippet string) []byte {
	i := bytes.LastIndex(html, []byte("</body>"))
	if i < 0 {
		return append(html, snippet...)
	}
	out := make([]byte, 0, len(html)+len(snippet))
	out = append(out, html[:i]...)
	out = append(out, snippet...)
	return append(out, html[i:]...)
}

// abs returns the absolute URL of a site path.
func (b *builder) abs(p string) string {
	base := b.cfg.BaseURL
	return base[:len(base)-1] + path.Clean("/"+p) + trailingSlash(p)
}

func trailingSlash(p string) string {
	if len(p) > 1 && p[len(p)-1] == '/' {
		return "/"
	}
	return ""
}

// addSearchIndex publishes the search index, built from the model, as the
// asset search-index.json.
func (b *builder) addSearchIndex(assets *render.Assets) error {
	mdOf := map[*content.Page]*markdown.Rendered{}
	for _, j := range b.jobs {
		if j.body != nil {
			mdOf[j.body] = j.md
		}
	}
	ix, err := search.Build(b.p.Content, search.Options{
		URL: func(v any) string {
			u, _ := b.urlOf(v) // never fails for entities
			return u
		},
		French: b.french,
		PageText: func(p *content.Page) (string, error) {
			if md := mdOf[p]; md != nil {
				return search.PlainText(md.HTML), nil
			}
			return "", nil
		},
	})
	if err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	data, err := ix.JSON() // compact already: no minifier pass
	if err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	assets.Add("search-index.json", data)
	return nil
}
