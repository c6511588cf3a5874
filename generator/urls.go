package generator

import (
	"fmt"
	"strings"

	"cursus/generator/content"
)

// URL paths of the site's pages, relative to the base path, always with a
// trailing slash for directories. The theme gets them through the url func.
const (
	pathBlocs       = "/blocs/"
	pathCompetences = "/competences/"
	pathMetiers     = "/metiers/"
	pathModalites   = "/modalites/"
	pathMatrix      = "/matrice/"
	pathSearch      = "/recherche/"
)

// pathOf returns the site path of an entity or of a path string.
func pathOf(v any) (string, error) {
	switch x := v.(type) {
	case string:
		return x, nil
	case *content.Bloc:
		return pathBlocs + x.Slug + "/", nil
	case *content.Competence:
		return pathCompetences + x.Slug + "/", nil
	case *content.Metier:
		return pathMetiers + x.Slug + "/", nil
	case *content.Modalite:
		return pathModalites + "#" + x.Slug, nil
	case *content.Page:
		if x.Slug == "" {
			return "/", nil
		}
		return "/" + x.Slug + "/", nil
	}
	return "", fmt.Errorf("url: cannot make a URL of %T", v)
}

// fileOf maps a site path to the file that serves it.
func fileOf(p string) string {
	p = strings.TrimPrefix(p, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}

// prepareModel gives every entity of the model its URL and its texts their
// French typography, once, so that templates read fields ({{.URL}},
// {{.Label}}) instead of calling url and fr on every page: a template
// function call costs about ten allocations through reflection, and the
// lists of a large site make hundreds of thousands of them. French is
// idempotent, so fr on a prepared text changes nothing, and finds it in the
// cache.
func (b *builder) prepareModel() {
	url := func(v any) string { return b.url(mustPath(v)) }
	fr := func(s *string) {
		if b.fr == nil {
			return
		}
		t := b.french(*s)
		b.fr[t] = t
		*s = t
	}
	c := b.p.Content
	fr(&c.Certification.Title)
	fr(&c.Certification.Summary)
	for _, x := range c.Blocs {
		x.URL = url(x)
		fr(&x.Title)
		fr(&x.Label)
		for i := range x.Activities {
			fr(&x.Activities[i])
		}
	}
	for _, x := range c.Competences {
		x.URL = url(x)
		fr(&x.Label)
		fr(&x.Text)
		for i := range x.Criteria {
			fr(&x.Criteria[i].Text)
		}
	}
	for _, x := range c.Metiers {
		x.URL = url(x)
		fr(&x.Title)
	}
	for _, x := range c.Modalites {
		x.URL = url(x)
		fr(&x.Name)
		fr(&x.Detail)
	}
	for _, x := range c.Pages {
		x.URL = url(x)
		fr(&x.Title)
		fr(&x.Description)
	}
	if c.Home != nil {
		c.Home.URL = b.base
		fr(&c.Home.Title)
		fr(&c.Home.Description)
	}
}

// url returns the URL of a site path under the base path.
func (b *builder) url(p string) string { return b.base + strings.TrimPrefix(p, "/") }

// urlOf returns the URL of a site path or of an entity: the url template
// function. Entities have theirs since prepareModel.
func (b *builder) urlOf(v any) (string, error) {
	p, err := pathOf(v)
	if err != nil {
		return "", err
	}
	return b.url(p), nil
}
