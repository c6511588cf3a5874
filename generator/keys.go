package generator

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"io/fs"
	"math"
	"reflect"
	"slices"

	"cursus"
	"cursus/internal/par"
)

// The key of a page is a hash of what its layout reads. A layout may reach
// the whole model through pointers (.Site.Content, .Bloc.Cert.Blocs…), so
// the key follows what the bundled theme's layouts read, no more:
//
//   - the site: everything of Data.Site but the model and the search
//     index's name (replaced in the cached bytes), whether the site has
//     several certifications, the theme's words and asset names;
//   - the page's certification, whole: its blocs, compétences, options,
//     modalités and texts, and of the métiers its blocs lead to their own
//     fields (title, codes), not the blocs of other certifications;
//   - the page's own fields, a bloc or compétence named by its path and the
//     key of its certification, the page's métier whole.
//
// Kinds that list the whole model (home, métiers, recherche, choix, pages,
// 404) get no key: they render every time. A site whose layouts are not
// the bundled theme's gets no keys at all.

// uncachedKinds read .Site.Content: they render on every build.
var uncachedKinds = map[string]bool{"home": true, "metiers": true, "recherche": true, "choix": true, "page": true, "404": true}

// cacheable reports whether the site renders with the bundled theme's
// layouts, the only ones whose reads the keys follow.
func cacheable(root fs.FS, in *loaded) bool {
	if fi, err := fs.Stat(root, "layouts"); err == nil && fi.IsDir() {
		return false // the site's own layouts override the theme's
	}
	theme, err := fs.Sub(root, in.cfg.ThemeDir()+"/layouts")
	if err != nil {
		return false
	}
	return sameFiles(theme, mustSub(cursus.DefaultTheme(), "layouts"))
}

func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err) // a constant, valid name
	}
	return sub
}

// sameFiles reports whether two trees hold the same files with the same
// bytes.
func sameFiles(a, b fs.FS) bool {
	list := func(fsys fs.FS) map[string][]byte {
		files := map[string][]byte{}
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			files[p], err = fs.ReadFile(fsys, p)
			return err
		})
		if err != nil {
			return nil
		}
		return files
	}
	fa, fb := list(a), list(b)
	if fa == nil || fb == nil || len(fa) != len(fb) {
		return false
	}
	for name, data := range fa {
		if other, ok := fb[name]; !ok || !bytes.Equal(data, other) {
			return false
		}
	}
	return true
}

// pageKeys returns the key of every page of the plan, 0 for those that
// must render. root is read for the theme's words.
func pageKeys(seed maphash.Seed, root fs.FS, in *loaded, pl *plan) []uint64 {
	v := pl.site.Content
	certs := make(map[*Certification]uint64, len(v.Certifications))
	sums := make([]uint64, len(v.Certifications))
	par.ForEach(len(v.Certifications), func(i int) {
		w := newWalker(seed, nil)
		w.cert = v.Certifications[i]
		w.pointer(reflect.ValueOf(v.Certifications[i]))
		sums[i] = w.h.Sum64()
	})
	for i, c := range v.Certifications {
		certs[c] = sums[i]
	}
	site := siteKey(seed, root, in, pl, certs)
	keys := make([]uint64, len(pl.pages))
	par.ForEach(len(pl.pages), func(i int) {
		p := pl.pages[i]
		if uncachedKinds[p.data.Kind] {
			return
		}
		w := newWalker(seed, certs)
		w.metier = p.data.Metier
		w.uint(site)
		w.string(p.layout)
		w.value(reflect.ValueOf(*p.data))
		if !w.unsure {
			keys[i] = max(1, w.h.Sum64()) // 0 means no key
		}
	})
	return keys
}

// siteKey hashes what every page may read of the site besides the model.
func siteKey(seed maphash.Seed, root fs.FS, in *loaded, pl *plan, certs map[*Certification]uint64) uint64 {
	w := newWalker(seed, certs)
	s := *pl.site
	s.Content, s.SearchIndex, s.navigates = nil, "", nil
	w.value(reflect.ValueOf(s))
	w.bool(pl.site.Content.Several)
	if c := pl.site.Content.Certification; c != nil {
		w.uint(certs[c])
	}
	w.string(in.urls.base)
	w.string(in.urls.baseURL)
	for _, a := range in.theme.Assets.All() {
		w.string(a.Name)
		w.string(a.Path)
	}
	// The words of the theme and of the default one.
	words := []struct {
		fsys fs.FS
		dir  string
	}{{root, in.cfg.ThemeDir() + "/i18n"}, {cursus.DefaultTheme(), "i18n"}}
	for _, ws := range words {
		fsys, dir := ws.fsys, ws.dir
		fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				data, _ := fs.ReadFile(fsys, p)
				w.string(p)
				w.string(string(data))
			}
			return nil
		})
	}
	return w.h.Sum64()
}

// walker hashes a value of the view, following pointers as the keys say.
type walker struct {
	h      maphash.Hash
	certs  map[*Certification]uint64 // keys of certifications; nil while making them
	cert   *Certification            // the certification being hashed, whole
	metier *Metier                   // the page's métier, hashed whole
	seen   map[seenKey]int
	unsure bool // met something the key cannot follow
}

func newWalker(seed maphash.Seed, certs map[*Certification]uint64) *walker {
	w := &walker{certs: certs, seen: map[seenKey]int{}}
	w.h.SetSeed(seed)
	return w
}

func (w *walker) uint(n uint64) {
	var b [8]byte
	for i := range b {
		b[i] = byte(n >> (8 * i))
	}
	w.h.Write(b[:])
}

func (w *walker) string(s string) {
	w.uint(uint64(len(s)))
	w.h.WriteString(s)
}

func (w *walker) bool(b bool) {
	if b {
		w.uint(1)
	} else {
		w.uint(0)
	}
}

var (
	siteDataType = reflect.TypeFor[*SiteData]()
	certType     = reflect.TypeFor[*Certification]()
	blocType     = reflect.TypeFor[*Bloc]()
	compType     = reflect.TypeFor[*Competence]()
)

func (w *walker) value(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		w.string(v.String())
	case reflect.Bool:
		w.bool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.uint(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		w.uint(v.Uint())
	case reflect.Float32, reflect.Float64:
		w.uint(math.Float64bits(v.Float()))
	case reflect.Slice, reflect.Array:
		w.uint(uint64(v.Len()))
		for i := range v.Len() {
			w.value(v.Index(i))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			w.value(v.Field(i))
		}
	case reflect.Pointer:
		if v.IsNil() {
			w.uint(0)
			return
		}
		w.uint(1)
		w.pointer(v)
	case reflect.Interface:
		if v.IsNil() {
			w.uint(0)
			return
		}
		w.string(v.Elem().Type().String())
		w.value(v.Elem())
	case reflect.Map:
		keys := v.MapKeys()
		names := make([]string, len(keys))
		for i, k := range keys {
			names[i] = fmt.Sprint(k)
		}
		order := make([]int, len(keys))
		for i := range order {
			order[i] = i
		}
		slices.SortFunc(order, func(a, b int) int { return compareStrings(names[a], names[b]) })
		w.uint(uint64(len(keys)))
		for _, i := range order {
			w.string(names[i])
			w.value(v.MapIndex(keys[i]))
		}
	default: // functions, channels: nothing a key can say
		w.unsure = true
	}
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// pointer hashes what v points to, as the rules of the keys say.
func (w *walker) pointer(v reflect.Value) {
	t := v.Type()
	if t == siteDataType {
		return // the site's key holds it
	}
	if v.CanInterface() {
		var owner *Certification
		switch x := v.Interface().(type) {
		case *Certification:
			owner = x
		case *Bloc:
			owner = x.Cert
		case *Competence:
			if x.Bloc != nil {
				owner = x.Bloc.Cert
			}
		case *Metier:
			if x != w.metier {
				w.shallow(v.Elem())
				return
			}
		}
		if t == certType || t == blocType || t == compType {
			switch {
			case w.cert != nil && owner == w.cert:
				// part of the certification being hashed: whole
			case w.certs == nil:
				w.shallow(v.Elem()) // another certification's, while hashing one
				return
			default:
				key, ok := w.certs[owner]
				if !ok {
					w.unsure = true
				}
				w.uint(key)
				if t != certType {
					w.string(v.Elem().FieldByName("path").String())
				}
				return
			}
		}
	}
	k := seenKey{v.Pointer(), t}
	if i, ok := w.seen[k]; ok {
		w.uint(uint64(i))
		return
	}
	w.seen[k] = len(w.seen) + 2
	w.value(v.Elem())
}

// shallow hashes the fields of a struct that hold no pointer: its own
// texts and codes, not the entities it links to.
func (w *walker) shallow(v reflect.Value) {
	for i := range v.NumField() {
		if !hasPointers(v.Field(i).Type()) {
			w.value(v.Field(i))
		}
	}
}

func hasPointers(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Interface, reflect.Func, reflect.Chan:
		return true
	case reflect.Slice, reflect.Array:
		return hasPointers(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if hasPointers(t.Field(i).Type) {
				return true
			}
		}
	}
	return false
}

// seenKey is a pointer already hashed: the second time, its number only.
type seenKey struct {
	p uintptr
	t reflect.Type
}
