package generator

import (
	"html/template"
	"io/fs"
	"path"

	"cursus"
	"cursus/generator/config"
	"cursus/generator/content"
	"cursus/generator/markdown"
	"cursus/generator/media"
	"cursus/generator/msg"
	"cursus/generator/render"
)

// loaded is the first stage of a build: the site's configuration, its
// content model and its theme, read and checked. Nothing changes it after.
type loaded struct {
	cfg     config.Config
	model   *content.Site
	project *Project
	theme   *render.Theme
	urls    urls
	min     *minifier // nil when the build does not minify
	preview bool      // Options.Preview
	keep    *kept     // what the dev server's builds keep for the next, or nil
}

// french gives a text the site's French typography: only a French site has
// it. The dev server's builds take the texts the last build set from it.
func (in *loaded) french(s string) string {
	if in.cfg.Markup.KeepStraightQuotes || render.Lang(in.cfg.LanguageCode) != "fr" {
		return s
	}
	if in.keep == nil {
		return markdown.French(s)
	}
	return in.keep.typography.of(s, markdown.French)
}

// load reads the site in root. Content errors come before theme errors:
// they are the ones faculty make. keep, when not nil, holds what the last
// build of the site kept (its theme, its decoded files) and keeps this
// one's for the next: the dev server's builds.
func load(root fs.FS, opts Options, keep *kept) (*loaded, error) {
	var themes *themeCache
	var decoded *content.Decoded
	if keep != nil {
		themes, decoded = &keep.theme, &keep.decoded
	}
	cfg, err := loadConfig(root, opts)
	if err != nil {
		return nil, err
	}
	if opts.BaseURL != "" {
		cfg.BaseURL = opts.BaseURL
		if err := cfg.Validate(); err != nil {
			return nil, err
		}
	}
	in := &loaded{cfg: cfg, urls: urls{base: cfg.BasePath(), baseURL: cfg.BaseURL}, preview: opts.Preview, keep: keep}
	if opts.Minify {
		in.min = newMinifier()
	}
	// The theme does not depend on the content: it loads (templates and
	// assets minified and parsed) on another core while the content does.
	type result struct {
		theme  *render.Theme
		src    fs.FS // what it was read through (themeCache.source)
		reused bool
		err    error
	}
	themed := make(chan result, 1)
	go func() {
		if t := themes.reuse(root); t != nil {
			themed <- result{theme: t, reused: true}
			return
		}
		src := themes.source(root)
		t, err := loadTheme(src, in)
		themed <- result{theme: t, src: src, err: err}
	}()
	in.project, err = loadContent(root, cfg, decoded)
	th := <-themed
	if err != nil {
		return nil, err
	}
	if th.err != nil {
		return nil, th.err
	}
	in.model, in.theme = in.project.Content, th.theme
	blocs := 0
	for _, b := range in.model.Blocs {
		blocs = max(blocs, b.Number)
	}
	if th.reused {
		if themes.fits(blocs) {
			return in, nil
		}
		// More blocs to colour than the kept theme's brand did.
		th.src = themes.source(root)
		if in.theme, err = loadTheme(th.src, in); err != nil {
			return nil, err
		}
	}
	if err := addBrand(th.src, in, blocs); err != nil {
		return nil, err
	}
	themes.keep(in.theme, th.src, blocs)
	return in, nil
}

// addBrand checks [brand] of config.toml and adds to the theme's
// style.css the colours it gives and those of blocs beyond the theme's
// palette.
func addBrand(root fs.FS, in *loaded, blocs int) error {
	colours, err := loadThemeColours(root, in.cfg.ThemeDir())
	if err != nil {
		return err
	}
	css, errs := brandCSS(in, colours, blocs)
	if logo := in.cfg.Brand.Logo; logo != "" {
		ext := path.Ext(logo)
		switch {
		case ext != ".svg" && ext != ".png":
			errs.Add(in.cfg.Pos("brand.logo"), "%s", msg.Of(in.cfg.LanguageCode).F(msg.BrandLogoType, logo))
		case in.theme.Assets.Get(logo) == nil:
			errs.Add(in.cfg.Pos("brand.logo"), "%s", msg.Of(in.cfg.LanguageCode).F(msg.BrandLogoMissing, logo, logo))
		}
	}
	if len(errs) > 0 {
		errs.Sort()
		return errs
	}
	if in.min != nil {
		if css, err = in.min.bytes(media.CSS, css); err != nil {
			return err
		}
	}
	// Appended to the theme's stylesheet: no request more, no template
	// to change; a site without [brand] keeps the theme's file as it is.
	if style := in.theme.Assets.Get("style.css"); style != nil && len(css) > 0 {
		in.theme.Assets.Add("style.css", append(append([]byte{}, style.Data...), css...))
	}
	return nil
}

// loadTheme loads the configured theme with the build's template functions.
func loadTheme(root fs.FS, in *loaded) (*render.Theme, error) {
	// config.Load has checked that the theme's directory exists.
	dir := in.cfg.ThemeDir()
	// The site's own layouts/ and static/ override the theme's file by file.
	// Their words come from the theme's i18n/, over the default theme's.
	// The functions close over copies of what they need, not over in: a
	// theme kept for the next build must not keep this build's content.
	cfg := in.cfg
	french := (&loaded{cfg: cfg}).french
	opts := render.Options{Funcs: funcs(in.urls, french), BasePath: in.urls.base, Own: ".",
		Lang: render.Lang(in.cfg.LanguageCode), LangAt: in.cfg.Pos("languageCode"), Defaults: cursus.DefaultTheme(), Typography: french}
	if in.min != nil {
		opts.Minify = in.min.bytes
	}
	return render.Load(root, dir, opts)
}

// funcs returns the template functions of a build, besides the theme's own
// asset and cached. They close over values that never change: templates
// render concurrently.
func funcs(u urls, fr func(string) string) template.FuncMap {
	return template.FuncMap{
		// url returns the URL of a site path or of an entity, under the base path.
		"url": func(v any) (string, error) {
			p, err := pathOf(v)
			return u.url(p), err
		},
		// abs returns the absolute URL of a site path or entity.
		"abs": func(v any) (string, error) {
			p, err := pathOf(v)
			return u.abs(p), err
		},
		// fr applies French typography to plain text.
		"fr": fr,
		// hue gives each bloc a colour slot of the theme's palette.
		// Blocs beyond the theme's palette get theirs from brand.css.
		"hue": func(n int) int { return n },
		"add": func(a, b int) int { return a + b },
		"plural": func(n int, one, many string) string {
			if n > 1 {
				return many
			}
			return one
		},
	}
}
