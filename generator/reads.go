package generator

import (
	"hash/maphash"
	"io/fs"
	"sort"
	"sync"

	"cursus/generator/config"
	"cursus/generator/render"
)

// reads is a site's fs.FS that remembers what was read through it: every
// file's bytes, every directory's names, every Stat, as hashes. same then
// tells whether the same reads would give the same today. The dev server
// keeps the theme of the last build as long as they would (themeCache).
type reads struct {
	fsys fs.FS
	seed maphash.Seed

	mu     sync.Mutex
	read   map[string]uint64 // "f", "d" or "s" and the name → hash of what came back
	opened bool              // something was opened as a file, which reads cannot follow
}

func newReads(fsys fs.FS) *reads {
	return &reads{fsys: fsys, seed: maphash.MakeSeed(), read: map[string]uint64{}}
}

func (r *reads) keep(op, name string, sum uint64) {
	r.mu.Lock()
	r.read[op+name] = sum
	r.mu.Unlock()
}

// Open is not followed: a stage that opens a file is never known to read
// the same again.
func (r *reads) Open(name string) (fs.File, error) {
	r.mu.Lock()
	r.opened = true
	r.mu.Unlock()
	return r.fsys.Open(name)
}

func (r *reads) ReadFile(name string) ([]byte, error) {
	data, err := fs.ReadFile(r.fsys, name)
	r.keep("f", name, r.fileSum(data, err))
	return data, err
}

func (r *reads) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(r.fsys, name)
	r.keep("d", name, r.dirSum(entries, err))
	return entries, err
}

func (r *reads) Stat(name string) (fs.FileInfo, error) {
	fi, err := fs.Stat(r.fsys, name)
	r.keep("s", name, r.statSum(fi, err))
	return fi, err
}

func (r *reads) fileSum(data []byte, err error) uint64 {
	var h maphash.Hash
	h.SetSeed(r.seed)
	writeErr(&h, err)
	h.Write(data)
	return h.Sum64()
}

func (r *reads) dirSum(entries []fs.DirEntry, err error) uint64 {
	var h maphash.Hash
	h.SetSeed(r.seed)
	writeErr(&h, err)
	for _, e := range entries {
		h.WriteString(e.Name())
		h.WriteByte(byte(e.Type() >> 24))
		h.WriteByte(0)
	}
	return h.Sum64()
}

func (r *reads) statSum(fi fs.FileInfo, err error) uint64 {
	var h maphash.Hash
	h.SetSeed(r.seed)
	writeErr(&h, err)
	if err == nil {
		h.WriteByte(byte(fi.Mode().Type() >> 24))
	}
	return h.Sum64()
}

func writeErr(h *maphash.Hash, err error) {
	if err != nil {
		h.WriteString(err.Error())
	}
	h.WriteByte(0)
}

// same reports whether reading fsys as the stage did gives what it got.
func (r *reads) same(fsys fs.FS) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.opened {
		return false
	}
	names := make([]string, 0, len(r.read))
	for k := range r.read {
		names = append(names, k)
	}
	sort.Strings(names) // directories before what they hold
	for _, k := range names {
		op, name := k[:1], k[1:]
		var sum uint64
		switch op {
		case "f":
			data, err := fs.ReadFile(fsys, name)
			sum = r.fileSum(data, err)
		case "d":
			entries, err := fs.ReadDir(fsys, name)
			sum = r.dirSum(entries, err)
		case "s":
			fi, err := fs.Stat(fsys, name)
			sum = r.statSum(fi, err)
		}
		if sum != r.read[k] {
			return false
		}
	}
	return true
}

// themeCache keeps the theme of a build, its [brand] colours added, for
// the next build of the same site, as long as loading it would read the
// same files (the theme's, the site's layouts/, static/ and i18n/,
// config.toml) and the site has as many blocs to colour. Parsing the
// templates, minifying the assets and cloning the templates for every core
// is most of what a small site's rebuild did.
type themeCache struct {
	theme *render.Theme
	read  *reads
	blocs int // the highest bloc number the brand coloured
}

// reuse returns the kept theme if loading it again would give the same,
// or nil. blocs is checked once the content is loaded (fits).
func (c *themeCache) reuse(root fs.FS) *render.Theme {
	if c == nil || c.theme == nil || !c.read.same(root) {
		return nil
	}
	c.theme.Forget()
	return c.theme
}

// fits reports whether the kept theme coloured as many blocs as there are.
func (c *themeCache) fits(blocs int) bool { return c.blocs == blocs }

// source is what a theme is loaded through: the site itself for a build
// that keeps nothing, a recorder of its reads for the dev server's, with
// config.toml read first (the theme's functions and words follow it).
func (c *themeCache) source(root fs.FS) fs.FS {
	if c == nil {
		return root
	}
	r := newReads(root)
	r.ReadFile(config.File)
	return r
}

// keep remembers a theme loaded through src (source).
func (c *themeCache) keep(t *render.Theme, src fs.FS, blocs int) {
	read, ok := src.(*reads)
	if c == nil || !ok {
		return
	}
	*c = themeCache{theme: t, read: read, blocs: blocs}
}
