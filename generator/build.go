package generator

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"sync"
	"time"

	"cursus/generator/config"
	"cursus/generator/content"
	"cursus/generator/diag"
	"cursus/generator/markdown"
	"cursus/generator/render"
)

// Options tune a build. The zero value builds the site as published,
// without minification.
type Options struct {
	Minify  bool
	BaseURL string // overrides config.toml's baseURL when set
	// Inject is HTML placed before </body> on every page: the dev server's
	// reload script. Empty for published sites.
	Inject string
}

// Output is a built site in memory.
type Output struct {
	Files   map[string][]byte   // slash path under the output root → content
	Pages   int                 // HTML pages
	Sources map[string][]string // source file (from the site root) → site paths of the pages it feeds
	Assets  []string            // published paths of the theme's assets
	Project *Project
	Elapsed time.Duration
}

// Bytes is the total size of the output files.
func (o *Output) Bytes() int64 {
	var n int64
	for _, f := range o.Files {
		n += int64(len(f))
	}
	return n
}

// job is one HTML page to render.
type job struct {
	data    *Data
	layout  string
	source  string // file the page comes from, for error chains
	sources []string
	body    *content.Page // markdown to render into Prose, if any
}

// Build loads the site in root and renders it into memory. Every content,
// template and link error is returned at once as a diag.List.
func Build(root fs.FS, opts Options) (*Output, error) {
	start := time.Now()
	p, err := Load(root)
	if err != nil {
		return nil, err
	}
	if opts.BaseURL != "" {
		p.Config.BaseURL = opts.BaseURL
		if err := p.Config.Validate(); err != nil {
			return nil, err
		}
	}
	b := &builder{root: root, p: p, opts: opts, cfg: p.Config}
	out, err := b.run()
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

	min   *minifier
	md    *markdown.Renderer
	theme *render.Theme
	site  *SiteData
	jobs  []*job
}

func (b *builder) run() (*Output, error) {
	if b.opts.Minify {
		b.min = newMinifier()
	}
	themeDir := "themes/" + b.cfg.Theme
	var mini render.Minifier
	if b.min != nil {
		mini = b.min.bytes
	}
	assets, err := render.LoadAssets(b.root, themeDir, mini)
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	b.theme, err = render.Load(b.root, themeDir, b.funcs(assets), assets)
	if err != nil {
		return nil, err
	}
	b.md = markdown.New(markdown.Options{
		Unsafe:             b.cfg.Markup.Unsafe,
		KeepStraightQuotes: b.cfg.Markup.KeepStraightQuotes,
		BasePath:           b.cfg.BasePath(),
	})
	b.site = b.siteData()
	b.plan()
	out := &Output{Files: map[string][]byte{}, Sources: map[string][]string{}, Project: b.p}
	rendered, errs := b.renderAll()
	if len(errs) == 0 {
		errs = checkMarkdownLinks(b.jobs, rendered, b.cfg.ContentDir)
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	for i, j := range b.jobs {
		out.Files[fileOf(j.data.Path)] = rendered[i].html
		for _, s := range j.sources {
			out.Sources[s] = append(out.Sources[s], j.data.Path)
		}
	}
	out.Pages = len(b.jobs)
	for _, a := range assets.All() {
		out.Files[a.Path] = a.Data
		out.Assets = append(out.Assets, a.Path)
	}
	out.Files["sitemap.xml"] = b.sitemap()
	out.Files["robots.txt"] = []byte("User-agent: *\nAllow: /\n\nSitemap: " + b.abs("/sitemap.xml") + "\n")
	for k := range out.Sources {
		sort.Strings(out.Sources[k])
	}
	return out, nil
}

// result is one rendered page: its HTML and the markdown's links, if any.
type result struct {
	html []byte
	md   *markdown.Rendered
}

// renderAll renders the pages on every core. Results land in a slice indexed
// like the jobs, so the output never depends on scheduling.
func (b *builder) renderAll() ([]result, diag.List) {
	results := make([]result, len(b.jobs))
	errs := make([]error, len(b.jobs))
	var next int64 = -1
	var mu sync.Mutex
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				next++
				i := next
				mu.Unlock()
				if int(i) >= len(b.jobs) {
					return
				}
				results[i], errs[i] = b.renderJob(b.jobs[i])
			}
		}()
	}
	wg.Wait()
	var list diag.List
	for i, err := range errs {
		if err != nil {
			list.AddErr(diag.Pos{File: b.jobs[i].source}, err)
		}
	}
	return results, list
}

func (b *builder) renderJob(j *job) (result, error) {
	var r result
	if j.body != nil {
		md, err := b.md.Render(j.body.Body, j.body.BodyLine)
		if err != nil {
			return r, diag.Prefix(diag.Pos{File: j.source, Line: j.body.BodyLine}, err)
		}
		r.md = md
		j.data.Prose = template.HTML(md.HTML)
		j.data.TOC = md.TOC
	}
	html, err := b.theme.Render(j.layout, j.data)
	if err != nil {
		return r, diag.Prefix(diag.Pos{File: j.source}, err)
	}
	if b.opts.Inject != "" {
		html = inject(html, b.opts.Inject)
	}
	if b.min != nil {
		if html, err = b.min.bytes("text/html", html); err != nil {
			return r, diag.Prefix(diag.Pos{File: j.source}, fmt.Errorf("minify: %w", err))
		}
	}
	r.html = html
	return r, nil
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
