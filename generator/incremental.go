package generator

import (
	"bytes"
	"hash/maphash"
	"io/fs"
	"sync"
	"sync/atomic"

	"cursus/generator/content"
	"cursus/generator/opendata"
)

// Incremental builds a site again and again, as the dev server does after
// every save, rendering only the pages whose data changed since the last
// build. Each build keeps for the next what does not depend on the edit:
// the parsed theme, while its files read the same (reads.go), and the
// decoded TOML files whose bytes did not change; load and plan then run
// whole, and a page's data is exactly what a full build gives it. Each page
// is keyed by a hash of what its layout can read (keys.go); a page whose
// key is that of the last build gets the very bytes it had, which the dev
// server then tells unchanged at a glance. The pages a browser shows can
// come first, before the others are planned (BuildFirst).
//
// What its output is, file for file, is what Build makes of the same
// sources: TestIncrementalMatchesBuild edits a site at random and compares.
type Incremental struct {
	opts Options

	mu    sync.Mutex
	kept  kept // the theme and the files decoded, for the next build
	seed  maphash.Seed
	pages map[string]cachedPage // by published file
	// Reused counts the pages of the last build taken from the one before.
	Reused int
}

// cachedPage is a page as the last build published it.
type cachedPage struct {
	key  uint64
	html []byte
}

// NewIncremental returns a builder with the options every build gets. Its
// builds are previews (Options.Preview): the search index keeps its name
// from build to build, so that a page keeps its bytes.
func NewIncremental(opts Options) *Incremental {
	opts.Preview = true
	return &Incremental{opts: opts, seed: maphash.MakeSeed()}
}

// Build builds the site in root into memory, as the package's Build does.
// A failed build keeps the pages of the last good one for the next.
func (b *Incremental) Build(root fs.FS) (*Output, error) { return b.BuildFirst(root, nil, nil) }

// BuildFirst builds as Build does, and hands early the pages of first
// (published files: "blocs/b1/index.html") as soon as what every page
// shares is planned, before the other pages are planned, keyed and
// rendered (plan.firstPages): the pages open in a browser, which the dev
// server can show while the build goes on. They are the bytes the build
// then publishes; a page of first the site does not have, or that fails
// to render, is left out (the build reports its error). early is called
// at most once, on this goroutine, and not when the build fails before.
func (b *Incremental) BuildFirst(root fs.FS, first []string, early func(map[string][]byte)) (*Output, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	var hand func(*loaded, *plan)
	var shown map[string][]byte
	if early != nil && len(first) > 0 {
		hand = func(in *loaded, pl *plan) {
			shown = renderFirst(in, pl, pl.firstPages(in, first))
			early(shown)
		}
	}
	in, pl, err := loadAndPlan(root, b.opts, &b.kept, hand)
	b.kept.typography.done()
	if err != nil {
		return nil, err
	}
	c := &pageCache{old: b.pages, first: shown}
	if layouts := keyedLayouts(in.theme); layouts != nil {
		c.keys = pageKeys(b.seed, in, pl, layouts)
	}
	mem := &memory{files: map[string][]byte{}}
	out, err := renderSite(in, pl, b.opts, mem, c)
	if err != nil {
		return nil, err
	}
	b.pages, b.Reused = c.fresh, int(c.hits.Load())
	out.Files = mem.files
	return out, nil
}

// renderFirst renders pages planned before the others (plan.firstPages).
func renderFirst(in *loaded, pl *plan, pages []*page) map[string][]byte {
	files := map[string][]byte{}
	for _, p := range pages {
		renderPage(in, pl, p, p.data, nil, func(html []byte) error {
			files[p.file()] = bytes.Clone(html)
			return nil
		})
	}
	return files
}

// pageCache carries the pages of the last build into the render of the
// next, and collects those of this one.
type pageCache struct {
	keys  []uint64 // by page of the plan; 0: render it whatever happens
	old   map[string]cachedPage
	first map[string][]byte // the pages this build rendered first (BuildFirst)

	mu    sync.Mutex
	fresh map[string]cachedPage
	hits  atomic.Int64
}

// get returns the page i of the plan as this build rendered it first, or
// as the last build published it, or nil.
func (c *pageCache) get(i int, file string) []byte {
	if c == nil {
		return nil
	}
	if html := c.first[file]; html != nil {
		return html // the same data, the same layout: the same bytes
	}
	if c.keys == nil || c.keys[i] == 0 {
		return nil
	}
	old, ok := c.old[file]
	if !ok || old.key != c.keys[i] {
		return nil
	}
	c.hits.Add(1)
	return old.html
}

// keep remembers the page i of the plan, as published, for the next build.
// Nobody writes html after.
func (c *pageCache) keep(i int, file string, html []byte) {
	if c == nil || c.keys == nil || c.keys[i] == 0 {
		return
	}
	c.mu.Lock()
	if c.fresh == nil {
		c.fresh = map[string]cachedPage{}
	}
	c.fresh[file] = cachedPage{key: c.keys[i], html: html}
	c.mu.Unlock()
}

// kept is what the dev server's builds keep for the next (Incremental):
// the theme, the bloc files decoded, the open data files made.
type kept struct {
	theme   themeCache
	decoded content.Decoded
	// files are the open data files of each certification, by prefix,
	// made with the options salt names (downloads.go).
	salt  string
	files map[string][]opendata.File
	// typography holds every text the last builds set in French
	// typography.
	typography memo
}

// memo remembers what a pure function gave for each text of the last
// builds: a site's texts are set in French typography again on every
// build, and most did not change. A text no build asked for since the
// memo last dropped texts goes the next time it does (see done).
type memo struct {
	gen   uint32             // the build running
	all   map[string]*memoed // read only while a build runs
	used  atomic.Int64       // how many of all this build asked for
	mu    sync.Mutex         // guards added
	added map[string]*memoed // made by this build
}

type memoed struct {
	v   string
	gen atomic.Uint32 // the last build that asked for it
}

func (m *memo) of(s string, f func(string) string) string {
	if e, ok := m.all[s]; ok {
		if e.gen.Swap(m.gen) != m.gen {
			m.used.Add(1)
		}
		return e.v
	}
	m.mu.Lock()
	e, ok := m.added[s]
	m.mu.Unlock()
	if ok {
		return e.v
	}
	e = &memoed{v: f(s)}
	e.gen.Store(m.gen)
	m.mu.Lock()
	if m.added == nil {
		m.added = map[string]*memoed{}
	}
	m.added[s] = e
	m.mu.Unlock()
	return e.v
}

// done ends a build: what it made is kept for the next, and when the memo
// holds more than twice what the build asked for, what it did not ask for
// goes (the texts of earlier saves of a paragraph being written).
func (m *memo) done() {
	if m.all == nil {
		m.all = map[string]*memoed{}
	}
	for s, e := range m.added {
		m.all[s] = e
	}
	if len(m.all) > 2*(int(m.used.Load())+len(m.added)) {
		for s, e := range m.all {
			if e.gen.Load() != m.gen {
				delete(m.all, s)
			}
		}
	}
	m.added = nil
	m.used.Store(0)
	m.gen++
}
