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
