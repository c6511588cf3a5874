package generator

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"io/fs"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"

	"cursus"
	"cursus/generator/render"
	"cursus/internal/par"
)

// The key of a page is a hash of what its layout reads. A layout may reach
// the whole model through pointers (.Site.Content, .Bloc.Cert.Blocs…), so
// the keys follow what the bundled theme's layouts read, no more:
//
//   - the site: everything of Data.Site but the model and the search
//     index's name (replaced in the cached bytes), whether the site has
//     several certifications, the own fields of its one certification, the
//     theme's words and asset names;
//   - a certification's key: the certification whole (its fields, options,
//     modalités, texts, and its blocs and compétences by the whole keys of
//     their blocs), and of the métiers its blocs lead to and of other
//     certifications their own fields only (titles, codes, URLs);
//   - a bloc's key: the bloc whole with its compétences, options and
//     modalités, and of the other blocs and compétences these name their
//     own fields; its light key, the same without the critères of its
//     compétences (the bloc is walked once, for its light key, which its
//     whole key extends with those critères);
//   - a page: its own fields, its métier and its compétence whole, the
//     entities it names by path and key: the bloc's key on the page of a
//     bloc, its light key on the pages of a compétence or métier, which
//     show no critères but their own compétence's (with their
//     certification's own fields), the certification's key on the others.
//
// The pages of wideKinds list the whole model, but not the critères: they
// take the hash of the whole view with the light keys of its blocs (the
// view's key); the open data page, the sizes of every certification's
// files besides. The home of a site with several certifications lists
// them as a wide page does; that of a site with one shows its
// certification, whose key it takes as the certification's page does.
//
// Only the kinds listed in keyedKinds and wideKinds, and the home,
// rendered with their own layout, get a key; every other page (any kind
// added later, and a markdown page that names another layout) renders
// every time, so a new page kind is never served stale. A page whose
// layout is not the bundled theme's file gets no key, nor does any page of
// a site whose base.html or partials are not (keyedLayouts).

// narrowKinds read of the model their bloc, compétence or métier, the
// blocs these link to, and their certification's own fields; a markdown
// page, its own text and its certification's own fields.
var narrowKinds = map[string]bool{"bloc": true, "competence": true, "metier": true, "page": true}

// keyedKinds are the kinds whose reads the keys follow, each with its
// layout. A markdown page may name any layout of the theme: one that lists
// the whole model ("metiers") renders every time; the accessibility
// statement's reads no more than the page's.
var keyedKinds = map[string]bool{"bloc": true, "competence": true, "metier": true, "page": true,
	"blocs": true, "competences": true, "modalites": true, "matrice": true, "certification": true, "livret": true}

// wideKinds list the whole model by its entities' own fields and its
// blocs' light keys: the view's key.
var wideKinds = map[string]bool{"recherche": true, "metiers": true, "choix": true, "404": true, "donnees": true}

// keyed reports whether the keys follow what a page's layout reads, of
// the layouts the site renders as the bundled theme does (keyedLayouts).
func keyed(p *page, layouts map[string]bool) bool {
	kind := p.data.Kind
	return (keyedKinds[kind] || wideKinds[kind] || kind == "home") && layouts[p.layout] &&
		(p.layout == kind || kind == "page" && p.layout == "accessibilite")
}

// keyedLayouts returns the layouts whose reads the keys follow: those the
// site renders with the bundled theme's very file, while base.html and the
// partials, which every layout may call, are the bundled theme's too. A
// site that changes its home keeps keys for every other page; one that
// changes base.html or a partial has none (nil).
func keyedLayouts(theme *render.Theme) map[string]bool {
	site, bundled := theme.Templates(), bundledTemplates()
	if bundled == nil {
		return nil
	}
	shared := func(name string) bool { return name == "base.html" || strings.HasPrefix(name, "partials/") }
	for _, files := range []map[string][]byte{site, bundled} {
		for name := range files {
			if shared(name) {
				if a, b := site[name], bundled[name]; a == nil || b == nil || !bytes.Equal(a, b) {
					return nil
				}
			}
		}
	}
	keyed := map[string]bool{}
	for name, data := range site {
		if want := bundled[name]; !shared(name) && want != nil && bytes.Equal(data, want) {
			keyed[strings.TrimSuffix(name, ".html")] = true
		}
	}
	return keyed
}

// bundledTemplates are the templates of the bundled theme, by their name
// under layouts/ as Theme.Templates names them, read once.
var bundledTemplates = sync.OnceValue(func() map[string][]byte {
	files := map[string][]byte{}
	for _, pattern := range []string{"layouts/*.html", "layouts/partials/*.html"} {
		names, err := fs.Glob(cursus.DefaultTheme(), pattern)
		if err != nil {
			return nil
		}
		for _, name := range names {
			data, err := fs.ReadFile(cursus.DefaultTheme(), name)
			if err != nil {
				return nil
			}
			files[strings.TrimPrefix(name, "layouts/")] = data
		}
	}
	return files
})

// pageKeys returns the key of every page of the plan, 0 for those that
// must render.
func pageKeys(seed maphash.Seed, in *loaded, pl *plan, layouts map[string]bool) []uint64 {
	v := pl.site.Content
	sh := ownHashes(seed, v)
	sh.addModalites(seed, v.Modalites, nil, nil, false)
	light := entityKeys(seed, v.Blocs, func(w *walker, b *Bloc) { w.bloc, w.shared, w.light = b, sh, true })
	blocs := wholeKeys(seed, light)
	certs := entityKeys(seed, v.Certifications, func(w *walker, c *Certification) {
		w.cert, w.blocs, w.shared = c, blocs, sh
	})
	sh.addModalites(seed, v.Modalites, certs, light, true)
	sh.addModalites(seed, v.Modalites, certs, blocs, false)
	site := siteKey(seed, in, pl)
	// The view's key: the whole model as the pages of wideKinds read it.
	vw := newWalker(seed, certs)
	vw.blocs, vw.lightBlocs, vw.narrow, vw.shared = light, true, true, sh
	vw.value(reflect.ValueOf(*v))
	view, viewSure := vw.h.Sum64(), !vw.unsure
	// The sizes of the open data files, which the open data page lists.
	dw := newWalker(seed, nil)
	for _, c := range v.Certifications {
		dw.value(reflect.ValueOf(c.Downloads))
	}
	downloads := dw.h.Sum64()
	keys := make([]uint64, len(pl.pages))
	par.ForEach(len(pl.pages), func(i int) {
		p := pl.pages[i]
		if !keyed(p, layouts) {
			return
		}
		w := newWalker(seed, certs)
		w.blocs, w.metier, w.narrow, w.shared = blocs, p.data.Metier, narrowKinds[p.data.Kind], sh
		if p.data.Kind != "bloc" {
			w.blocs, w.lightBlocs, w.comp = light, true, p.data.Competence
		}
		w.uint(site)
		w.string(p.layout)
		if wideKinds[p.data.Kind] || p.data.Kind == "home" && v.Several {
			if !viewSure {
				return
			}
			w.narrow = true
			w.uint(view)
			if p.data.Kind == "donnees" {
				w.uint(downloads)
			}
		}
		w.value(reflect.ValueOf(*p.data))
		if !w.unsure {
			keys[i] = max(1, w.h.Sum64()) // 0 means no key
		}
	})
	return keys
}

// entityKeys hashes each of a list of certifications or blocs whole, as
// set tells the walker.
func entityKeys[E *Certification | *Bloc](seed maphash.Seed, list []E, set func(*walker, E)) map[E]uint64 {
	sums := make([]uint64, len(list))
	par.ForEach(len(list), func(i int) {
		w := newWalker(seed, nil)
		set(w, list[i])
		w.pointer(reflect.ValueOf(list[i]))
		sums[i] = w.h.Sum64()
	})
	keys := make(map[E]uint64, len(list))
	for i, e := range list {
		keys[e] = sums[i]
	}
	return keys
}

// wholeKeys returns the key of each bloc whole from its light key: what
// the light key leaves out is the critères of its compétences.
func wholeKeys(seed maphash.Seed, light map[*Bloc]uint64) map[*Bloc]uint64 {
	keys := make(map[*Bloc]uint64, len(light))
	for b, k := range light {
		w := newWalker(seed, nil)
		w.uint(k)
		w.uint(uint64(len(b.Competences)))
		for _, c := range b.Competences {
			w.uint(uint64(len(c.Criteria)))
			for _, cr := range c.Criteria {
				w.value(reflect.ValueOf(cr))
			}
		}
		keys[b] = w.h.Sum64()
	}
	return keys
}

// siteKey hashes what every page may read of the site besides the model.
func siteKey(seed maphash.Seed, in *loaded, pl *plan) uint64 {
	w := newWalker(seed, nil)
	s := *pl.site
	s.Content, s.SearchIndex, s.navigates = nil, "", nil
	w.value(reflect.ValueOf(s))
	w.bool(pl.site.Content.Several)
	if c := pl.site.Content.Certification; c != nil {
		w.shallow(reflect.ValueOf(*c)) // its title, in the footer
	}
	w.string(in.urls.base)
	w.string(in.urls.baseURL)
	for _, a := range in.theme.Assets.All() {
		w.string(a.Name)
		w.string(a.Path)
	}
	// The words templates read ({{t}}): the site's, the theme's and the
	// default ones, as the theme loaded them.
	w.value(reflect.ValueOf(*in.theme.Words))
	return w.h.Sum64()
}

// walker hashes a value of the view, following pointers as the keys say.
type walker struct {
	h      maphash.Hash
	certs  map[*Certification]uint64 // keys of certifications; nil while making them and blocs'
	blocs  map[*Bloc]uint64          // keys of blocs
	cert   *Certification            // the certification being hashed, whole
	bloc   *Bloc                     // the bloc being hashed, whole
	metier *Metier                   // the page's métier, hashed whole
	comp   *Competence               // the page's compétence, hashed whole
	// light leaves out the critères of the compétences of the bloc hashed
	// whole: its light key.
	light bool
	// narrow: the page reads of other entities their blocs' keys and
	// its certification's own fields, not the whole certification.
	narrow bool
	// lightBlocs: blocs are the light keys, not the whole ones.
	lightBlocs bool
	shared     *shared // made before the walks; nil while making it
	seen       map[seenKey]int
	seed       maphash.Seed
	unsure     bool // met something the key cannot follow
}

// shared is what the walks of one build read, made before them: the hash
// of every entity's own fields (every bloc of a certification names the
// same compétences), and of every modalité as certifications and blocs
// name it and as pages do, with the light or the whole keys of blocs (a
// modalité names most compétences of its certification). Plain maps, read
// by every core at once and written by none while the walks run.
type shared struct {
	certs     map[*Certification]uint64
	blocs     map[*Bloc]uint64
	comps     map[*Competence]uint64
	metiers   map[*Metier]uint64
	modalites map[modaliteKey]modaliteSum
}

type modaliteSum struct {
	h      uint64
	unsure bool
}

// ownHashes hashes the own fields of every entity of the view.
func ownHashes(seed maphash.Seed, v *View) *shared {
	return &shared{
		certs:     ownHashesOf(seed, v.Certifications),
		blocs:     ownHashesOf(seed, v.Blocs),
		comps:     ownHashesOf(seed, v.Competences),
		metiers:   ownHashesOf(seed, v.Metiers),
		modalites: map[modaliteKey]modaliteSum{},
	}
}

func ownHashesOf[E comparable](seed maphash.Seed, list []E) map[E]uint64 {
	sums := make([]uint64, len(list))
	par.ForEach(len(list), func(i int) { sums[i] = ownHash(seed, reflect.ValueOf(list[i])) })
	hashes := make(map[E]uint64, len(list))
	for i, e := range list {
		hashes[e] = sums[i]
	}
	return hashes
}

// ownHash hashes the own fields of what p points to.
func ownHash(seed maphash.Seed, p reflect.Value) uint64 {
	w := newWalker(seed, nil)
	w.shallow(p.Elem())
	return w.h.Sum64()
}

// addModalites hashes every modalité as a walker with these keys names
// it: certs nil for the keys of certifications and blocs; else for pages,
// with the light or the whole keys of blocs.
func (sh *shared) addModalites(seed maphash.Seed, list []*Modalite, certs map[*Certification]uint64, blocs map[*Bloc]uint64, lightBlocs bool) {
	sums := make([]modaliteSum, len(list))
	par.ForEach(len(list), func(i int) {
		w := newWalker(seed, certs)
		w.blocs, w.lightBlocs, w.narrow, w.shared = blocs, lightBlocs, certs != nil, sh
		w.value(reflect.ValueOf(*list[i]))
		sums[i] = modaliteSum{w.h.Sum64(), w.unsure}
	})
	for i, m := range list {
		sh.modalites[modaliteKey{m, lightBlocs, certs == nil}] = sums[i]
	}
}

func newWalker(seed maphash.Seed, certs map[*Certification]uint64) *walker {
	w := &walker{seed: seed, certs: certs, seen: map[seenKey]int{}}
	w.h.SetSeed(seed)
	return w
}

// shallowAt writes the hash of the own fields of what p points to, made
// once per build (shared).
func (w *walker) shallowAt(p reflect.Value) {
	var h uint64
	ok := false
	if sh := w.shared; sh != nil {
		switch x := p.Interface().(type) {
		case *Certification:
			h, ok = sh.certs[x]
		case *Bloc:
			h, ok = sh.blocs[x]
		case *Competence:
			h, ok = sh.comps[x]
		case *Metier:
			h, ok = sh.metiers[x]
		}
	}
	if !ok { // not in the view's lists: made here
		h = ownHash(w.seed, p)
	}
	w.uint(h)
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
	compType     = reflect.TypeFor[*Competence]()
	certType     = reflect.TypeFor[*Certification]()
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
			if w.light && v.Type() == compType.Elem() && v.Type().Field(i).Name == "Criteria" {
				continue
			}
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
		var bloc *Bloc
		var path string // of the bloc or compétence v points to
		switch x := v.Interface().(type) {
		case *Metier:
			if x != w.metier {
				w.shallowAt(v)
				return
			}
		case *Certification:
			switch {
			case x == w.cert: // hashed whole, below
			case w.certs == nil || w.narrow:
				w.shallowAt(v)
				return
			default:
				key(w, w.certs, x)
				return
			}
		case *Modalite:
			if w.shared != nil && (w.narrow || w.certs == nil) {
				w.modalite(v)
				return
			}
		case *Bloc:
			bloc, path = x, x.path
		case *Competence:
			if x != w.comp {
				bloc, path = x.Bloc, x.path
			}
		}
		if bloc != nil {
			switch {
			case w.bloc != nil && bloc == w.bloc:
				// hashed whole, below
			case w.cert != nil && bloc.Cert == w.cert:
				// A bloc or compétence of the certification hashed whole:
				// the bloc's whole key says all of it.
				key(w, w.blocs, bloc)
				w.string(path)
				return
			case w.certs == nil:
				w.shallowAt(v) // another's, while hashing a certification or bloc
				return
			case w.narrow:
				key(w, w.blocs, bloc)
				w.string(path)
				return
			default:
				key(w, w.certs, bloc.Cert)
				w.string(path)
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

// modalite hashes a modalité once per build (it names most compétences
// of its certification, and most pages and blocs name one): its own
// fields, and of the blocs and compétences it names, on a narrow page
// their keys and paths, in a certification or bloc hashed whole their own
// fields. What the page or entity hashes whole, its own compétence or
// blocs, is hashed whole where it names them.
func (w *walker) modalite(v reflect.Value) {
	m := v.Interface().(*Modalite)
	sum, ok := w.shared.modalites[modaliteKey{m, w.lightBlocs, w.certs == nil}]
	if !ok { // not in the view's list: hashed here
		sub := newWalker(w.seed, w.certs)
		sub.blocs, sub.lightBlocs, sub.narrow, sub.shared = w.blocs, w.lightBlocs, w.narrow, w.shared
		sub.value(v.Elem())
		sum = modaliteSum{sub.h.Sum64(), sub.unsure}
	}
	w.unsure = w.unsure || sum.unsure
	w.uint(sum.h)
}

// modaliteKey is a modalité hashed for a page, with the light keys of
// blocs or their whole keys, or for an entity's key.
type modaliteKey struct {
	m          *Modalite
	lightBlocs bool
	entity     bool
}

// key writes the key of an entity made before the pages' keys.
func key[K comparable](w *walker, keys map[K]uint64, of K) {
	n, ok := keys[of]
	if !ok {
		w.unsure = true
	}
	w.uint(n)
}

// shallow hashes the fields of a struct that hold no pointer: its own
// texts and codes, not the entities it links to.
func (w *walker) shallow(v reflect.Value) {
	for i := range v.NumField() {
		switch {
		case v.Type() == compType.Elem() && v.Type().Field(i).Name == "Criteria":
			continue // a compétence named elsewhere shows its label, not its critères
		case v.Type() == certType.Elem() && v.Type().Field(i).Name == "Downloads":
			// The sizes of the open data files change with any text; they
			// show on the pages keyed by the certification whole (its
			// page, the home of a site with one) and on the open data
			// page, whose key has them.
			continue
		}
		if !hasPointers(v.Field(i).Type()) {
			w.value(v.Field(i))
		}
	}
}

// pointerTypes remembers hasPointers of each type: shallow asks for every
// field of every entity.
var pointerTypes sync.Map // reflect.Type → bool

func hasPointers(t reflect.Type) bool {
	if has, ok := pointerTypes.Load(t); ok {
		return has.(bool)
	}
	has := typeHasPointers(t)
	pointerTypes.Store(t, has)
	return has
}

func typeHasPointers(t reflect.Type) bool {
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
