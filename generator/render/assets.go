package render

import (
	"crypto/sha256"
	"encoding/hex"
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

// LoadAssets reads every file under dir/static of root.
func LoadAssets(root fs.FS, dir string, minify Minifier) (*Assets, error) {
	a := &Assets{byName: map[string]*Asset{}}
	static := dir + "/static"
	err := fs.WalkDir(root, static, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(root, p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, static+"/")
		if minify != nil {
			if m, err := minify(media.Type(name), data); err == nil {
				data = m
			} else {
				return &fs.PathError{Op: "minify", Path: p, Err: err}
			}
		}
		a.Add(name, data)
		return nil
	})
	if err != nil && !isNotExist(err) {
		return nil, err
	}
	return a, nil
}

func isNotExist(err error) bool {
	pe, ok := err.(*fs.PathError)
	return ok && pe.Err == fs.ErrNotExist
}

// Add publishes data under a fingerprinted name and returns the asset. The
// search index goes through here too.
func (a *Assets) Add(name string, data []byte) *Asset {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	hashed := strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
	as := &Asset{Name: name, Path: "assets/" + hashed, Data: data}
	if old, ok := a.byName[name]; ok {
		*old = *as
		return old
	}
	a.byName[name] = as
	a.list = append(a.list, as)
	sort.Slice(a.list, func(i, j int) bool { return a.list[i].Name < a.list[j].Name })
	return as
}

// Get returns the asset published for a logical name, or nil.
func (a *Assets) Get(name string) *Asset { return a.byName[name] }

// All returns the assets sorted by name.
func (a *Assets) All() []*Asset { return a.list }
