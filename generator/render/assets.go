package render

import (
	"crypto/sha256"
	"cursus/generator/diag"
	"encoding/hex"
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"

	"cursus/generator/media"
)

// Assets are the theme's static files, each published under a name that
// carries a hash of its content (style.3f9a1c2b.css), so they can be cached
// forever and a change is never hidden by a stale cache.
type Assets struct {
	byName map[string]*Asset
	list   []*Asset
}

// Asset is one published static file.
type Asset struct {
	Name string // logical name, relative to static/: "style.css"
	Path string // published path, relative to the site root: "assets/style.3f9a1c2b.css"
	Data []byte
}

// Minifier minifies data of a media type (see package media); data of a type
// it has no minifier for comes back as it is. A nil Minifier minifies nothing.
type Minifier func(mediatype string, data []byte) ([]byte, error)

// loadAssets reads the static/ of each layer in turn, a file of a later
// layer replacing the one of the same name before it. An empty layer is
// skipped. Errors are a diag.List, each at its file.
func loadAssets(root fs.FS, layers []string, minify Minifier) (*Assets, error) {
	a := &Assets{byName: map[string]*Asset{}}
	var errs diag.List
	for _, dir := range layers {
		if dir != "" {
			a.walk(root, sub(dir, "static"), minify, &errs)
		}
	}
	errs.Sort()
	return a, errs.Err()
}

func (a *Assets) walk(root fs.FS, static string, minify Minifier, errs *diag.List) {
	err := fs.WalkDir(root, static, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == static && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir // a theme without static files
			}
			addWalkError(errs, p, err)
			return nil
		}
		if d.IsDir() {
			return nil
		}
		data, err := fs.ReadFile(root, p)
		if err != nil {
			addWalkError(errs, p, err)
			return nil
		}
		name := strings.TrimPrefix(p, static+"/")
		if minify != nil {
			m, err := minify(media.Type(name), data)
			if err != nil {
				errs.Add(diag.Pos{File: p}, "minify: %v", err)
				return nil
			}
			data = m
		}
		a.Add(name, data)
		return nil
	})
	if err != nil {
		errs.Add(diag.Pos{File: static}, "%v", err)
	}
}

// addWalkError adds an error met reading p: the site's file system reports
// each entry of a directory it refuses to read (a named pipe, a link out of
// the site) as an error of its own, named by its path.
func addWalkError(errs *diag.List, p string, err error) {
	var list interface{ Unwrap() []error }
	if !errors.As(err, &list) {
		list = joined{err}
	}
	for _, e := range list.Unwrap() {
		var pe *fs.PathError
		if errors.As(e, &pe) {
			errs.Add(diag.Pos{File: pe.Path}, "%v", pe.Err)
		} else {
			errs.Add(diag.Pos{File: p}, "%v", e)
		}
	}
}

type joined struct{ err error }

func (j joined) Error() string   { return j.err.Error() }
func (j joined) Unwrap() []error { return []error{j.err} }

// Add publishes data under a fingerprinted name and returns the asset. The
// search index goes through here too.
func (a *Assets) Add(name string, data []byte) *Asset {
	as := &Asset{Name: name, Path: Fingerprint("assets/"+name, data), Data: data}
	if old, ok := a.byName[name]; ok {
		*old = *as
		return old
	}
	a.byName[name] = as
	a.list = append(a.list, as)
	sort.Slice(a.list, func(i, j int) bool { return a.list[i].Name < a.list[j].Name })
	return as
}

// Fingerprint names a published file after its content, so that it can be
// cached for ever: "assets/style.css" → "assets/style.3f9a1c2b.css".
func Fingerprint(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
}

// Get returns the asset published for a logical name, or nil.
func (a *Assets) Get(name string) *Asset { return a.byName[name] }

// All returns the assets sorted by name.
func (a *Assets) All() []*Asset { return a.list }
