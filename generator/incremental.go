package generator

import (
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
// the parsed theme, while its files read the same, and the decoded bloc
// files whose bytes did not change (reads.go); load and plan then run
// whole, and a page's data is exactly what a full build gives it. Each page
// is keyed by a hash of what its layout can read (keys.go); a page whose
// key is that of the last build gets the very bytes it had, which the dev
// server then tells unchanged at a glance.
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
func (b *Incremental) Build(root fs.FS) (*Output, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	in, pl, err := loadAndPlan(root, b.opts, &b.kept)
	defer func() {
		// The search index is made on another core while the pages
		// render, with the memos: they turn over once it is made.
		if pl != nil {
			pl.search()
		}
		b.kept.typography.done()
		b.kept.words.done()
	}()
	if err != nil {
		return nil, err
	}
	c := &pageCache{old: b.pages}
	if cacheable(root, in) {
		c.keys = pageKeys(b.seed, root, in, pl)
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

// pageCache carries the pages of the last build into the render of the
// next, and collects those of this one.
type pageCache struct {
	keys []uint64 // by page of the plan; 0: render it whatever happens
	old  map[string]cachedPage

	mu    sync.Mutex
	fresh map[string]cachedPage
	hits  atomic.Int64
}

// get returns the page i of the plan as the last build published it, or
// nil.
func (c *pageCache) get(i int, file string) []byte {
	if c == nil || c.keys == nil || c.keys[i] == 0 {
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
	// typography and words hold every text the last build set in French
	// typography, and split into search words.
	typography memo[string]
	words      memo[[]string]
}

// memo remembers what a pure function gave for each text of the last
// build: a site's texts are set in French typography and split into
// search words again on every build, and most did not change.
type memo[T any] struct {
	last map[string]T // read only while a build runs
	mu   sync.Mutex
	next map[string]T
}

func (m *memo[T]) of(s string, f func(string) T) T {
	out, ok := m.last[s]
	if !ok {
		out = f(s)
	}
	m.mu.Lock()
	if m.next == nil {
		m.next = map[string]T{}
	}
	m.next[s] = out
	m.mu.Unlock()
	return out
}

// done keeps the texts of the build that ends for the next.
func (m *memo[T]) done() { m.last, m.next = m.next, nil }
