package generator

import (
	"fmt"
	"html/template"
)

// funcs returns the template functions of one build. They close over the
// build's base URL and assets (b.assets, read when a page renders): no
// global state.
func (b *builder) funcs() template.FuncMap {
	return template.FuncMap{
		// url returns the URL of a site path or of an entity, under the base path.
		"url": b.urlOf,
		// abs returns the absolute URL of a site path or entity.
		"abs": func(v any) (string, error) {
			p, err := pathOf(v)
			if err != nil {
				return "", err
			}
			return b.abs(p), nil
		},
		// asset returns the URL of a theme asset by its name in static/.
		"asset": func(name string) (string, error) {
			a := b.assets.Get(name)
			if a == nil {
				return "", fmt.Errorf("asset %q not found in %s/static", name, "themes/"+b.cfg.Theme)
			}
			return b.base + a.Path, nil
		},
		// fr applies French typography to plain text.
		"fr": b.french,
		// hue gives each bloc a colour slot of the theme's palette.
		"hue": func(n int) int { return (n-1)%8 + 1 },
		"add": func(a, b int) int { return a + b },
		"plural": func(n int, one, many string) string {
			if n > 1 {
				return many
			}
			return one
		},
	}
}
