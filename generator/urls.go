package generator

import (
	"fmt"
	"path"
	"strings"

	"cursus/generator/content"
)

// urls turns site paths ("/blocs/b1/", owned by the content package) into
// the URLs a published page links to.
type urls struct {
	base    string // the base path: "/" or "/sub/"
	baseURL string // absolute, with a trailing slash
}

// url returns the URL of a site path under the base path.
func (u urls) url(p string) string { return u.base + strings.TrimPrefix(p, "/") }

// abs returns the absolute URL of a site path.
func (u urls) abs(p string) string {
	return u.baseURL[:len(u.baseURL)-1] + path.Clean("/"+p) + trailingSlash(p)
}

func trailingSlash(p string) string {
	if len(p) > 1 && p[len(p)-1] == '/' {
		return "/"
	}
	return ""
}

// pathOf returns the site path of an entity of the model or of its view,
// or of a path string.
func pathOf(v any) (string, error) {
	switch x := v.(type) {
	case string:
		return x, nil
	case *content.Bloc:
		return x.Path(), nil
	case *content.Competence:
		return x.Path(), nil
	case *content.Metier:
		return x.Path(), nil
	case *content.Certification:
		return x.Path(), nil
	case *content.Page:
		return x.SitePath(), nil
	case interface{ sitePath() string }: // an entity of the view
		return x.sitePath(), nil
	}
	return "", fmt.Errorf("url: cannot make a URL of %T", v)
}

// fileOf maps a site path to the file that serves it.
func fileOf(p string) string { return content.FileOf(p) }
