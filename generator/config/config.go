// Package config loads config.toml into a typed Config whose zero values are
// filled with sensible defaults; an unknown key is an error, since it is
// almost always a typo.
package config

import (
	"errors"
	"io/fs"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"cursus/generator/content"
	"cursus/generator/diag"
	"cursus/generator/msg"
)

// File is the configuration file at the root of a site.
const File = "config.toml"

// Config is the site configuration.
type Config struct {
	Title        string `toml:"title"`
	Description  string `toml:"description"`
	BaseURL      string `toml:"baseURL"`
	LanguageCode string `toml:"languageCode"`
	Theme        string `toml:"theme"`
	ContentDir   string `toml:"contentDir"`
	PublishDir   string `toml:"publishDir"`
	// RelativeURLs writes every internal URL of a page relative to it, so
	// that the published site opens from disk (file://) or from any
	// directory; a URL to a directory then ends in index.html.
	RelativeURLs  bool              `toml:"relativeURLs"`
	Markup        Markup            `toml:"markup"`
	Minify        Minify            `toml:"minify"`
	Accessibility Accessibility     `toml:"accessibility"`
	Publish       Publish           `toml:"publish"`
	OpenData      OpenData          `toml:"opendata"` // opendata.go
	Params        map[string]string `toml:"params"`
	// Menu is the main navigation, in order; empty, the theme's default
	// (the métiers and the pages of the certification, or the
	// certifications).
	Menu []MenuEntry `toml:"menu"`
	// Brand is the site's name, logo and colours.
	Brand Brand `toml:"brand"`

	keys content.Keys // where config.toml sets each key, for errors
}

// Brand is the look a faculty gives its site without touching the theme.
// Colours are #rrggbb; each must read on the theme's backgrounds (WCAG AA,
// 4.5:1), Accent and Blocs on the light ones, AccentDark and BlocsDark on
// the dark ones.
type Brand struct {
	Name       string   `toml:"name"`       // in the header; the title when empty
	Logo       string   `toml:"logo"`       // an SVG or PNG of the site's static/
	Accent     string   `toml:"accent"`     // links and buttons, light scheme
	AccentDark string   `toml:"accentDark"` // the same, dark scheme
	Blocs      []string `toml:"blocs"`      // bloc 1, 2…, light scheme; the theme's beyond
	BlocsDark  []string `toml:"blocsDark"`  // the same, dark scheme
}

// MenuEntry is one link of the main navigation: a markdown page by its
// slug (its title is the label unless Label says otherwise), or any URL, a
// path of the site ("/metiers/") or an address elsewhere, with its Label.
type MenuEntry struct {
	Label string `toml:"label"`
	URL   string `toml:"url"`
	Page  string `toml:"page"`
}

// Pos returns where config.toml sets key ("menu[1].page"), or the file.
func (c Config) Pos(key string) diag.Pos { return c.keys.Pos(key) }

// Markup configures the markdown renderer.
type Markup struct {
	// Unsafe lets raw HTML in markdown through. Off by default: faculty
	// write markdown, and raw HTML is where injection and invalid markup
	// come from.
	Unsafe bool `toml:"unsafe"`
	// KeepStraightQuotes turns off the French typographer (’ « » and
	// non-breaking spaces).
	KeepStraightQuotes bool `toml:"keepStraightQuotes"`
}

// Minify configures output minification for cursus build.
type Minify struct {
	// Disable turns minification off; cursus serve never minifies unless asked.
	Disable bool `toml:"disable"`
}

// Publish names the hosts the site is published on, for the files each
// one reads from the output (see Hosts and docs/publier.md).
type Publish struct {
	Hosts []string `toml:"hosts"`
}

// Hosts are the hosts [publish] hosts may name: "apache" (.htaccess),
// "netlify" (_headers, and _redirects under a sub-path), "cloudflare"
// (_headers) and "github" (.nojekyll).
var Hosts = []string{"apache", "cloudflare", "github", "netlify"}

// Accessibility feeds the déclaration d'accessibilité and the footer mention
// French public sites must show.
type Accessibility struct {
	Status  string `toml:"status"`  // "totalement conforme", "partiellement conforme" or "non conforme"
	Contact string `toml:"contact"` // how to reach the site's owner about accessibility
	Page    string `toml:"page"`    // slug of the déclaration page
}

// Default returns the configuration used for keys a site does not set.
func Default() Config {
	return Config{
		Title:         "Référentiel de compétences",
		BaseURL:       "http://localhost:1313/",
		LanguageCode:  "fr",
		Theme:         "default",
		ContentDir:    "content",
		PublishDir:    "public",
		Accessibility: Accessibility{Status: "non conforme", Page: "accessibilite"},
	}
}

// Load reads config.toml from fsys. A site without one is an error, as an
// empty one is: its pages would give http://localhost:1313/ as their
// address. Only the dev server, which serves at an address of its own,
// previews a site without one (see Exists).
func Load(fsys fs.FS) (Config, error) {
	cfg := Default()
	src, err := fs.ReadFile(fsys, File)
	if errors.Is(err, fs.ErrNotExist) {
		var errs diag.List
		errs.Add(diag.Pos{File: File}, "pas de config.toml ici : lancez cursus dans le dossier du site ou donnez ce dossier avec -s (cursus new DOSSIER commence un site)")
		return cfg, errs.Err()
	}
	if err != nil {
		return cfg, err
	}
	// Errors in config.toml speak the language it asks for, when a line
	// says so, even if the file does not decode.
	if cfg.keys, err = content.DecodeTOML(msg.Of(guessLanguage(src)), File, src, &cfg); err != nil {
		return cfg, err
	}
	errs := cfg.check()
	// check reports a theme outside the site; only one inside is looked for.
	if fi, err := fs.Stat(fsys, cfg.ThemeDir()); inside(cfg.Theme) && (err != nil || !fi.IsDir()) {
		errs.Add(cfg.keys.Pos("theme"), "%s", msg.Of(cfg.LanguageCode).F(msg.ThemeMissing, cfg.Theme, cfg.ThemeDir()))
	}
	errs.Sort()
	return cfg, errs.Err()
}

// Lang is the language of the messages of the site in fsys: its
// config.toml's languageCode, read from its line when the file does not
// decode; French when there is none.
func Lang(fsys fs.FS) msg.Lang {
	src, err := fs.ReadFile(fsys, File)
	if err != nil {
		return msg.FR
	}
	if code := guessLanguage(src); code != "" {
		return msg.Of(code)
	}
	cfg, _ := Load(fsys) // the key written otherwise ("languageCode" = …): as decoded
	return msg.Of(cfg.LanguageCode)
}

// guessLanguage reads the languageCode of config.toml from its line, for
// the messages of a file that may not decode.
func guessLanguage(src []byte) string {
	if m := languageLine().FindSubmatch(src); m != nil {
		return string(m[1])
	}
	return ""
}

var languageLine = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?m)^\s*languageCode\s*=\s*["']([^"']*)["']`)
})

// ThemeDir is the directory of the theme, from the site root.
func (c Config) ThemeDir() string { return "themes/" + c.Theme }

// Exists reports whether fsys has a config.toml, of whatever content.
func Exists(fsys fs.FS) bool {
	_, err := fs.Stat(fsys, File)
	return !errors.Is(err, fs.ErrNotExist)
}

// Validate checks the values and normalises BaseURL to end in a slash.
func (c *Config) Validate() error {
	errs := c.check()
	errs.Sort()
	return errs.Err()
}

func (c *Config) check() diag.List {
	var errs diag.List
	lang := msg.Of(c.LanguageCode)
	fail := func(key string, k msg.Key, args ...any) { errs.Add(c.keys.Pos(key), "%s", lang.F(k, args...)) }
	if strings.TrimSpace(c.Title) == "" {
		fail("title", msg.TitleEmpty)
	}
	if !IsBaseURL(c.BaseURL) {
		fail("baseURL", msg.BaseURL, c.BaseURL)
	} else if !strings.HasSuffix(c.BaseURL, "/") {
		c.BaseURL += "/"
	}
	for key, v := range map[string]string{"theme": c.Theme, "publishDir": c.PublishDir, "contentDir": c.ContentDir} {
		if !inside(v) {
			fail(key, msg.RelPath, key, v)
		}
	}
	for i, m := range c.Menu {
		at := "menu[" + strconv.Itoa(i) + "]"
		switch {
		case (m.URL == "") == (m.Page == ""):
			fail(at, msg.MenuBoth)
		case m.URL != "" && strings.TrimSpace(m.Label) == "":
			fail(at+".url", msg.MenuLabel, m.URL)
		case m.URL != "" && !strings.HasPrefix(m.URL, "/") && !IsBaseURL(m.URL):
			fail(at+".url", msg.MenuURL, m.URL)
		}
	}
	for _, h := range c.Publish.Hosts {
		if !slices.Contains(Hosts, h) {
			fail("publish.hosts", msg.PublishHost, h, strings.Join(Hosts, ", "))
		}
	}
	return errs
}

// inside reports whether a path from config.toml stays inside the site.
func inside(v string) bool {
	return v != "" && !strings.Contains(v, "..") && !strings.HasPrefix(v, "/")
}

// IsBaseURL reports whether s can be a site's base URL: absolute, with a
// scheme and a host.
func IsBaseURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Scheme != "" && u.Host != ""
}

// BasePath is the path part of BaseURL, always ending in a slash: the prefix
// of every URL on the site.
func (c Config) BasePath() string {
	u, err := url.Parse(c.BaseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	return strings.TrimSuffix(u.Path, "/") + "/"
}
