package generator

import (
	"bytes"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"sync"
	"sync/atomic"

	"cursus/generator/diag"
	"cursus/generator/msg"
	"cursus/generator/render"
	"cursus/internal/par"
)

// A build goes through four stages, each a function of the one before:
//
//	load    config.toml, content/ and the theme → *loaded   (load.go)
//	plan    every page with its data, the search index → *plan   (plan.go)
//	render  pages through the theme's templates, links checked → files
//	publish files into a sink: memory (Build) or a directory (Publish)
//
// Every error of a stage comes back at once as a diag.List, and no later
// stage runs.

// Options tune a build. The zero value builds the site as published,
// without minification.
type Options struct {
	Minify  bool
	BaseURL string // overrides config.toml's baseURL when set
	// Preview is the dev server's build: a site without config.toml gets
	// the defaults, and the search index keeps one name,
	// assets/search-index.json, rather than one after its content: the
	// dev server serves it uncached, and a page that does not change
	// keeps its bytes from one build to the next however the index does.
	Preview bool
	// Strict fails the build on warnings, which then come back as its
	// errors: cursus build --strict and check --strict.
	Strict bool
}

// Output is what a build made.
type Output struct {
	Files map[string][]byte // slash path under the output root → content; Build only
	// Later are files of a preview made only when first asked for: its
	// search index and its sitemap, which no page depends on
	// (Options.Preview), and which the dev server makes when a browser
	// fetches them. Each function may be called from any goroutine, and
	// gives the same bytes every time.
	Later   map[string]func() ([]byte, error)
	Pages   int                 // HTML pages
	Sources map[string][]string // source file (from the site root) → site paths of the pages it feeds
	Assets  []string            // published paths of the fingerprinted files
	Project *Project
	// Warnings are problems that did not stop the build (a compétence
	// without critères, a certification past its end date), positioned
	// like errors, each message starting with "avertissement".
	Warnings diag.List
	// FileCount and Size count every file published.
	FileCount int
	Size      int64
}

// sink receives the files of a build, from several goroutines at once. It
// must not keep data, which the renderer reuses.
type sink interface {
	put(name string, data []byte) error
}

// memory keeps a build's files in a map.
type memory struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (m *memory) put(name string, data []byte) error { return m.keep(name, bytes.Clone(data)) }

// keep keeps data, which nobody writes after.
func (m *memory) keep(name string, data []byte) error {
	if !safePath(name) {
		return fmt.Errorf("write: output path %q leaves the destination", name)
	}
	m.mu.Lock()
	m.files[name] = data
	m.mu.Unlock()
	return nil
}

// Build loads the site in root and renders it into memory. Every content,
// template and link error is returned at once as a diag.List.
func Build(root fs.FS, opts Options) (*Output, error) {
	mem := &memory{files: map[string][]byte{}}
	out, err := build(root, opts, mem)
	if err != nil {
		return nil, err
	}
	out.Files = mem.files
	return out, nil
}

// build runs the stages, publishing into sink.
func build(root fs.FS, opts Options, s sink) (*Output, error) {
	in, pl, err := loadAndPlan(root, opts, nil, nil)
	if err != nil {
		return nil, err
	}
	return renderSite(in, pl, opts, s, nil)
}

// loadAndPlan runs the first two stages. first, when not nil, is called
// once what every page shares is planned, and before the pages are, if
// nothing failed so far (Incremental.BuildFirst).
func loadAndPlan(root fs.FS, opts Options, keep *kept, first func(*loaded, *plan)) (*loaded, *plan, error) {
	in, err := load(root, opts, keep)
	if err != nil {
		return nil, nil, err
	}
	if opts.Strict && len(in.project.Warnings) > 0 {
		return nil, nil, in.project.Warnings
	}
	pl, err := planSite(in)
	if err != nil {
		return nil, nil, err
	}
	if first != nil && len(pl.errs) == 0 {
		first(in, pl)
	}
	if err := pl.planPages(in); err != nil {
		return nil, nil, err
	}
	return in, pl, nil
}

// counter counts what goes through to a sink.
type counter struct {
	sink
	files, size atomic.Int64
}

func (c *counter) put(name string, data []byte) error {
	c.files.Add(1)
	c.size.Add(int64(len(data)))
	return c.sink.put(name, data)
}

// own hands over data that nobody writes after: a sink that keeps files
// keeps it without a copy.
func (c *counter) own(name string, data []byte) error {
	m, ok := c.sink.(*memory)
	if !ok {
		return c.put(name, data)
	}
	c.files.Add(1)
	c.size.Add(int64(len(data)))
	return m.keep(name, data)
}

// renderSite renders every page of the plan and publishes it, with the
// theme's assets, the search index, the sitemap and robots.txt. Pages the
// cache holds (Incremental) are taken from it rather than rendered.
func renderSite(in *loaded, pl *plan, opts Options, s sink, cache *pageCache) (*Output, error) {
	c := &counter{sink: s}
	out := &Output{Sources: map[string][]string{}, Project: in.project, Pages: len(pl.pages), Warnings: in.project.Warnings}
	for _, a := range in.theme.Assets.All() {
		if err := c.own(a.Path, a.Data); err != nil { // the theme's, never written
			return nil, err
		}
		out.Assets = append(out.Assets, a.Path)
	}
	if !opts.Preview { // named after its content
		out.Assets = append(out.Assets, pl.searchFile)
	}
	sort.Strings(out.Assets)

	targets := fragmentTargets(pl.pages, in.theme.Links())
	scans := make([]scan, len(pl.pages))
	errs := make([]error, len(pl.pages))
	par.ForEach(len(pl.pages), func(i int) {
		p := pl.pages[i]
		if html := cache.get(i, p.file()); html != nil {
			// The page as the last build published it, or as this one
			// rendered it first.
			if targets[p.file()] {
				scans[i] = scanHTML(html)
			}
			errs[i] = c.own(p.file(), html)
			cache.keep(i, p.file(), html)
			return
		}
		var seen func([]byte)
		if targets[p.file()] {
			seen = func(html []byte) { scans[i] = scanHTML(html) }
		}
		errs[i] = renderPage(in, pl, p, p.data, seen, func(html []byte) error {
			if cache == nil {
				return c.put(p.file(), html)
			}
			// The renderer reuses html: the cache keeps its own copy,
			// which the build's files share.
			html = bytes.Clone(html)
			cache.keep(i, p.file(), html)
			return c.own(p.file(), html)
		})
	})
	// The search index: a preview's is made when first asked for.
	index := func() ([]byte, error) {
		data, err := pl.search()
		if err == nil && in.cfg.RelativeURLs {
			data, err = relativeIndex(data, pl.searchFile, in.urls.base)
		}
		return data, err
	}
	if opts.Preview {
		// The sitemap too: no page depends on it either.
		out.Later = map[string]func() ([]byte, error){
			pl.searchFile: sync.OnceValues(index),
			"sitemap.xml": sync.OnceValues(func() ([]byte, error) { return sitemap(in, pl.pages), nil }),
		}
	} else {
		data, err := index()
		if err == nil {
			err = c.own(pl.searchFile, data)
		}
		if err != nil {
			return nil, err
		}
	}
	list := collect(pl.pages, errs)
	if len(list) == 0 {
		ids := map[string]scan{}
		for i, p := range pl.pages {
			if targets[p.file()] {
				ids[p.file()] = scans[i]
			}
		}
		files := []string{"sitemap.xml", "robots.txt"}
		for _, d := range pl.downloads { // opendata
			files = append(files, d.file)
		}
		list = checkLinks(msg.Of(in.cfg.LanguageCode), pl.pages, in.theme.Links(), ids, in.urls.base, slices.Concat(out.Assets, files))
	}
	if len(list) > 0 {
		list.Sort()
		return nil, list
	}
	for _, p := range pl.pages {
		for _, src := range p.sources {
			out.Sources[src] = append(out.Sources[src], p.data.Path)
		}
	}
	for k := range out.Sources {
		sort.Strings(out.Sources[k])
	}
	robots := "User-agent: *\nAllow: /\n\nSitemap: " + in.urls.abs("/sitemap.xml") + "\n"
	files := []hostFile{{"robots.txt", []byte(robots)}}
	if !opts.Preview {
		files = append(files, hostFile{"sitemap.xml", sitemap(in, pl.pages)})
	}
	files = append(files, hostFiles(in.cfg.Publish.Hosts, in.urls.base)...)
	for _, d := range pl.downloads { // opendata
		files = append(files, hostFile{d.file, d.data})
	}
	for _, f := range files {
		if err := c.own(f.name, f.data); err != nil { // made for this build, or kept from the last
			return nil, err
		}
	}
	out.FileCount, out.Size = int(c.files.Load()), c.size.Load()
	return out, nil
}

// renderPage renders the page p with the data d, its structured data
// added, and hands publish its HTML as published, relative links made when
// the site asks for them; seen, when not nil, gets it before. The renderer
// reuses the buffer both get.
func renderPage(in *loaded, pl *plan, p *page, d *Data, seen func([]byte), publish func([]byte) error) error {
	ld, err := pl.ld.of(d)
	if err != nil {
		return diag.Prefix(p.at(), err)
	}
	d.JSONLD = ld
	var written error
	err = in.theme.RenderFunc(p.layout, d, func(html []byte) error {
		if seen != nil {
			seen(html)
		}
		if in.cfg.RelativeURLs {
			html = relativize(html, p.file(), in.urls.base)
		}
		written = publish(html)
		return written
	})
	if err != nil && written == nil {
		err = diag.Prefix(p.at(), err)
	}
	return err
}

// fingerprint names a file after its content, so that it can be cached for
// ever: "assets/search-index.json" → "assets/search-index.3f9a1c2b.json".
func fingerprint(name string, data []byte) string { return render.Fingerprint(name, data) }
