package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"cursus/generator/config"
	"cursus/internal/par"
	"cursus/internal/sitefs"
)

// PublishOptions tune Publish. The zero value publishes as config.toml says.
type PublishOptions struct {
	Dest    string // the output directory; publishDir of config.toml under the site when ""
	BaseURL string // overrides config.toml's baseURL when set
	Minify  *bool  // overrides config.toml's [minify] disable when set
	Strict  bool   // fail on warnings, publishing nothing
}

// Publish builds the site in the directory src and publishes it. Nothing in
// the destination changes unless the whole build succeeded. It refuses a
// destination that is, holds or lies inside what the site is read from
// (config.toml, the content directory, the themes, static/, layouts/):
// publishing removes what the site does not produce. It returns the
// destination it wrote.
func Publish(src string, po PublishOptions) (*Output, string, error) {
	root, err := sitefs.Open(src)
	if err != nil {
		return nil, po.Dest, err
	}
	defer root.Close()
	cfg, err := config.Load(root)
	if err != nil {
		return nil, po.Dest, err
	}
	dest := po.Dest
	if dest == "" {
		dest = filepath.Join(src, cfg.PublishDir)
	}
	if err := refuseSources(src, dest, cfg); err != nil {
		return nil, dest, err
	}
	opts := Options{Minify: !cfg.Minify.Disable, BaseURL: po.BaseURL, Strict: po.Strict}
	if po.Minify != nil {
		opts.Minify = *po.Minify
	}
	out, err := BuildTo(root, opts, dest)
	return out, dest, err
}

// BuildTo builds the site in root and publishes it into dest, as Publish
// does, writing pages as they render instead of holding the site in memory.
// The returned Output has no Files.
func BuildTo(root fs.FS, opts Options, dest string) (*Output, error) {
	// The destination is opened (and a previous site in it listed) on
	// another core while the site loads and plans: neither needs the other
	// before the pages render.
	type opened struct {
		w   *dirSink
		err error
	}
	sinks := make(chan opened, 1)
	go func() {
		w, err := newDirSink(dest)
		sinks <- opened{w, err}
	}()
	in, pl, err := loadAndPlan(root, opts, nil, nil)
	o := <-sinks
	if o.err != nil {
		return nil, o.err
	}
	if err != nil {
		o.w.abort()
		return nil, err
	}
	out, err := renderSite(in, pl, opts, o.w, nil)
	if err != nil {
		o.w.abort()
		return nil, err
	}
	return out, o.w.commit()
}

// Write publishes a site built in memory into dest, as BuildTo does.
func Write(out *Output, dest string) error {
	names := make([]string, 0, len(out.Files))
	for name := range out.Files {
		if !safePath(name) {
			return fmt.Errorf("write: output path %q leaves the destination", name)
		}
		names = append(names, name)
	}
	sort.Strings(names)
	w, err := newDirSink(dest)
	if err != nil {
		return err
	}
	errs := make([]error, len(names))
	par.ForEach(len(names), func(i int) { errs[i] = w.put(names[i], out.Files[names[i]]) })
	if err := errors.Join(errs...); err != nil {
		w.abort()
		return err
	}
	return w.commit()
}

// refuseSources returns an error when dest is, holds or lies inside one of
// the places the site in src is read from.
func refuseSources(src, dest string, cfg config.Config) error {
	d, err := realPath(dest)
	if err != nil {
		return err
	}
	sources := []string{src, config.File, cfg.ContentDir, "themes", "static", "layouts"}
	for i, s := range sources {
		if i > 0 {
			s = filepath.Join(src, s)
		}
		p, err := realPath(s)
		if err != nil {
			return err
		}
		// The site's own directory may hold the output (public/ is in it),
		// but not be it nor lie inside it.
		if i == 0 && (p == d || within(p, d)) || i > 0 && (p == d || within(p, d) || within(d, p)) {
			return fmt.Errorf("build: refusing to publish into %s: it is, holds or lies inside the site's sources (%s), and publishing removes what the site does not produce", dest, s)
		}
	}
	return nil
}

// within reports whether the path p lies inside the directory dir.
func within(p, dir string) bool {
	return strings.HasPrefix(p, dir+string(filepath.Separator)) || dir == filepath.Dir(dir) && p != dir
}

// realPath returns p absolute, with the symbolic links of the part of it
// that exists resolved: two names of one directory compare equal.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for cur := abs; ; cur = filepath.Dir(cur) {
		if real, err := filepath.EvalSymlinks(cur); err == nil {
			return filepath.Join(real, rest), nil
		} else if !errors.Is(err, os.ErrNotExist) {
			return "", err
		}
		if cur == filepath.Dir(cur) {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(cur), rest)
	}
}
