package generator

import (
	"bytes"
	"hash/maphash"
	"io/fs"
	"path"
	"sync"
	"sync/atomic"
)

// Incremental builds a site again and again, as the dev server does after
// every save, rendering only the pages whose data changed since the last
// build. Load and plan still run whole on every build: they are a fraction
// of the time, and a page's data is then exactly what a full build gives
// it. Each page is keyed by a hash of what its layout can read (keys.go);
// a page whose key is that of the last build gets the bytes it had.
//
// What its output is, file for file, is what Build makes of the same
// sources: TestIncrementalMatchesBuild edits a site at random and compares.
type Incremental struct {
	opts Options // without Inject, which changes every build

	mu     sync.Mutex
	kept   kept // the theme and the files decoded, for the next build
	seed   maphash.Seed
	pages  map[string]cachedPage // by published file
	search string                // base name of the search index the cached pages name
	// Reused counts the pages of the last build taken from the one before.
	Reused int
}

// cachedPage is a page as the last build made it.
type cachedPage struct {
	key    uint64
	html   []byte // as rendered, or as published when inject > 0
	search int    // where html names the search index
	// at and inject are where the published html holds the snippet
	// injected, and its length.
	at, inject int
}

// NewIncremental returns a builder with the options every build gets; the
// Inject of each build is given to Build.
func NewIncremental(opts Options) *Incremental {
	opts.Inject = ""
	return &Incremental{opts: opts, seed: maphash.MakeSeed()}
}

// Build builds the site in root into memory, as the package's Build does,
// with inject placed before </body> of every page. A failed build keeps
// the pages of the last good one for the next.
func (b *Incremental) Build(root fs.FS, inject string) (*Output, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	opts := b.opts
	opts.Inject = inject
	in, pl, err := loadAndPlan(root, opts, &b.kept)
	if err != nil {
		return nil, err
	}
	c := &pageCache{old: b.pages, oldSearch: b.search, newSearch: path.Base(pl.searchFile)}
	if cacheable(root, in) {
		c.keys = pageKeys(b.seed, root, in, pl)
	}
	mem := &memory{files: map[string][]byte{}}
	out, err := renderSite(in, pl, opts, mem, c)
	if err != nil {
		return nil, err
	}
	b.pages, b.search, b.Reused = c.fresh, c.newSearch, int(c.hits.Load())
	out.Files = mem.files
	return out, nil
}

// pageCache carries the pages of the last build into the render of the
// next, and collects those of this one.
type pageCache struct {
	keys      []uint64 // by page of the plan; 0: render it whatever happens
	old       map[string]cachedPage
	oldSearch string // base name of the search index in the old pages
	newSearch string

	mu    sync.Mutex
	fresh map[string]cachedPage
	hits  atomic.Int64
}

// get returns the page i of the plan as the last build rendered it,
// before relativizing and injection, with the name of this build's search
// index, or nil.
func (c *pageCache) get(i int, file string) []byte {
	if c == nil || c.keys == nil || c.keys[i] == 0 {
		return nil
	}
	old, ok := c.old[file]
	if !ok || old.key != c.keys[i] {
		return nil
	}
	// Every page names the search index, whose name changes with any text
	// of the site: swapped at the one place the page names it.
	cuts := []cut{{old.search, len(c.oldSearch), c.newSearch}}
	if old.inject > 0 {
		cuts = append(cuts, cut{old.at, old.inject, ""})
		if old.at < old.search {
			cuts[0], cuts[1] = cuts[1], cuts[0]
		}
	}
	c.hits.Add(1)
	return splice(old.html, cuts)
}

// A cut replaces n bytes at at by with.
type cut struct {
	at, n int
	with  string
}

// splice makes a copy of data with the cuts made, in order.
func splice(data []byte, cuts []cut) []byte {
	out := make([]byte, 0, len(data))
	from := 0
	for _, c := range cuts {
		out = append(append(out, data[from:c.at]...), c.with...)
		from = c.at + c.n
	}
	return append(out, data[from:]...)
}

// keep remembers the page i of the plan for the next build: html as
// rendered, and final as published when the sink keeps that slice (then
// the cache shares it rather than hold a copy). A page that does not name
// the search index exactly once (the bundled theme names it once, the
// page's text may name it too) is not kept: its name could not be swapped
// safely.
func (c *pageCache) keep(i int, file string, html, final []byte, inject string, relative bool) {
	if c == nil || c.keys == nil || c.keys[i] == 0 {
		return
	}
	at := bytes.Index(html, []byte(c.newSearch))
	if at < 0 || bytes.Contains(html[at+1:], []byte(c.newSearch)) {
		return
	}
	if final == nil || relative {
		c.store(file, cachedPage{key: c.keys[i], html: bytes.Clone(html), search: at})
		return
	}
	// final is html with inject placed as inject() does.
	in := bytes.LastIndex(html, []byte("</body>"))
	if in < 0 {
		in = len(html)
	}
	if at >= in {
		at += len(inject)
	}
	c.store(file, cachedPage{key: c.keys[i], html: final, search: at, at: in, inject: len(inject)})
}

func (c *pageCache) store(file string, p cachedPage) {
	c.mu.Lock()
	if c.fresh == nil {
		c.fresh = map[string]cachedPage{}
	}
	c.fresh[file] = p
	c.mu.Unlock()
}
